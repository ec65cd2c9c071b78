// The wait before a button works again (a new code, a retry after a rate limit), as its label.
import type { Translator } from '../i18n/index.ts';
import { useCountdown } from './useCountdown.ts';

/**
 * Seconds left until `until` and, while they run, the label "… in 27 s" (or "… in 12 min" for the long waits of a
 * quota or a verification lock); `label` once passed.
 */
export function useWaitLabel(until: number | undefined, i18n: Translator, key: 'error.retryIn' | 'code.resendIn', label: string): [number, string] {
  const seconds = useCountdown(until);
  if (seconds <= 0) return [0, label];
  return [seconds, seconds > 90 ? i18n.t(`${key}Minutes`, { minutes: Math.ceil(seconds / 60) }) : i18n.t(key, { seconds })];
}

/**
 * A time of day as the shopper's language writes it ("10:15 AM", "10:15"), for a wait too long for a countdown in a
 * sentence: unlike "in 10 minutes", it stays true however long the text is on screen. A 24-hour clock gets two-digit
 * hours, as timetables write them: "a partir de las 01:15", "dalle 01:15" (a one-digit 1 asks for "la", "dall'").
 */
export const clockTime = (at: number, locale: string): string => {
  const { hour12 } = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
  return new Intl.DateTimeFormat(locale, { hour: hour12 ? 'numeric' : '2-digit', minute: '2-digit' }).format(at);
};
