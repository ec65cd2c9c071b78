// purse-react-kit/server: the reference merchant backend and the Purse API client. Server-side only (holds secrets);
// web-standard (Request/Response/fetch/WebCrypto), so it runs in Node, edge runtimes and, for Storybook, the browser.
export { createMerchantHandler, defaultCallerId } from './handler.ts';
export type { MerchantHandler } from './handler.ts';
export type { HandlerLogger, MerchantHandlerOptions } from './handler-types.ts';
export { createPurseClient, isPurseClient } from './purse-client.ts';
export type { PurseClient, PurseClientOptions } from './purse-client.ts';
export type { XcoApi, XcoVerifyRequest } from './xco-api.ts';
export { PurseApiError, isPurseApiError } from './purse-error.ts';
export type { PurseApiErrorKind, PurseApiErrorInit } from './purse-error.ts';
export { purseConfigFromEnv } from './config.ts';
export type { PurseEnv } from './config.ts';
export { createMemoryStore } from './store.ts';
export type { HandlerStore, MemoryStoreOptions } from './store.ts';
export type { FetchLike } from './transport-util.ts';
