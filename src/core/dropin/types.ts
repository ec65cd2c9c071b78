// Shapes of the two drop-in script generations' globals (as Purse documents them) and the one driver interface the
// rest of the kit sees. See purse-docs/README.md, "Drop-in scripts (browser)".

// ── Drop-in Checkout (current): window.Purse ───────────────────────────────────────────────────────────────────

/** Theme keys Drop-in Checkout accepts. Widget v3 ignores them. */
export interface DropinTheme {
  /** A CSS font-family. */
  fontFamily?: string;
  /** A CSS length, e.g. "8px". */
  borderRadius?: string;
  /** A CSS color for buttons and focus. */
  accentColor?: string;
  /** Body text: colors (CSS), size and weight. */
  text?: { primaryColor?: string; secondaryColor?: string; fontSize?: string; fontWeight?: string | number };
  /** Titles: size and weight. */
  title?: { fontSize?: string; fontWeight?: string | number };
}

export type DropinSessionState = 'idle' | 'ready' | 'submitting' | 'submitted' | 'error' | 'expired' | 'terminated';

/** What `subscribe` may hand back: an unsubscribe function, a subscription object, or nothing. */
export type PurseUnsubscribe = (() => void) | { unsubscribe(): void } | void;

/** A value of the drop-in instance that calls back on every change. */
export interface PurseSubscribable<T> {
  subscribe(callback: (value: T) => void): PurseUnsubscribe;
}

/** A public event of Drop-in Checkout's `eventListener`. */
export type PurseDropinCheckoutEvent = { type: 'ready' } | { type: 'error'; message: string; code?: string };

export interface PurseDropinCheckoutOptions {
  /** The client session's `widget.data`. */
  session: string;
  locale?: string;
  theme?: DropinTheme;
  hidePayButton?: boolean;
  eventListener?: (event: PurseDropinCheckoutEvent) => void;
  hooks?: {
    /** Called when the session expires: resolve with the new session's `widget.data`. */
    onRefreshSession?: () => Promise<string>;
  };
}

export interface PurseDropinCheckout {
  mount(element: HTMLElement): Promise<void>;
  unmount(): void;
  setSession(session: string): Promise<void> | void;
  submitPayment(): Promise<void>;
  isPaymentFulfilled: PurseSubscribable<boolean>;
  remainingAmountToPay?: PurseSubscribable<number>;
  sessionState: PurseSubscribable<DropinSessionState>;
}

/** `window.Purse`, defined by …/dropin-checkout/…/purse.js */
export interface PurseGlobal {
  createDropinCheckout(options: PurseDropinCheckoutOptions): Promise<PurseDropinCheckout>;
}

// ── Widget v3 (older): window.UpStreamPay ──────────────────────────────────────────────────────────────────────

export type UpStreamPayEventCode =
  | 'CHECKOUT_PAYMENT_FULFILLED_CHANGES'
  | 'CHECKOUT_SESSION_SET'
  | 'CHECKOUT_SESSION_EXPIRED'
  | 'CHECKOUT_API_INIT_FAILED'
  | (string & {});

export interface UpStreamPayEvent {
  code: UpStreamPayEventCode;
  payload?: { isFulfilled?: boolean; message?: string; [key: string]: unknown };
}

export interface UpStreamPaySubscription {
  listener: (event: UpStreamPayEvent) => void;
  /** Event codes to receive; ['*'] for all. */
  scopes: string[];
}

export interface UpStreamPayWidget {
  /** Takes the container's element id, not the element. */
  mount(elementId: string): Promise<void> | void;
  unmount?(): void;
}

export interface UpStreamPayWidgetManager {
  createWidget(options: {
    interface: 'PAYMENT' | 'PAY_BUTTON';
    ui?: Record<string, unknown>;
  }): UpStreamPayWidget | Promise<UpStreamPayWidget>;
  submitPayment(): Promise<void> | void;
}

/** `window.UpStreamPay`, defined by …/dropin/…/purse.js */
export interface UpStreamPayGlobal {
  WidgetManager: {
    buildForWidgetData(widgetData: string, subscriptions: UpStreamPaySubscription[]): Promise<UpStreamPayWidgetManager>;
  };
}

/** The globals the scripts define, on `window`. */
export interface DropinWindow {
  Purse?: PurseGlobal;
  UpStreamPay?: UpStreamPayGlobal;
}

// ── The kit's one interface over both ──────────────────────────────────────────────────────────────────────────

/** Which drop-in script runs: Drop-in Checkout (`window.Purse`, current) or Widget v3 (`window.UpStreamPay`, older). */
export type DropinGeneration = 'dropin-checkout' | 'widget-v3';

/** What the drop-in reports, the same for both generations. */
export type DropinEvent =
  | { type: 'ready' }
  | { type: 'fulfilled'; isFulfilled: boolean }
  | { type: 'submitting' }
  | { type: 'expired' }
  | { type: 'error'; message: string; code?: string };

export interface DropinMountOptions {
  /** The container. Widget v3 mounts by id: one is assigned if the element has none. */
  element: HTMLElement;
  /** The client session's `widget.data`. */
  widgetData: string;
  locale?: string;
  theme?: DropinTheme;
  /** Hide the drop-in's own pay button (to use `submit()` from your own button). Widget v3: no PAY_BUTTON widget. */
  hidePayButton?: boolean;
  onEvent: (event: DropinEvent) => void;
  /** On expiry, Drop-in Checkout asks for a new session: resolve with its `widget.data`. */
  onRefreshSession?: () => Promise<string>;
  /** Abort an unfinished mount (e.g. the component unmounted): the drop-in is torn down and mount rejects. */
  signal?: AbortSignal;
}

export interface MountedDropin {
  /** Submits the payment; Purse then redirects to `shopper_redirection_url`. */
  submit(): Promise<void>;
  /** Removes the drop-in and every listener; later events are dropped. Safe to call twice. */
  unmount(): void;
  /** Replaces the session in place (Drop-in Checkout only). */
  setSession?(widgetData: string): Promise<void>;
}

export interface DropinDriver {
  generation: DropinGeneration;
  mount(options: DropinMountOptions): Promise<MountedDropin>;
}

export interface LoadDropinOptions {
  /** Origins scripts may come from. Default: Purse's CDNs. Add the mock server's origin in dev and tests. */
  allowedOrigins?: readonly string[];
  /** CSP nonce for the script tag. */
  nonce?: string;
  /** Subresource Integrity hash (pins one exact script version). */
  integrity?: string;
  /** Default 'anonymous' when `integrity` is given. */
  crossOrigin?: 'anonymous' | 'use-credentials';
  /** Default 15000. The first caller's value applies to a shared load. */
  timeoutMs?: number;
  /** Stops waiting for this caller only; the shared download goes on for others. */
  signal?: AbortSignal;
  /** Default: the global `document`. */
  document?: Document;
}
