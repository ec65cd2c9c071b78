// purse-react-kit/status/details: the payment's details and timeline, as PaymentStatus shows them, for a custom view
// or a back office. Apart from purse-react-kit/status because PaymentStatus loads them with import(): an entry that
// re-exported them would put them back in every status page. Never imports server/ or mock-server/.
export { PaymentDetails, PaymentTimeline } from '../react/payment-status/index.ts';
export type { PaymentDetailsProps, PaymentTimelineProps } from '../react/payment-status/index.ts';
export type { PaymentTimelineEvent, PaymentTimelineKind } from '../core/backend/views.ts';
// The types their props use, also in purse-react-kit/status.
export type { ShopperPayment, ShopperPaymentLink } from '../core/backend/views.ts';
export type { MinorUnits } from '../core/wire/payment.ts';
