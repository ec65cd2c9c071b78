// The PaymentStatus part of the public API: purse-react-kit/status (with common.ts) and the root entry.

// PaymentStatus (PaymentDetails and PaymentTimeline, which it loads with import(), are purse-react-kit/status/details:
// src/status/details.ts)
export { PaymentStatus, PaymentStatusView, usePaymentStatus } from '../payment-status/index.ts';
export type {
  PaymentStatusProps,
  PaymentStatusViewProps,
  PaymentStatusState,
  UsePaymentStatusOptions,
} from '../payment-status/index.ts';
export type { PaymentStatusDetails } from '../../core/status/effects.ts';
export type { PaymentTimelineEvent, PaymentTimelineKind } from '../../core/backend/views.ts';
export type { PaymentStatusPhase } from '../../core/status/types.ts';
export type { FailureReason, StatusReason, SuccessReason, WaitingReason } from '../../core/status/classify.ts';
export type { PollSchedule } from '../../core/status/schedule.ts';
export type { StatusSourceProps } from '../../core/status/source.ts';
