import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist', 'storybook-static', 'public', '**/node_modules', 'test-results', 'playwright-report',
      // The examples' build outputs (their sources are linted).
      'examples/**/.next', 'examples/**/dist', 'examples/test-results', 'examples/**/next-env.d.ts',
      // The README's quickstart as files, written and type-checked by test:examples.
      'examples/.quickstart',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The browser entry must never reach server code or the Purse emulator.
    files: ['src/react/**', 'src/core/**', 'src/index.ts', 'src/checkout.ts', 'src/status.ts', 'src/signup.ts', 'src/customer-purse.ts', 'src/xco-account.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/server', '**/mock-server/**', '**/mock-server', 'node:*'], message: 'Browser code must not import server-only modules.' }] },
      ],
    },
  },
);
