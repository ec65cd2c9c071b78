// createMockPurse: the Purse emulator as a web-standard fetch handler (no node: APIs), usable in Node, happy-dom and
// the browser. A small router over route modules that share one context.
import type { MockContext, MockModule, ResolvedOptions } from './shared/context.ts';
import { createControlModule, isControlPath } from './shared/control.ts';
import { createCustomerPurseModule } from './customer-purse/index.ts';
import { applyFault, createFaultStore } from './shared/faults.ts';
import { createOAuthModule, createTokenStore } from './shared/oauth.ts';
import { createPaymentModule, isDropinGeneration } from './payment/index.ts';
import { createRouter } from './shared/router.ts';
import type { MockPurse, MockPurseControl, MockPurseOptions, MockRequestRecord } from './types.ts';
import { createXcoModule } from './xco/routes.ts';

const MAX_LOGGED_REQUESTS = 10_000;

function resolveOptions(options: MockPurseOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    testMode: options.testMode ?? false,
    baseUrl: (options.baseUrl ?? 'http://localhost').replace(/\/+$/, ''),
    now: options.now ?? Date.now,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    otpTtlMs: options.otpTtlMs ?? 10 * 60_000,
    resendThrottleMs: options.resendThrottleMs ?? 30_000,
    maxCodeAttempts: options.maxCodeAttempts ?? 5,
    verifyBudget: options.verifyBudget ?? { limit: 100, windowMs: 60 * 60_000 },
    rateLimit: options.rateLimit ?? { limit: 30, windowMs: 60_000 },
    onOtp: options.onOtp,
    sessionTtlMs: options.sessionTtlMs ?? 30 * 60_000,
    dropinGeneration: options.dropinGeneration ?? 'dropin-checkout',
    pendingSettleMs: options.pendingSettleMs ?? 4000,
    webhookFetch: options.webhookFetch,
  };
  const positive = { tokenTtlSeconds: resolved.tokenTtlSeconds, maxCodeAttempts: resolved.maxCodeAttempts, 'rateLimit.limit': resolved.rateLimit.limit, 'rateLimit.windowMs': resolved.rateLimit.windowMs, 'verifyBudget.limit': resolved.verifyBudget.limit, 'verifyBudget.windowMs': resolved.verifyBudget.windowMs, otpTtlMs: resolved.otpTtlMs, sessionTtlMs: resolved.sessionTtlMs };
  for (const [name, value] of Object.entries(positive)) {
    if (!(Number.isFinite(value) && value > 0)) throw new Error(`createMockPurse: ${name} must be a positive number, got ${value}.`);
  }
  if (!(resolved.resendThrottleMs >= 0)) throw new Error('createMockPurse: resendThrottleMs must be >= 0.');
  if (!(resolved.pendingSettleMs >= 0)) throw new Error('createMockPurse: pendingSettleMs must be >= 0.');
  if (!isDropinGeneration(resolved.dropinGeneration)) {
    throw new Error(`createMockPurse: dropinGeneration must be 'dropin-checkout' or 'widget-v3', got '${resolved.dropinGeneration}'.`);
  }
  try {
    new URL(resolved.baseUrl);
  } catch {
    throw new Error(`createMockPurse: baseUrl must be an absolute URL such as 'http://localhost:4010', got '${resolved.baseUrl}'.`);
  }
  return resolved;
}

export function createMockPurse(options: MockPurseOptions = {}): MockPurse {
  const resolved = resolveOptions(options);
  const context: MockContext = {
    options: resolved,
    now: () => resolved.now(),
    baseUrl: resolved.baseUrl,
    tokens: createTokenStore(() => resolved.now(), resolved.tokenTtlSeconds),
  };
  const faults = createFaultStore();
  let log: MockRequestRecord[] = [];

  const xco = createXcoModule(context);
  const payment = createPaymentModule(context);
  const customerPurse = createCustomerPurseModule(context);
  const modules: MockModule[] = [createOAuthModule(context), xco, payment, customerPurse];
  const orThrow = <T>(value: T | undefined, message: string): T => {
    if (value === undefined) throw new Error(message);
    return value;
  };

  const control: MockPurseControl = {
    currentCode: (identifier) => xco.currentCode(identifier),
    users: () => xco.users(),
    consents: () => xco.consents(),
    tokenRequests: () => context.tokens.grants(),
    requests: () => log.map((record) => ({ ...record })),
    setFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    sessions: () => payment.sessions(),
    payments: () => payment.payments(),
    paymentLinks: () => payment.paymentLinks(),
    webhooks: () => payment.webhooks(),
    webhooksSettled: () => payment.webhooksSettled(),
    setDropinGeneration: (generation) => payment.setDropinGeneration(generation),
    rotateSigningKey: () => payment.rotateSigningKey(),
    settlePayment(id, status) {
      const outcome = payment.settle(id, status);
      if (outcome.ok) return outcome.payment;
      throw new Error(outcome.reason === 'not_found' ? `settlePayment: no payment '${id}'.` : `settlePayment: payment '${id}' is not PENDING.`);
    },
    expireSession: (id) => orThrow(payment.expireSession(id), `expireSession: no client session '${id}'.`),
    expirePaymentLink: (id) => orThrow(payment.expirePaymentLink(id), `expirePaymentLink: no payment link '${id}'.`),
    customerPurse: customerPurse.control,
    reset() {
      for (const module of modules) module.reset?.();
      faults.clear();
      log = [];
    },
  };

  const extraState = () => Object.assign({}, ...modules.map((module) => module.snapshot?.() ?? {})) as Record<string, unknown>;
  const routes = modules.flatMap((module) => module.routes);
  if (resolved.testMode) routes.push(...createControlModule(control, extraState, faults.list).routes, ...payment.controlRoutes, ...customerPurse.controlRoutes);
  const dispatch = createRouter(context, routes);

  return {
    control,
    async fetch(request) {
      const url = new URL(request.url);
      // Control calls are neither logged nor faulted: a test must always be able to see and undo what it set up.
      if (isControlPath(url.pathname)) return dispatch(request, url, undefined);
      const method = request.method.toUpperCase();
      const record: MockRequestRecord = { method, path: url.pathname };
      log.push(record);
      // Bounded, so that a long-running dev server does not grow without limit.
      if (log.length > MAX_LOGGED_REQUESTS) log.splice(0, log.length - MAX_LOGGED_REQUESTS);
      const rule = faults.take(method, url.pathname);
      if (rule && !rule.after) {
        const response = await applyFault(rule, url.pathname);
        if (response) return response;
      }
      const response = await dispatch(request, url, record);
      // An `after` fault: the route has acted; now its answer is late, cut, unreadable or replaced.
      if (rule?.after) return (await applyFault(rule, url.pathname)) ?? response;
      return response;
    },
  };
}
