// The drop-in script loader and its drivers. No DOM access at import time.
export { loadDropin, preloadDropin, preconnect, checkOrigin, PURSE_SCRIPT_ORIGINS, __resetDropinCache } from './load.ts';
export type * from './types.ts';
