export {
  classifyPayment,
  classifyPaymentLink,
  classifySession,
  isFinalOutcome,
  lastFailedAttempt,
  paidPaymentId,
  settlementOf,
  successHeadline,
} from './classify.ts';
export type {
  FailureReason,
  SettlementKind,
  SettlementLine,
  StatusClassification,
  StatusOutcome,
  StatusReason,
  SuccessReason,
  WaitingReason,
} from './classify.ts';
export { DEFAULT_POLL_SCHEDULE, nextPoll, pollPhase, resolveSchedule } from './schedule.ts';
export type { PollSchedule, PollStep } from './schedule.ts';
