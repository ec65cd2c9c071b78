export {
  classifyPayment,
  classifyPaymentLink,
  classifySession,
  isFinalOutcome,
  lastFailedAttempt,
  paidPaymentId,
  successHeadline,
} from './classify.ts';
export type {
  FailureReason,
  StatusClassification,
  StatusOutcome,
  StatusReason,
  SuccessReason,
  WaitingReason,
} from './classify.ts';
export { DEFAULT_POLL_SCHEDULE, nextPoll, pollPhase, resolveSchedule } from './schedule.ts';
export type { PollSchedule, PollStep } from './schedule.ts';
export * from './types.ts';
export { initialStatusState, MISSING_SOURCE, sourceKey, statusReducer } from './machine.ts';
export { StatusRunner, type PaymentStatusDetails, type StatusCache, type StatusConfig } from './effects.ts';
export { readRedirectToken, readSessionId, resolveSource, type StatusSource, type StatusSourceProps } from './source.ts';
export { paymentTimeline, settlementOf, timelineOf } from './timeline.ts';
export type { SettlementKind, SettlementLine } from './timeline.ts';
