export { PaymentStatus, PaymentStatusView } from './PaymentStatus.tsx';
export type { PaymentStatusProps, PaymentStatusViewProps } from './PaymentStatus.tsx';
export { PaymentDetails } from './PaymentDetails.tsx';
export type { PaymentDetailsProps } from './PaymentDetails.tsx';
export { usePaymentStatus } from './usePaymentStatus.ts';
export type { PaymentStatusState, UsePaymentStatusOptions } from './usePaymentStatus.ts';
export { statusTexts, errorText, brandLabel } from './texts.ts';
export type { StatusTexts } from './texts.ts';
