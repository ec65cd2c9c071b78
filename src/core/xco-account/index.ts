export * from './types.ts';
export { initialXcoAccountState, maskEmail, maskPhone, xcoAccountReducer } from './machine.ts';
export { createXcoAccountRunner } from './effects.ts';
export type { XcoAccountRunner, XcoAccountRunnerOptions } from './effects.ts';
