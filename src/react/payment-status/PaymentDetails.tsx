// The facts of a payment as the shopper may see them: amount, how it was paid, what happened to it since.
import type { ReactNode } from 'react';
import type { ShopperPayment, ShopperPaymentLink } from '../../core/backend/views.ts';
import { formatMinorUnits } from '../../core/money.ts';
import { settlementOf } from '../../core/status/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { methodLabel } from '../shared/methods.ts';
import { brandLabel } from './texts.ts';

/** Props of `<PaymentDetails>`: the payment, or the link when there is no payment. */
export interface PaymentDetailsProps {
  /** Its amount, split, card, settlement and reference are shown. */
  payment?: ShopperPayment;
  /** Its amount is shown when there is no payment. */
  link?: ShopperPaymentLink;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="purse-payment-status__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The facts of a payment as the shopper may see them: amount, how it was paid, what happened to it since. */
export function PaymentDetails({ payment, link }: PaymentDetailsProps) {
  const { i18n } = usePurse();
  const priced = payment ?? link;
  if (!priced) return null;
  const money = (amount: number) => formatMinorUnits(amount, priced.currency, i18n.locale);
  const card = payment?.card;
  const split = payment?.split ?? [];

  return (
    <dl className="purse-payment-status__details">
      <Row label={i18n.t('paymentStatus.amount')}>
        <span className="purse-payment-status__amount">{money(priced.amount)}</span>
      </Row>
      {split.length > 0 && (
        <Row label={i18n.t('paymentStatus.paidWith')}>
          <ul className="purse-payment-status__split">
            {split.map((part, index) => (
              <li key={index}>
                <span className="purse-payment-status__method">{methodLabel(part.method, i18n)}</span>{' '}
                <span className="purse-payment-status__partner">({part.partner})</span>{' '}
                <span className="purse-payment-status__part-amount">{money(part.amount)}</span>
              </li>
            ))}
          </ul>
        </Row>
      )}
      {card && (card.brand || card.last_four) && (
        <Row label={i18n.t('paymentStatus.card')}>
          {card.brand ? brandLabel(card.brand) : i18n.t('paymentStatus.card')}
          {card.last_four && (
            <>
              {' '}
              <span aria-hidden="true">••••</span>
              <span className="purse-visually-hidden">{i18n.t('paymentStatus.card.endingIn')}</span> {card.last_four}
            </>
          )}
        </Row>
      )}
      {payment &&
        settlementOf(payment).map((line) => (
          <Row key={line.kind} label={i18n.t(`paymentStatus.${line.kind}.${line.extent}` as MessageKey)}>
            {money(line.amount)}
          </Row>
        ))}
      {payment && (
        <Row label={i18n.t('paymentStatus.reference')}>
          <span className="purse-payment-status__reference">{payment.id}</span>
        </Row>
      )}
    </dl>
  );
}
