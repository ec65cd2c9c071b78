// Test helpers for PurseCheckout (not exported by the package). The backend is the real in-process stack (adapter →
// merchant handler → Purse emulator). Only the edge is faked: Purse's drop-in scripts. happy-dom really fetches the
// <script> through its fetch interceptor (our fake CDN, which decides when and how each request answers) and runs the
// body; the globals those scripts define are fakes with the documented call shapes, installed by each test.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactElement } from 'react';
import { expect, vi } from 'vitest';
import type {
  DropinGeneration,
  DropinSessionState,
  PurseDropinCheckoutOptions,
  PurseSubscribable,
  UpStreamPayEvent,
  UpStreamPaySubscription,
} from '../../core/dropin/types.ts';
import type { IntegrationMode } from '../../core/wire/payment.ts';
import { interceptPageRequests } from '../../test/fake-cdn.ts';
import { createTestStack } from '../../test/stack.ts';
import type { PurseLocale } from '../i18n/index.ts';
import { PurseProvider } from '../provider/index.ts';
import { PurseCheckout, type PurseCheckoutProps } from './PurseCheckout.tsx';

export const MOCK_ORIGIN = 'http://purse.test';
export const CHECKOUT_SCRIPT = `${MOCK_ORIGIN}/dropin-checkout/stable/purse.js`;
export const WIDGET_SCRIPT = `${MOCK_ORIGIN}/dropin/v3-stable/purse.js`;
export const CREATE_SESSION = 'POST /payment/v2/client-sessions';

/** Holds requests while closed. */
export class Gate {
  private waiting: (() => void)[] = [];
  private closed = false;
  close() {
    this.closed = true;
  }
  open() {
    this.closed = false;
    for (const release of this.waiting.splice(0)) release();
  }
  pass(): Promise<void> {
    return this.closed ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }
}

export interface CheckoutStackOptions {
  generation?: DropinGeneration;
  sessionTtlMs?: number;
  modes?: IntegrationMode[];
  /** The shopper's order total in minor units (decides the mock's eligible methods). */
  amount?: number;
  /** The merchant finds no order to pay (resolveOrder returns null). */
  noOrder?: boolean;
  /** The merchant server's and Purse's clock run this far ahead of the shopper's (negative: behind). */
  clockOffsetMs?: number;
}

/** The real stack, with the merchant's resolveOrder gated for session creation (a slow merchant database). */
export function checkoutStack(options: CheckoutStackOptions = {}) {
  const sessionGate = new Gate();
  const offset = options.clockOffsetMs;
  const now = offset === undefined ? undefined : () => Date.now() + offset;
  const stack = createTestStack({
    purse: {
      baseUrl: MOCK_ORIGIN,
      ...(now && { now }),
      ...(options.generation && { dropinGeneration: options.generation }),
      ...(options.sessionTtlMs !== undefined && { sessionTtlMs: options.sessionTtlMs }),
    },
    handler: {
      ...(now && { now }),
      async resolveOrder(request, { order_reference }) {
        if (new URL(request.url).pathname.endsWith('/checkout/sessions')) await sessionGate.pass();
        if (options.noOrder) return null;
        return { amount: options.amount ?? 12_000, currency: 'EUR', order: { reference: order_reference ?? 'cart-1' } };
      },
      checkout: {
        shopperRedirectionUrl: 'https://shop.test/checkout/return',
        allowedIntegrationModes: options.modes ?? ['EMBEDDED', 'HOSTED_PAGE'],
      },
    },
  });
  /** Purse API calls as "METHOD /path" (token grants left out). */
  const apiCalls = () =>
    stack.purse.control
      .requests()
      .filter((record) => !record.path.startsWith('/oauth2'))
      .map((record) => `${record.method} ${record.path}`);
  const count = (call: string | RegExp) =>
    apiCalls().filter((c) => (typeof call === 'string' ? c === call : call.test(c))).length;
  return { ...stack, sessionGate, apiCalls, count };
}
export type CheckoutStack = ReturnType<typeof checkoutStack>;

// ── the page's requests ───────────────────────────────────────────────────────────────────────────────────────

export { fakeCdn, resetPage, type CdnRequest } from '../../test/fake-cdn.ts';

/**
 * Routes every request the page makes (the drop-in script and its own API calls) to the in-process mock, so the
 * mock's real drop-in scripts run in happy-dom against the same Purse emulator as the merchant handler.
 */
export function mockCdn(stack: CheckoutStack) {
  const urls: string[] = [];
  interceptPageRequests(async (request) => {
    urls.push(`${request.method} ${request.url}`);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const headers = Object.fromEntries(request.headers);
    const answer = await stack.purse.fetch(new globalThis.Request(request.url, { method: request.method, headers, body }));
    return new Response(await answer.text(), { status: answer.status, headers: Object.fromEntries(answer.headers) });
  });
  return { urls };
}

// ── fakes of Purse's two globals ─────────────────────────────────────────────────────────────────────────────

const globals = window as unknown as Record<string, unknown>;

class FakeValue<T> implements PurseSubscribable<T> {
  readonly callbacks = new Set<(value: T) => void>();
  constructor(public value: T) {}
  subscribe(callback: (value: T) => void) {
    this.callbacks.add(callback);
    return () => void this.callbacks.delete(callback);
  }
  set(value: T) {
    this.value = value;
    for (const callback of this.callbacks) callback(value);
  }
}

/** One Drop-in Checkout instance, as `createDropinCheckout` returned it. */
export function fakeDropinInstance(options: PurseDropinCheckoutOptions) {
  let element: HTMLElement | undefined;
  const instance = {
    options,
    session: options.session,
    isPaymentFulfilled: new FakeValue(false),
    sessionState: new FakeValue<DropinSessionState>('idle'),
    mount: vi.fn(async (target: HTMLElement) => {
      element = target;
      const form = document.createElement('div');
      form.innerHTML = '<p>Fake Purse drop-in</p>';
      if (!options.hidePayButton) {
        const pay = document.createElement('button');
        pay.type = 'button';
        pay.textContent = 'Pay with Purse';
        pay.addEventListener('click', () => void instance.pay());
        form.append(pay);
      }
      target.append(form);
      instance.sessionState.set('ready');
    }),
    unmount: vi.fn(() => {
      if (element) element.textContent = '';
      instance.sessionState.set('terminated');
    }),
    setSession: vi.fn(async (data: string) => {
      instance.session = data;
      instance.sessionState.set('ready');
    }),
    /** What a submission does; tests replace it. */
    outcome: vi.fn(async (): Promise<void> => {}),
    submitPayment: vi.fn(() => instance.pay()),
    /** The drop-in's own pay flow: submitting, then the outcome. */
    async pay() {
      instance.sessionState.set('submitting');
      try {
        await instance.outcome();
      } finally {
        if (instance.sessionState.value === 'submitting') instance.sessionState.set('ready');
      }
    },
    emit: (event: Parameters<NonNullable<PurseDropinCheckoutOptions['eventListener']>>[0]) => options.eventListener?.(event),
    /** Expires the session the way Drop-in Checkout does: state `expired`, then asks the hook for a new session. */
    async expire({ askHook = true } = {}) {
      instance.sessionState.set('expired');
      if (!askHook || !options.hooks?.onRefreshSession) return;
      await instance.setSession(await options.hooks.onRefreshSession());
    },
    listeners: () => instance.isPaymentFulfilled.callbacks.size + instance.sessionState.callbacks.size,
  };
  return instance;
}
export type FakeDropin = ReturnType<typeof fakeDropinInstance>;

/** window.Purse (Drop-in Checkout) recording each instance. */
export function installFakePurse() {
  const instances: FakeDropin[] = [];
  globals.Purse = {
    createDropinCheckout: vi.fn(async (options: PurseDropinCheckoutOptions) => {
      const instance = fakeDropinInstance(options);
      instances.push(instance);
      return instance;
    }),
  };
  /** Instances not unmounted. */
  const alive = () => instances.filter((i) => i.unmount.mock.calls.length === 0);
  return { instances, alive, latest: () => instances.at(-1)! };
}

/** window.UpStreamPay (Widget v3). */
export function installFakeUpStreamPay() {
  const state = {
    widgetData: [] as string[],
    subscriptions: [] as UpStreamPaySubscription[],
    /** Element ids, in mount order, of both widgets (PAYMENT, then PAY_BUTTON unless hidePayButton). */
    mounted: [] as string[],
    /** PAYMENT widgets (the form) unmounted. */
    unmounts: 0,
    submitPayment: vi.fn(async (): Promise<void> => {}),
    fire(event: UpStreamPayEvent) {
      for (const s of state.subscriptions) s.listener(event);
    },
  };
  globals.UpStreamPay = {
    WidgetManager: {
      async buildForWidgetData(widgetData: string, subscriptions: UpStreamPaySubscription[]) {
        state.widgetData.push(widgetData);
        state.subscriptions.push(...subscriptions);
        return {
          // Purse's shape: the PAYMENT widget is the form, PAY_BUTTON its pay button.
          createWidget: (opts: { interface: 'PAYMENT' | 'PAY_BUTTON' }) => ({
            mount(id: string) {
              document.getElementById(id)!.textContent = opts.interface === 'PAYMENT' ? 'Fake UpStreamPay widget' : 'Fake UpStreamPay pay button';
              state.mounted.push(id);
            },
            unmount() {
              if (opts.interface === 'PAYMENT') state.unmounts += 1;
            },
          }),
          submitPayment: state.submitPayment,
        };
      },
    },
  };
  return state;
}

// ── rendering ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface RenderCheckoutOptions {
  stack?: CheckoutStack;
  strict?: boolean;
  locale?: PurseLocale;
}

/** <PurseCheckout> in <PurseProvider> over the real stack; the mock's origin is allowed. */
export function renderCheckout(props: Partial<PurseCheckoutProps> = {}, options: RenderCheckoutOptions = {}) {
  const stack = options.stack ?? checkoutStack();
  const user = userEvent.setup();
  const tree = (p: Partial<PurseCheckoutProps>, locale: PurseLocale = options.locale ?? 'en'): ReactElement => {
    const element = (
      <PurseProvider backend={stack.backend} locale={locale}>
        <PurseCheckout allowedOrigins={[MOCK_ORIGIN]} {...(p.session ? {} : { order: { order_reference: 'cart-1' } })} {...p} />
      </PurseProvider>
    );
    return options.strict ? <StrictMode>{element}</StrictMode> : element;
  };
  const view = render(tree(props));
  /** New props; `locale`: the shopper switched the provider's language. */
  const rerender = (p: Partial<PurseCheckoutProps>, locale?: PurseLocale) => view.rerender(tree(p, locale));
  return { ...view, stack, user, rerender };
}

/** The text of the one live region. */
export const liveText = () => document.querySelector('[role="status"]')?.textContent ?? '';

/**
 * The loading skeleton without the eligible methods' list (its chunk still on the way, or not downloadable): the
 * loading text, announced; no list, no title without its list, no raw key.
 */
export function expectSkeletonWithoutList() {
  expect(screen.getByText('Loading payment methods…', { selector: 'p' })).toBeInTheDocument();
  expect(liveText()).toBe('Loading payment methods…');
  expect(screen.queryByRole('list')).toBeNull();
  expect(screen.queryByText(/Available payment methods|checkout\./)).toBeNull();
}
