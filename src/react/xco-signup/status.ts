// What the live region says for each state. It is in the page, with its texts: the region speaks as soon as the state
// changes, also for a step whose view is still being downloaded.
import type { CountryCode } from '../../core/identifier.ts';
import { errorCode, recoveryOf } from '../../core/recovery.ts';
import type { CodeSentState, FailedState, SendingState, SignupState, VerifyingState } from '../../core/signup/types.ts';
import type { Translator } from '../i18n/index.ts';
import { identifierText } from './parts.tsx';

/** The problem with the last code, in the shopper's words (shown on the code field too). */
export function codeProblemText(state: CodeSentState | VerifyingState | SendingState, i18n: Translator): string | undefined {
  if (state.status !== 'code_sent' || !state.codeProblem) return undefined;
  const { codeProblem, attemptsLeft } = state;
  return codeProblem === 'invalid' && attemptsLeft !== undefined ? i18n.plural('code.invalidAttempts', attemptsLeft) : i18n.t(`code.${codeProblem}`);
}

/** The shop's store is full or down: retry later, said as "busy" rather than "something went wrong". */
const BUSY = ['store_full', 'store_unavailable'];

/** Refusals that trying again cannot help with, by problem code: the title and the body that says what to do. */
const DEAD_ENDS: Record<string, [title: 'error.alreadyLinked.title' | 'error.signIn.title', body: 'error.alreadyLinked.body' | 'error.notVouched.body' | 'error.noCustomer.body']> = {
  customer_reference_taken: ['error.alreadyLinked.title', 'error.alreadyLinked.body'],
  identity_not_vouched: ['error.signIn.title', 'error.notVouched.body'],
  no_customer_session: ['error.signIn.title', 'error.noCustomer.body'],
};

/** What the failed step says: what happened, and what the way on that `recovery` offers is (or what to do instead). */
export function failureTexts(state: FailedState, i18n: Translator): { title: string; body: string } {
  const { t } = i18n;
  const { error } = state;
  const code = errorCode(error) ?? '';
  switch (state.recovery) {
    case 'new_code':
      return { title: t('error.newCode.title'), body: t('error.newCode.body') };
    case 'link_existing':
      return { title: t('error.accountExists.title'), body: t('error.accountExists.body') };
    case 'retry':
      return { title: t('error.title'), body: BUSY.includes(code) ? t('error.busy') : i18n.error(error) };
    case 'none': {
      const [title, body] = DEAD_ENDS[code] ?? [];
      if (title && body) return { title: t(title), body: t(body) };
      if (recoveryOf(error) === 'unavailable') return { title: t('error.unavailable.title'), body: t('error.unauthorized') };
      return { title: t('error.title'), body: t('error.refused') };
    }
  }
}

/** What the live region says for a state ('' for the untouched first step); phones formatted for `defaultCountry`. */
export function signupStatusText(state: SignupState, i18n: Translator, defaultCountry?: CountryCode): string {
  const { t } = i18n;
  switch (state.status) {
    case 'identify':
      if (state.invalid) return t(`identifier.invalid.${state.invalid}`);
      return state.error ? i18n.error(state.error) : '';
    case 'profile':
      return t(state.error ? 'profile.summary' : 'status.profile');
    case 'sending':
      return t(state.resendFrom ? 'code.resending' : 'status.sending');
    case 'code_sent':
      return (
        codeProblemText(state, i18n) ??
        (state.error?.kind === 'rate_limited' ? t('code.throttled') : t('status.codeSent', { identifier: identifierText(state.identifier, defaultCountry) }))
      );
    case 'verified':
      return t('status.linking');
    case 'done':
      return t(`status.done.${state.outcome}`);
    case 'failed': {
      const texts = failureTexts(state, i18n);
      return `${texts.title}. ${texts.body}`;
    }
    default:
      // checking, creating, verifying, linking
      return t(`status.${state.status}`);
  }
}
