// The examples' Playwright fixtures: `mock` is purse-react-kit/testing's client for the project's own Purse mock,
// reset before each test.
import { test as base } from '@playwright/test';
import { connectPurseMock, type PurseMockClient } from 'purse-react-kit/testing';

export const test = base.extend<{ mock: PurseMockClient }, { mockUrl: string }>({
  mockUrl: ['', { option: true, scope: 'worker' }],
  mock: async ({ mockUrl }, provide) => {
    const mock = connectPurseMock(mockUrl);
    await mock.reset();
    await provide(mock);
  },
});
export { expect } from '@playwright/test';
