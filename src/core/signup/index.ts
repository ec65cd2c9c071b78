export * from './types.ts';
export { initialSignupState, intentKeyOf, isPending, signupReducer } from './reducer.ts';
export { billingAddress, isCompleteProfile, profileFor } from './profile.ts';
