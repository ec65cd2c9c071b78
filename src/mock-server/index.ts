// purse-react-kit/mock-server: the Purse emulator. Everything here is web-standard and safe to import in a browser
// (Storybook, happy-dom); only startMockPurseServer reaches Node, through a dynamic import of ./node.ts.
import type { MockPurseServer } from './node.ts';
import type { MockPurseOptions } from './types.ts';

export { createMockPurse } from './create.ts';
export { MOCK_CREDENTIALS, SEEDED_USERS } from './seed.ts';
export { MOCK_CUSTOMER_PURSE_CREDENTIALS, MOCK_PURSE_CURRENCIES, SEEDED_PURSE_CUSTOMERS } from './customer-purse/world.ts';
export type { CustomerPurseControl, MockDepositInput } from './customer-purse/control-types.ts';
export type { PurseAddress, PurseComplianceState, PurseCustomer, PurseTransaction, PurseTransactionState } from '../core/wire/customer-purse.ts';
export { mockPurseEnv } from './env.ts';
export { isConnectionDropped } from './shared/faults.ts';
export { TEST_CARDS as MOCK_TEST_CARDS } from './payment/test-cards.ts';
export type {
  FaultRule,
  MockConsentRecord,
  MockPurse,
  MockPurseControl,
  MockPurseOptions,
  MockRequestRecord,
  MockUserRecord,
  MockWebhookDelivery,
  WebhookFetch,
} from './types.ts';
export type { CallContext, MockContext, MockHandler, MockModule, MockModuleFactory, MockRoute } from './shared/context.ts';
export type { MockPurseServer } from './node.ts';

/** Serves a new mock over real HTTP (Node only). `port: 0` (default) picks a free port; host defaults to 127.0.0.1. */
export async function startMockPurseServer(
  options?: MockPurseOptions & { port?: number; host?: string },
): Promise<MockPurseServer> {
  const node = await import('./node.ts');
  return node.startMockPurseServer(options);
}
