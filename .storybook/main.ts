import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  // Pre-bundled up front: found only while the first story file loads, they would make Vite reload the page in the
  // middle of a cold story-test run, which fails every test of that run.
  viteFinal: (vite) =>
    mergeConfig(vite, {
      optimizeDeps: { include: ['@tanstack/react-query', 'jose', 'libphonenumber-js/min', 'react-hook-form'] },
    }),
};
export default config;
