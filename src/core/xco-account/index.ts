export * from './types.ts';
export { initialXcoAccountState, maskEmail, maskPhone, xcoAccountReducer } from './machine.ts';
export { XcoAccountRunner } from './effects.ts';
export type { XcoAccountConfig } from './effects.ts';
