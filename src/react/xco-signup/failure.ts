// What the failed step says: what happened, and the way on that its `recovery` offers (or what to do instead).
import type { FailedState } from '../../core/signup/types.ts';
import { errorCode, recoveryOf } from '../../core/recovery.ts';
import type { Translator } from '../i18n/index.ts';

/** The failed step's texts; `action` labels the button that runs `retry()` (none when there is nothing to retry). */
export interface FailureTexts {
  title: string;
  body: string;
  action?: string;
}

/** The shop's store is full or down: retry later, said as "busy" rather than "something went wrong". */
const BUSY = new Set(['store_full', 'store_unavailable']);

export function failureTexts(state: FailedState, i18n: Translator): FailureTexts {
  const { t } = i18n;
  const { error } = state;
  const code = errorCode(error);
  switch (state.recovery) {
    case 'new_code':
      return { title: t('error.newCode.title'), body: t('error.newCode.body'), action: t('error.newCode.action') };
    case 'link_existing':
      return { title: t('error.accountExists.title'), body: t('error.accountExists.body'), action: t('error.accountExists.action') };
    case 'retry':
      return { title: t('error.title'), body: code && BUSY.has(code) ? t('error.busy') : i18n.error(error), action: t('error.retry') };
    case 'none':
      if (code === 'customer_reference_taken') return { title: t('error.alreadyLinked.title'), body: t('error.alreadyLinked.body') };
      if (code === 'identity_not_vouched') return { title: t('error.signIn.title'), body: t('error.notVouched.body') };
      if (code === 'no_customer_session') return { title: t('error.signIn.title'), body: t('error.noCustomer.body') };
      if (recoveryOf(error) === 'unavailable') return { title: t('error.unavailable.title'), body: t('error.unauthorized') };
      return { title: t('error.title'), body: t('error.refused') };
  }
}

/** Editing the identifier cannot help a customer whose shop account is linked to another Purse account already. */
export const canEditAfter = (state: FailedState): boolean => errorCode(state.error) !== 'customer_reference_taken';

/** "in 27 s", or "in 12 min" for the long waits of a quota or a verification lock. */
export function waitLabel(seconds: number, i18n: Translator, keys: { seconds: 'error.retryIn' | 'code.resendIn'; minutes: 'error.retryInMinutes' | 'code.resendInMinutes' }): string {
  return seconds > 90 ? i18n.t(keys.minutes, { minutes: Math.ceil(seconds / 60) }) : i18n.t(keys.seconds, { seconds });
}
