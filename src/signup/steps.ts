// purse-react-kit/signup/steps: the steps of XcoSignup's default view, for a custom view that reuses some of them.
// Apart from purse-react-kit/signup because XcoSignup loads most of them with import() once the page is idle: an
// entry that re-exported them would put them back in every signup page (esbuild keeps a page's re-exports of modules
// other chunks load). Never imports server/ or mock-server/.
export { IdentifierStep, ProfileStep, CodeStep, LinkingStep, DoneStep, FailedStep } from '../react/xco-signup/index.ts';
export type {
  IdentifierStepProps,
  ProfileStepProps,
  CodeStepProps,
  CodeStepState,
  DoneStepProps,
  FailedStepProps,
} from '../react/xco-signup/index.ts';
// The types their props use, also in purse-react-kit/signup.
export type { XcoSignupApi } from '../react/xco-signup/index.ts';
export type {
  IdentifyState,
  CheckingState,
  ProfileState,
  CreatingState,
  SendingState,
  CodeSentState,
  VerifyingState,
  DoneState,
  FailedState,
} from '../core/signup/types.ts';
