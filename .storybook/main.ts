import type { StorybookConfig } from '@storybook/react-vite';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  // msw-storybook-addon: its preview starts the Mock Service Worker and gives each story `context.msw`; the checkout
  // stories route the Purse emulator's origin (drop-in scripts, their API, hosted page) through it.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Props tables from the TSDoc of the props interfaces, also those extending the hooks' options from other files.
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      // Only the components: docgen sets `displayName` on every export of a file it reads, which would, e.g., add
      // a key to a story helper's poll schedule object (and make it invalid).
      include: ['src/react/**/*.tsx'],
      exclude: ['**/*.test.tsx'],
      // The components' own props, not React's or the DOM's.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
    },
  },
  core: { disableTelemetry: true },
  // public/mockServiceWorker.js (from `npx msw init public`).
  staticDirs: ['../public'],
  // Pre-bundled up front: found only while the first story file loads, they would make Vite reload the page in the
  // middle of a cold story-test run, which fails every test of that run.
  viteFinal: (vite) =>
    mergeConfig(vite, {
      // The docs pages' examples (stories/usage/) import the package by its entries, as a merchant's page does.
      resolve: {
        alias: [{ find: /^purse-react-kit\/(signup|checkout|status|customer-purse|xco-account)$/, replacement: `${fileURLToPath(new URL('../src/', import.meta.url))}$1.ts` }],
      },
      optimizeDeps: {
        include: ['@tanstack/react-query', 'jose', 'libphonenumber-js/min', 'react-hook-form', 'msw', 'msw/browser', 'qrcode.react'],
      },
    }),
};
export default config;
