import type { Preview } from '@storybook/react-vite';
import '../src/react/styles.css';
import { loadMessages, type PurseLocale } from '../src/react/i18n/index.ts';
import { PURSE_LOCALES } from '../src/react/i18n/locales.ts';
import { defaultsFromTsdoc } from './tsdoc-defaults.ts';

const NAMES: Record<PurseLocale, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', it: 'Italiano', nl: 'Nederlands' };
/**
 * The toolbar's locale switcher: every language the components speak. Every story renders in the one picked (a
 * story's own `parameters.purse.locale` wins).
 */
export const STORYBOOK_LOCALES = PURSE_LOCALES.map((locale) => ({ value: locale, title: NAMES[locale], right: locale }));

const preview: Preview = {
  argTypesEnhancers: [defaultsFromTsdoc],
  // A story in another language has its texts before it renders, as a merchant's page that preloads them does.
  loaders: [
    ({ parameters, globals }) =>
      loadMessages((parameters.purse as { locale?: PurseLocale } | undefined)?.locale ?? (globals.locale as PurseLocale | undefined) ?? 'en'),
  ],
  parameters: {
    // An accessibility violation fails the story test.
    // axe runs every rule it enables by default (WCAG 2.0–2.2 A/AA and best practices); target-size (WCAG 2.2 AA,
    // 2.5.8) is off by default in axe, so it is switched on here.
    a11y: { test: 'error', config: { rules: [{ id: 'target-size', enabled: true }] } },
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: 'The components’ language',
      toolbar: { title: 'Language', icon: 'globe', items: STORYBOOK_LOCALES, dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en' },
};
export default preview;
