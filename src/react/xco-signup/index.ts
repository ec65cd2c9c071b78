export { XcoSignup, XcoSignupView, type XcoSignupProps, type XcoSignupViewProps } from './XcoSignup.tsx';
export { useXcoSignup, DEFAULT_RESEND_DELAY_MS, type UseXcoSignupOptions, type XcoSignupApi, type XcoSignupCompleteDetails, type XcoSignupVerifiedDetails } from './useXcoSignup.ts';
export { IdentifierStep, type IdentifierStepProps } from './IdentifierStep.tsx';
export { ProfileStep, type ProfileStepProps } from './ProfileStep.tsx';
export { CodeStep, CODE_LENGTH, sanitizeCode, type CodeStepProps, type CodeStepState } from './CodeStep.tsx';
export { DoneStep, FailedStep, LinkingStep, type DoneStepProps, type FailedStepProps } from './steps.tsx';
export { ErrorMessage } from './parts.tsx';
