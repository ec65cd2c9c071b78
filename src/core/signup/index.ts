export * from './types.ts';
export { initialSignupState, intentKeyOf, isPending, signupReducer } from './machine.ts';
export { billingAddress, isCompleteProfile, profileFor } from './profile.ts';
