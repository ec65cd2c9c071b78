// purse-react-kit/testing: helpers for a merchant's own end-to-end tests against the Purse mock
// (`npx purse-mock-server --test-mode`): read one-time codes, pay with the test cards, inject faults and latency.
// Node and Playwright only; never imported by the browser entry.
export { connectPurseMock } from './mock-control.ts';
export type {
  CodeRecipient,
  LatencyOptions,
  LatestCodeOptions,
  PurseMockClient,
  PurseMockClientOptions,
  PurseMockState,
} from './mock-control.ts';
export { payWithTestCard, TEST_CARDS } from './cards.ts';
export type { PayWithTestCardOptions, TestCardName } from './cards.ts';
export type { FaultRule } from '../mock-server/types.ts';
export type { DropinGeneration } from '../core/dropin/types.ts';
