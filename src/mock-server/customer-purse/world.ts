// The Customer Purse half's state: customers, their deposit addresses (purses) and incoming transactions, seeded with a
// known world. Addresses are made up (they look like Bitcoin and Ethereum addresses; no chain is involved).
import type {
  PurseAddress,
  PurseComplianceState,
  PurseCustomer,
  PurseTransaction,
  PurseTransactionState,
} from '../../core/wire/customer-purse.ts';
import type { MockContext } from '../shared/context.ts';
import { clone, uuid } from '../shared/util.ts';

/** The key pair and account the mock accepts (the key pair is the one of Calypso's published signing example). */
export const MOCK_CUSTOMER_PURSE_CREDENTIALS = {
  apiKey: 'c529e14832b34b74972365cf7bf02430',
  secretKey: 'b823a6b9ea72408583cef9ec8d67fa52',
  account: '0x4d6f636b43616c7970736f4163636f756e743031',
} as const;

/** One address serves every currency of its family (an Ethereum address takes ETH and its tokens). */
const FAMILIES: readonly (readonly string[])[] = [['BTC'], ['ETH', 'USDT', 'USDC']];
export const MOCK_PURSE_CURRENCIES: readonly string[] = FAMILIES.flat();
export const familyOf = (currency: string) => FAMILIES.find((family) => family.includes(currency));

export interface World {
  customers: Map<string, PurseCustomer>;
  purses: Map<string, PurseAddress & { customerId: string }>;
  transactions: Map<string, PurseTransaction & { customerId: string; purseId: string }>;
  /** Signatures already accepted, until their timestamp leaves the window (replay protection). */
  seen: Map<string, number>;
}

/** FNV-1a, repeated: a stable pseudo-random digit string for made-up addresses and hashes. */
function digits(seed: string, length: number, alphabet: string): string {
  let out = '';
  let hash = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const char of `${seed}:${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    let value = hash;
    for (let i = 0; i < 6 && out.length < length; i++, value >>>= 5) out += alphabet[value % alphabet.length];
  }
  return out;
}
const HEX = '0123456789abcdef';
const addressFor = (purseId: string, family: readonly string[]) =>
  family[0] === 'BTC' ? `bc1q${digits(purseId, 38, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}` : `0x${digits(purseId, 40, HEX)}`;
export const hashFor = (id: string) => `0x${digits(`tx:${id}`, 64, HEX)}`;

export function addPurse(world: World, customerId: string, currency: string, createdDate: string, id = uuid()) {
  const family = familyOf(currency)!;
  const purse = { id, customerId, address: addressFor(id, family), currencies: [...family], createdDate };
  world.purses.set(id, purse);
  return purse;
}

export function purseFor(world: World, customerId: string, currency: string) {
  return [...world.purses.values()].find((p) => p.customerId === customerId && p.currencies.includes(currency));
}

export interface DepositInput {
  customerId: string;
  currency: string;
  amount: number;
  transactionState?: PurseTransactionState;
  complianceState?: PurseComplianceState;
  createdDate: string;
  id?: string;
}

const COMPLIANCE_OF: Record<PurseTransactionState, PurseComplianceState> = {
  MEM_POOL_FOUND: 'UNCHECKED',
  PENDING_COMPLIANCE_CHECK: 'IN_PROGRESS',
  CONFIRMED: 'CHECKED',
  DECLINED: 'DECLINE',
};
export const complianceOf = (state: PurseTransactionState) => COMPLIANCE_OF[state];

/** An incoming transaction to the customer's address for `currency` (the address is made when there is none). */
export function addDeposit(world: World, input: DepositInput) {
  const purse = purseFor(world, input.customerId, input.currency) ?? addPurse(world, input.customerId, input.currency, input.createdDate);
  const id = input.id ?? uuid();
  const state = input.transactionState ?? 'MEM_POOL_FOUND';
  const transaction = {
    id,
    customerId: input.customerId,
    purseId: purse.id,
    amount: input.amount,
    addressFrom: purse.currencies.includes('BTC') ? `bc1q${digits(`from:${id}`, 38, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}` : `0x${digits(`from:${id}`, 40, HEX)}`,
    currency: input.currency,
    transactionHash: hashFor(id),
    transactionState: state,
    complianceState: input.complianceState ?? complianceOf(state),
    translationToAccountCompleted: state === 'CONFIRMED',
    createdDate: input.createdDate,
  };
  world.transactions.set(id, transaction);
  return transaction;
}

export const customerToWire = (customer: PurseCustomer): PurseCustomer => clone(customer);
export const purseToWire = ({ id, address, currencies, createdDate }: PurseAddress): PurseAddress => ({ id, address, currencies: [...currencies], createdDate });
export function transactionToWire(record: PurseTransaction & { customerId: string; purseId: string }): PurseTransaction {
  const { customerId: _customer, purseId: _purse, ...wire } = record;
  return { ...wire };
}

/** Seeded customers (by `externalId`): see SEEDED_PURSE_CUSTOMERS. */
function seed(world: World) {
  const day = (n: number, hour = 10) => new Date(Date.UTC(2025, 0, n, hour, 0, 0)).toISOString();
  const customer = (id: string, externalId: string, email: string, blocked = false, description?: string) =>
    world.customers.set(id, { id, email, externalId, blocked, ...(description ? { description } : {}) });

  customer('5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b01', 'cust_seed_ada', 'ada@example.com');
  addPurse(world, '5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b01', 'BTC', day(2), '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e01');
  addPurse(world, '5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b01', 'ETH', day(2), '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e02');
  const states: PurseTransactionState[] = ['CONFIRMED', 'CONFIRMED', 'DECLINED', 'CONFIRMED', 'PENDING_COMPLIANCE_CHECK', 'MEM_POOL_FOUND'];
  const currencies = ['BTC', 'USDT', 'ETH', 'BTC', 'USDC', 'ETH'];
  const amounts = [0.015, 250, 0.4, 0.0021, 99.5, 1.25];
  for (let i = 0; i < 12; i++) {
    addDeposit(world, {
      id: `9e8d7c6b-5a49-4382-8170-6f5e4d3c2b${String(i).padStart(2, '0')}`,
      customerId: '5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b01',
      currency: currencies[i % 6]!,
      amount: amounts[i % 6]!,
      // The newest (last seeded) are the ones still in progress.
      transactionState: i >= 10 ? states[i - 6]! : states[i % 4]!,
      createdDate: day(3 + i),
    });
  }

  customer('5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b02', 'cust_seed_blocked', 'blocked@example.com', true, 'Blocked by compliance review');
  addPurse(world, '5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b02', 'BTC', day(5), '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e03');
  addDeposit(world, { id: '9e8d7c6b-5a49-4382-8170-6f5e4d3c2c01', customerId: '5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b02', currency: 'BTC', amount: 0.5, transactionState: 'DECLINED', createdDate: day(6) });
  addDeposit(world, { id: '9e8d7c6b-5a49-4382-8170-6f5e4d3c2c02', customerId: '5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b02', currency: 'BTC', amount: 0.01, transactionState: 'CONFIRMED', createdDate: day(5, 12) });

  customer('5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b03', 'cust_seed_new', 'new@example.com');
}

/**
 * Seeded Customer Purse customers, by `externalId`: `cust_seed_ada` (a Bitcoin and an Ethereum address, 12
 * transactions in every state), `cust_seed_blocked` (blocked, one address, a declined and a confirmed transaction),
 * `cust_seed_new` (no address, no transaction yet).
 */
export const SEEDED_PURSE_CUSTOMERS = ['cust_seed_ada', 'cust_seed_blocked', 'cust_seed_new'] as const;

export function createWorld(_context: MockContext): World {
  const world: World = { customers: new Map(), purses: new Map(), transactions: new Map(), seen: new Map() };
  seed(world);
  return world;
}

export function resetWorld(world: World): void {
  world.customers.clear();
  world.purses.clear();
  world.transactions.clear();
  world.seen.clear();
  seed(world);
}
