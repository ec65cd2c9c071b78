// purse-react-kit/server: the reference merchant backend and the Purse API client. Server-side only (holds secrets);
// web-standard (Request/Response/fetch/WebCrypto), so it runs in Node, edge runtimes and, for Storybook, the browser.
export { createMerchantHandler, defaultCallerId } from './handler.ts';
export type { MerchantHandler } from './handler.ts';
export type {
  CheckoutOptions,
  CheckoutOrder,
  HandlerLogger,
  MerchantHandlerOptions,
  ResolveOrderInput,
} from './handler-types.ts';
export { createPurseClient, isPurseClient } from './purse-client.ts';
export type { PurseClient, PurseClientOptions } from './purse-client.ts';
export type { XcoApi, XcoVerifyRequest } from './xco-api.ts';
export type { GetPaymentOptions, IdempotentCallOptions, PaymentApi, WithEntity } from './payment-api.ts';
export { PurseApiError, isPurseApiError } from './purse-error.ts';
export type { PurseApiErrorKind, PurseApiErrorInit } from './purse-error.ts';
export { createRedirectVerifier, isRedirectTokenError, RedirectTokenError } from './redirect.ts';
export type { RedirectTokenFailure, RedirectVerifier, RedirectVerifierOptions } from './redirect.ts';
export { confirmRedirect } from './redirect-confirm.ts';
export type { ConfirmedRedirect } from './redirect-confirm.ts';
export { toCheckoutSession, toShopperPayment, toShopperPaymentLink } from './views.ts';
export { isPaymentWebhookError, parsePaymentWebhook, PaymentWebhookError, verifyPaymentWebhook } from './webhook.ts';
export type { VerifiedPaymentWebhook } from './webhook.ts';
export { purseConfigFromEnv } from './config.ts';
export type { PurseEnv } from './config.ts';
export { createMemoryStore } from './store.ts';
export type { HandlerStore, MemoryStoreOptions } from './store.ts';
export type { FetchLike } from './transport-util.ts';
