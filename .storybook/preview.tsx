import type { Preview } from '@storybook/react-vite';
import '../src/react/styles.css';
import { loadMessages, type PurseLocale } from '../src/react/i18n/index.ts';

const preview: Preview = {
  // A story in another language has its texts before it renders, as a merchant's page that preloads them does.
  loaders: [({ parameters }) => loadMessages((parameters.purse as { locale?: PurseLocale } | undefined)?.locale ?? 'en')],
  parameters: {
    // An accessibility violation fails the story test.
    // axe runs every rule it enables by default (WCAG 2.0–2.2 A/AA and best practices); target-size (WCAG 2.2 AA,
    // 2.5.8) is off by default in axe, so it is switched on here.
    a11y: { test: 'error', config: { rules: [{ id: 'target-size', enabled: true }] } },
    controls: { expanded: true },
  },
};
export default preview;
