// createMockPurse: the Purse emulator as a web-standard fetch handler (no node: APIs), usable in Node, happy-dom and
// the browser. A small router over route modules that share one context; see modules.ts to plug in more.
import type { MockContext, MockModule, ResolvedOptions } from './context.ts';
import { createControlModule, isControlPath } from './control.ts';
import { applyFault, createFaultStore } from './faults.ts';
import { furtherModules } from './modules.ts';
import { createOAuthModule, createTokenStore } from './oauth.ts';
import { createRouter } from './router.ts';
import type { MockPurse, MockPurseControl, MockPurseOptions, MockRequestRecord } from './types.ts';
import { createXcoModule } from './xco.ts';

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
    rateLimit: options.rateLimit ?? { limit: 30, windowMs: 60_000 },
    onOtp: options.onOtp,
  };
  const positive = { tokenTtlSeconds: resolved.tokenTtlSeconds, maxCodeAttempts: resolved.maxCodeAttempts, 'rateLimit.limit': resolved.rateLimit.limit, 'rateLimit.windowMs': resolved.rateLimit.windowMs, otpTtlMs: resolved.otpTtlMs };
  for (const [name, value] of Object.entries(positive)) {
    if (!(Number.isFinite(value) && value > 0)) throw new Error(`createMockPurse: ${name} must be a positive number, got ${value}.`);
  }
  if (!(resolved.resendThrottleMs >= 0)) throw new Error('createMockPurse: resendThrottleMs must be >= 0.');
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
  const modules: MockModule[] = [createOAuthModule(context), xco, ...furtherModules.map((factory) => factory(context))];

  const control: MockPurseControl = {
    currentCode: (identifier) => xco.currentCode(identifier),
    users: () => xco.users(),
    consents: () => xco.consents(),
    tokenRequests: () => context.tokens.grants(),
    requests: () => log.map((record) => ({ ...record })),
    setFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    reset() {
      for (const module of modules) module.reset?.();
      faults.clear();
      log = [];
    },
  };

  const extraState = () => Object.assign({}, ...modules.map((module) => module.snapshot?.() ?? {})) as Record<string, unknown>;
  const routes = modules.flatMap((module) => module.routes);
  if (resolved.testMode) routes.push(...createControlModule(control, extraState, faults.list).routes);
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
      if (rule) {
        const response = await applyFault(rule, url.pathname);
        if (response) return response;
      }
      return dispatch(request, url, record);
    },
  };
}
