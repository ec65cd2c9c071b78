// purse-react-kit/server: the reference merchant backend and the Purse API client. Server-side only (holds secrets);
// web-standard (Request/Response/fetch/WebCrypto), so it runs in Node, edge runtimes and, for Storybook, the browser.
export { createMerchantHandler } from './handler/handler.ts';
export type { MerchantHandler } from './handler/handler.ts';
export type {
  CheckoutOptions,
  CheckoutOrder,
  HandlerLogger,
  MerchantHandlerOptions,
  ResolveOrderInput,
  VouchedIdentity,
} from './handler/options.ts';
export { createPurseClient, isPurseClient } from './purse/client.ts';
export type { PurseClient, PurseClientOptions } from './purse/client.ts';
export type { XcoApi, XcoVerifyRequest } from './purse/xco-api.ts';
export type { GetPaymentOptions, IdempotentCallOptions, PaymentApi, WithEntity } from './purse/payment-api.ts';
export { PurseApiError, isPurseApiError } from './purse/error.ts';
export type { PurseApiErrorKind, PurseApiErrorInit } from './purse/error.ts';
export { createRedirectVerifier, isRedirectTokenError, RedirectTokenError } from './purse/redirect-token.ts';
export type { RedirectTokenFailure, RedirectVerifier, RedirectVerifierOptions } from './purse/redirect-token.ts';
export { confirmRedirect } from './purse/redirect-confirm.ts';
export type { ConfirmedRedirect } from './purse/redirect-confirm.ts';
export { toCheckoutSession, toShopperPayment, toShopperPaymentLink } from './handler/views.ts';
export { isPaymentWebhookError, parsePaymentWebhook, PaymentWebhookError, verifyPaymentWebhook } from './purse/webhook.ts';
export type { VerifiedPaymentWebhook } from './purse/webhook.ts';
export { purseConfigFromEnv } from './purse/config.ts';
export * from './purse/customer-purse-exports.ts';
export type { PurseEnv } from './purse/config.ts';
export { createMemoryStore, isStoreError, StoreError } from './handler/store.ts';
export type { HandlerStore, MemoryStoreOptions } from './handler/store.ts';
export { createRedisStore } from './handler/store-redis.ts';
export type { RedisCommandClient, RedisStoreOptions } from './handler/store-redis.ts';
export type { FetchLike } from './purse/transport-util.ts';
