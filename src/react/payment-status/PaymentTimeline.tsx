// A payment's life at a glance: an ordered list (screen readers announce "list, 3 items"), one dated step per item.
import { useId } from 'react';
import type { PaymentTimelineEvent } from '../../core/backend/views.ts';
import { formatMinorUnits } from '../../core/money.ts';
import type { MinorUnits } from '../../core/wire/payment.ts';
import { usePurse } from '../provider/context.ts';
import { enPaymentDetails } from '../i18n/en/payment-details.ts';
import { addMessages } from '../i18n/index.ts';

addMessages(enPaymentDetails);

/** Props of `<PaymentTimeline>`. */
export interface PaymentTimelineProps {
  /** The steps, oldest first (`ShopperPayment.timeline`, or `paymentTimeline(payment)` from `purse-react-kit/core`). */
  events: readonly PaymentTimelineEvent[];
  /** ISO 4217 code of the amounts. */
  currency: string;
  /** The payment's amount: a step for less reads "€20.00 of €42.99". */
  total: MinorUnits;
  /** Added to the root element's classes. */
  className?: string;
}

/**
 * A payment's life as a short timeline — authorized → captured → refunded, with partial amounts and dates — for the
 * shopper (inside `<PaymentStatus>`) or a back office. An ordered list under a title, so it reads as one.
 */
export function PaymentTimeline({ events, currency, total, className }: PaymentTimelineProps) {
  const { i18n } = usePurse();
  const titleId = useId();
  if (events.length === 0) return null;
  const money = (amount: number) => formatMinorUnits(amount, currency, i18n.locale);
  const dates = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className={className ? `purse-timeline ${className}` : 'purse-timeline'}>
      <p className="purse-label purse-timeline__title" id={titleId}>
        {i18n.t('timeline.title')}
      </p>
      <ol className="purse-timeline__list" aria-labelledby={titleId}>
        {events.map((event, index) => {
          const at = event.at ? new Date(event.at) : undefined;
          return (
            <li key={index} className={`purse-timeline__event purse-timeline__event--${event.kind}`}>
              <span className="purse-label purse-timeline__label">{i18n.t(`timeline.${event.kind}`)}</span>{' '}
              <span className="purse-timeline__amount">
                {event.amount < total ? i18n.t('timeline.partial', { amount: money(event.amount), total: money(total) }) : money(event.amount)}
              </span>
              {at && !Number.isNaN(at.getTime()) && (
                <>
                  {' '}
                  <time className="purse-hint purse-timeline__date" dateTime={event.at}>
                    {dates.format(at)}
                  </time>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
