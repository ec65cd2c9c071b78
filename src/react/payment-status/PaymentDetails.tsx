// The facts of a payment as the shopper may see them: amount, how it was paid, what happened to it since.
import type { ReactNode } from 'react';
import type { ShopperPayment, ShopperPaymentLink } from '../../core/backend/views.ts';
import { formatMinorUnits } from '../../core/money.ts';
import { timelineOf } from '../../core/status/timeline.ts';
import { usePurse } from '../provider/context.ts';
import { methodLabel } from '../shared/methods.ts';
import { PaymentTimeline } from './PaymentTimeline.tsx';
import { enPaymentDetails } from '../i18n/en/payment-details.ts';
import { addMessages } from '../i18n/index.ts';

// Downloaded apart from the status page (after its status), with its English texts.
addMessages(enPaymentDetails);

/** Props of `<PaymentDetails>`: the payment, or the link when there is no payment. */
export interface PaymentDetailsProps {
  /** Its amount, how it was paid, its reference and its timeline are shown. */
  payment?: ShopperPayment;
  /** Its amount is shown when there is no payment. */
  link?: ShopperPaymentLink;
}

const brands: Record<string, string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
  CB: 'CB',
  MAESTRO: 'Maestro',
};

/** A card network's usual written form ("VISA" → "Visa"); unknown brands as sent. */
export function brandLabel(brand: string): string {
  return brands[brand.toUpperCase().replace(/[\s_-]/g, '')] ?? brand;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="purse-payment-status__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A card as the shopper recognises it: "Visa •••• 1111" (screen readers: "Visa ending in 1111"). Text only. */
function CardText({ card }: { card: NonNullable<ShopperPayment['card']> }) {
  const { i18n } = usePurse();
  return (
    <>
      {card.brand ? brandLabel(card.brand) : i18n.t('paymentStatus.card')}
      {card.last_four && (
        <>
          {' '}
          <span aria-hidden="true">••••</span>
          <span className="purse-visually-hidden">{i18n.t('paymentStatus.card.endingIn')}</span> {card.last_four}
        </>
      )}
    </>
  );
}

/** One way the payment was paid: the card itself when it is the card part, else the method's name. */
function MethodText({ method, card }: { method: string; card: ShopperPayment['card'] }) {
  const { i18n } = usePurse();
  if (method.toLowerCase() === 'creditcard' && card && (card.brand || card.last_four)) return <CardText card={card} />;
  return <>{methodLabel(method, i18n)}</>;
}

/**
 * The facts of a payment as the shopper may see them: the amount, how it was paid (the card, or each method of a
 * split with its share), its reference, and its life since as a timeline (authorized → charged → refunded).
 */
export function PaymentDetails({ payment, link }: PaymentDetailsProps) {
  const { i18n } = usePurse();
  const priced = payment ?? link;
  if (!priced) return null;
  const money = (amount: number) => formatMinorUnits(amount, priced.currency, i18n.locale);
  const card = payment?.card;
  const split = payment?.split ?? [];
  // The amount is already on its own row: a single method is named without repeating it.
  const paidWith =
    split.length > 1 ? (
      <ul className="purse-payment-status__split">
        {split.map((part, index) => (
          <li key={index}>
            <span className="purse-payment-status__method">
              <MethodText method={part.method} card={card} />
            </span>{' '}
            <span className="purse-payment-status__part-amount">{money(part.amount)}</span>
          </li>
        ))}
      </ul>
    ) : split.length === 1 ? (
      <MethodText method={split[0]!.method} card={card} />
    ) : card && (card.brand || card.last_four) ? (
      <CardText card={card} />
    ) : undefined;

  return (
    <>
      <dl className="purse-box purse-payment-status__details">
        <Row label={i18n.t('paymentStatus.amount')}>
          <span className="purse-label">{money(priced.amount)}</span>
        </Row>
        {paidWith && <Row label={i18n.t('paymentStatus.paidWith')}>{paidWith}</Row>}
        {payment && (
          <Row label={i18n.t('paymentStatus.reference')}>
            <span className="purse-payment-status__reference">{payment.id}</span>
          </Row>
        )}
      </dl>
      {payment && <PaymentTimeline events={timelineOf(payment)} currency={payment.currency} total={payment.amount} />}
    </>
  );
}
