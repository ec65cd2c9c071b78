// purse-react-kit/core: framework-free building blocks. No React, no DOM access at import time.
export * from './xco.ts';
export * from './errors.ts';
export * from './backend.ts';
export * from './routes.ts';
export * from './problem.ts';
export * from './retry.ts';
export * from './idempotency.ts';
export * from './request.ts';
export * from './http-backend.ts';
