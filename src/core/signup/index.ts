export * from './types.ts';
export { initialSignupState, intentKeyOf, isPending, signupReducer } from './machine.ts';
export { SignupRunner, type SignupConfig, type SignupExecutor, type SignupOperation } from './effects.ts';
export { billingAddress, isCompleteProfile, profileFor } from './profile.ts';
