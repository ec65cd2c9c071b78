export { PurseCheckout, PurseCheckoutView, type PurseCheckoutProps, type PurseCheckoutViewProps } from './PurseCheckout.tsx';
export { usePurseCheckout, type PurseCheckoutApi } from './usePurseCheckout.ts';
export type { UsePurseCheckoutOptions } from './options.ts';
