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

/** Drop-in Checkout's `sessionState`. */
export type DropinSessionState = 'idle' | 'ready' | 'submitting' | 'submitted' | 'error' | 'expired' | 'terminated';

/** What `subscribe` may hand back: an unsubscribe function, a subscription object, or nothing. */
export type PurseUnsubscribe = (() => void) | { unsubscribe(): void } | void;

/** A value of the drop-in instance that calls back on every change. */
export interface PurseSubscribable<T> {
  /** Calls back with every new value. */
  subscribe(callback: (value: T) => void): PurseUnsubscribe;
}

/** A public event of Drop-in Checkout's `eventListener`. */
export type PurseDropinCheckoutEvent = { type: 'ready' } | { type: 'error'; message: string; code?: string };

/** What `createDropinCheckout` takes. */
export interface PurseDropinCheckoutOptions {
  /** The client session's `widget.data`. */
  session: string;
  /** The form's language. */
  locale?: string;
  /** The form's look. */
  theme?: DropinTheme;
  /** No pay button: the merchant calls `submitPayment()`. */
  hidePayButton?: boolean;
  /** Receives `ready` and `error` events. */
  eventListener?: (event: PurseDropinCheckoutEvent) => void;
  /** Callbacks the drop-in awaits. */
  hooks?: {
    /** Called when the session expires: resolve with the new session's `widget.data`. */
    onRefreshSession?: () => Promise<string>;
  };
}

/** A Drop-in Checkout instance. */
export interface PurseDropinCheckout {
  /** Renders the form in the element. */
  mount(element: HTMLElement): Promise<void>;
  /** Removes the form. */
  unmount(): void;
  /** Replaces the session (its `widget.data`) in place. */
  setSession(session: string): Promise<void> | void;
  /** Pays with what the form holds; Purse then redirects. */
  submitPayment(): Promise<void>;
  /** The form is complete. */
  isPaymentFulfilled: PurseSubscribable<boolean>;
  /** What is left to pay (split payments), in minor units. */
  remainingAmountToPay?: PurseSubscribable<number>;
  /** The session's state as the drop-in sees it. */
  sessionState: PurseSubscribable<DropinSessionState>;
}

/** `window.Purse`, defined by …/dropin-checkout/…/purse.js */
export interface PurseGlobal {
  /** Creates an instance for a session. */
  createDropinCheckout(options: PurseDropinCheckoutOptions): Promise<PurseDropinCheckout>;
}

// ── Widget v3 (older): window.UpStreamPay ──────────────────────────────────────────────────────────────────────

/** Widget v3's event codes (others may come). */
export type UpStreamPayEventCode =
  | 'CHECKOUT_PAYMENT_FULFILLED_CHANGES'
  | 'CHECKOUT_SESSION_SET'
  | 'CHECKOUT_SESSION_EXPIRED'
  | 'CHECKOUT_API_INIT_FAILED'
  | (string & {});

/** A Widget v3 event. */
export interface UpStreamPayEvent {
  /** What happened. */
  code: UpStreamPayEventCode;
  /** Its details: `isFulfilled`, `message`… */
  payload?: { isFulfilled?: boolean; message?: string; [key: string]: unknown };
}

/** A Widget v3 event subscription. */
export interface UpStreamPaySubscription {
  /** Receives the events of `scopes`. */
  listener: (event: UpStreamPayEvent) => void;
  /** Event codes to receive; ['*'] for all. */
  scopes: string[];
}

/** A Widget v3 widget (the form, or its pay button). */
export interface UpStreamPayWidget {
  /** Takes the container's element id, not the element. */
  mount(elementId: string): Promise<void> | void;
  /** Removes the widget. */
  unmount?(): void;
}

/** Widget v3's manager for one session. */
export interface UpStreamPayWidgetManager {
  /** The PAYMENT form, or its PAY_BUTTON. */
  createWidget(options: {
    interface: 'PAYMENT' | 'PAY_BUTTON';
    ui?: Record<string, unknown>;
  }): UpStreamPayWidget | Promise<UpStreamPayWidget>;
  /** Pays with what the form holds. */
  submitPayment(): Promise<void> | void;
}

/** `window.UpStreamPay`, defined by …/dropin/…/purse.js */
export interface UpStreamPayGlobal {
  /** Builds the manager of a session. */
  WidgetManager: {
    buildForWidgetData(widgetData: string, subscriptions: UpStreamPaySubscription[]): Promise<UpStreamPayWidgetManager>;
  };
}

/** The globals the scripts define, on `window`. */
export interface DropinWindow {
  /** Drop-in Checkout. */
  Purse?: PurseGlobal;
  /** Widget v3. */
  UpStreamPay?: UpStreamPayGlobal;
}

// ── The kit's one interface over both ──────────────────────────────────────────────────────────────────────────

/** Which drop-in script runs: Drop-in Checkout (`window.Purse`, current) or Widget v3 (`window.UpStreamPay`, older). */
export type DropinGeneration = 'dropin-checkout' | 'widget-v3';

/** What the drop-in reports, the same for both generations. */
/** What the drop-in reports, the same for both generations. */
export type DropinEvent =
  | { type: 'ready' }
  | { type: 'fulfilled'; isFulfilled: boolean }
  | { type: 'submitting' }
  | { type: 'expired' }
  /** The session can no longer be paid here (a payment was already submitted, or it was closed): the form is gone. */
  | { type: 'terminated' }
  | { type: 'error'; message: string; code?: string };

/** What `DropinDriver.mount` takes. */
export interface DropinMountOptions {
  /** The container. Widget v3 mounts by id: one is assigned if the element has none. */
  element: HTMLElement;
  /** The client session's `widget.data`. */
  widgetData: string;
  /** The form's language. */
  locale?: string;
  /** Drop-in Checkout's theme (Widget v3 ignores it). */
  theme?: DropinTheme;
  /** Hide the drop-in's own pay button (to use `submit()` from your own button). Widget v3: no PAY_BUTTON widget. */
  hidePayButton?: boolean;
  /** Receives the drop-in's events. */
  onEvent: (event: DropinEvent) => void;
  /** On expiry, Drop-in Checkout asks for a new session: resolve with its `widget.data`. */
  onRefreshSession?: () => Promise<string>;
  /** Abort an unfinished mount (e.g. the component unmounted): the drop-in is torn down and mount rejects. */
  signal?: AbortSignal;
}

/** A mounted drop-in. */
export interface MountedDropin {
  /** Submits the payment; Purse then redirects to `shopper_redirection_url`. */
  submit(): Promise<void>;
  /** Removes the drop-in and every listener; later events are dropped. Safe to call twice. */
  unmount(): void;
  /** Replaces the session in place (Drop-in Checkout only). */
  setSession?(widgetData: string): Promise<void>;
}

/** One interface over both script generations. */
export interface DropinDriver {
  /** Which script defined it. */
  generation: DropinGeneration;
  /** Mounts a drop-in for a session in an element. */
  mount(options: DropinMountOptions): Promise<MountedDropin>;
}

/** Options of `loadDropin` and `preloadDropin`. */
export interface LoadDropinOptions {
  /**
   * Origins scripts may come from. Add the mock server's origin in dev and tests.
   * @defaultValue `PURSE_SCRIPT_ORIGINS` (Purse's CDNs)
   */
  allowedOrigins?: readonly string[];
  /** CSP nonce for the script tag. */
  nonce?: string;
  /** Subresource Integrity hash (pins one exact script version). */
  integrity?: string;
  /**
   * The script tag's `crossorigin`.
   * @defaultValue 'anonymous' when `integrity` is given
   */
  crossOrigin?: 'anonymous' | 'use-credentials';
  /**
   * How long the script may take, in ms. The first caller's value applies to a shared load.
   * @defaultValue 15000
   */
  timeoutMs?: number;
  /** Stops waiting for this caller only; the shared download goes on for others. */
  signal?: AbortSignal;
  /**
   * The document the script is added to.
   * @defaultValue the global `document`
   */
  document?: Document;
}
