// The Customer Purse half of the mock (Calypso's API, signed with Key / Sign): the ten endpoints, a seeded world, and
// test-mode controls that make money arrive:
//   POST /__mock/customer-purse/deposits                { customerId | externalId, currency, amount, transactionState?, complianceState? } → 201 transaction
//   POST /__mock/customer-purse/transactions/{id}/state { transactionState, complianceState? }                                          → 200 transaction
import {
  PURSE_COMPLIANCE_STATES,
  PURSE_TRANSACTION_STATES,
  type PurseComplianceState,
  type PurseTransactionState,
} from '../../core/wire/customer-purse.ts';
import type { MockContext, MockModule, MockRoute } from '../shared/context.ts';
import { isRecord, json, problem, readJsonBody, validationProblem } from '../shared/http.ts';
import type { CustomerPurseControl, MockDepositInput } from './control-types.ts';
import { customerPurseRoutes } from './routes.ts';
import {
  addDeposit,
  complianceOf,
  createWorld,
  customerToWire,
  familyOf,
  MOCK_CUSTOMER_PURSE_CREDENTIALS,
  MOCK_PURSE_CURRENCIES,
  purseToWire,
  resetWorld,
  transactionToWire,
} from './world.ts';

export interface CustomerPurseModule extends MockModule {
  control: CustomerPurseControl;
  controlRoutes: MockRoute[];
}

const PREFIX = '/__mock/customer-purse';

export { MOCK_CUSTOMER_PURSE_CREDENTIALS, MOCK_PURSE_CURRENCIES };
export type { CustomerPurseControl, MockDepositInput };

export function createCustomerPurseModule(context: MockContext): CustomerPurseModule {
  const world = createWorld(context);
  const routes = customerPurseRoutes(context, world, [MOCK_CUSTOMER_PURSE_CREDENTIALS]);

  const control: CustomerPurseControl = {
    customers: () => [...world.customers.values()].map(customerToWire),
    purses: () => [...world.purses.values()].map((p) => ({ ...purseToWire(p), customerId: p.customerId })),
    transactions: () => [...world.transactions.values()].map((t) => ({ ...transactionToWire(t), customerId: t.customerId })),
    addDeposit(input) {
      const customer = [...world.customers.values()].find((c) =>
        input.customerId !== undefined ? c.id === input.customerId : input.externalId !== undefined && c.externalId === input.externalId,
      );
      if (!customer) throw new Error(`addDeposit: no customer with ${input.customerId !== undefined ? `id '${input.customerId}'` : `externalId '${input.externalId}'`}.`);
      if (!familyOf(input.currency)) throw new Error(`addDeposit: currency must be one of ${MOCK_PURSE_CURRENCIES.join(', ')}.`);
      if (!(typeof input.amount === 'number' && Number.isFinite(input.amount) && input.amount > 0)) throw new Error('addDeposit: amount must be a positive number.');
      const state = input.transactionState ?? 'MEM_POOL_FOUND';
      if (!PURSE_TRANSACTION_STATES.includes(state)) throw new Error(`addDeposit: transactionState must be one of ${PURSE_TRANSACTION_STATES.join(', ')}.`);
      if (input.complianceState !== undefined && !PURSE_COMPLIANCE_STATES.includes(input.complianceState)) {
        throw new Error(`addDeposit: complianceState must be one of ${PURSE_COMPLIANCE_STATES.join(', ')}.`);
      }
      const record = addDeposit(world, {
        customerId: customer.id,
        currency: input.currency,
        amount: input.amount,
        transactionState: state,
        ...(input.complianceState ? { complianceState: input.complianceState } : {}),
        createdDate: new Date(context.now()).toISOString(),
      });
      return transactionToWire(record);
    },
    setTransactionState(id, transactionState, complianceState) {
      const record = world.transactions.get(id);
      if (!record) throw new Error(`setTransactionState: no transaction '${id}'.`);
      if (!PURSE_TRANSACTION_STATES.includes(transactionState)) throw new Error(`setTransactionState: unknown state '${transactionState}'.`);
      record.transactionState = transactionState;
      record.complianceState = complianceState ?? complianceOf(transactionState);
      record.translationToAccountCompleted = transactionState === 'CONFIRMED';
      return transactionToWire(record);
    },
  };

  const controlRoutes: MockRoute[] = [
    {
      method: 'POST',
      path: `${PREFIX}/deposits`,
      auth: 'none',
      async handler(request, { url }) {
        const body = await readJsonBody(request, url.pathname);
        if (!body.ok) return body.response;
        if (!isRecord(body.value)) return validationProblem(url.pathname, [{ pointer: '', detail: 'Send a JSON object.' }]);
        try {
          return json(201, control.addDeposit(body.value as unknown as MockDepositInput));
        } catch (error) {
          return validationProblem(url.pathname, [{ pointer: '', detail: (error as Error).message }]);
        }
      },
    },
    {
      method: 'POST',
      path: `${PREFIX}/transactions/:id/state`,
      auth: 'none',
      async handler(request, { url, params }) {
        const body = await readJsonBody(request, url.pathname);
        if (!body.ok) return body.response;
        const value = isRecord(body.value) ? body.value : {};
        if (!world.transactions.has(params.id!)) {
          return problem({ status: 404, title: 'Not Found', detail: 'No such transaction.', code: 'not_found', instance: url.pathname });
        }
        try {
          return json(200, control.setTransactionState(params.id!, value.transactionState as PurseTransactionState, value.complianceState as PurseComplianceState | undefined));
        } catch (error) {
          return validationProblem(url.pathname, [{ pointer: '/transactionState', detail: (error as Error).message }]);
        }
      },
    },
  ];

  return {
    control,
    routes,
    controlRoutes,
    reset: () => resetWorld(world),
    snapshot: () => ({ customerPurse: { customers: control.customers(), purses: control.purses(), transactions: control.transactions() } }),
  };
}
