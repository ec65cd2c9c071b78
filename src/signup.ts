// purse-react-kit/signup: what a page with XcoSignup imports (the provider, XcoSignup with its hook and view, the
// backend adapter, the errors), and nothing of the other components. Never imports server/ or mock-server/.
export * from './react/api/common.ts';
export * from './react/api/xco-signup.ts';
