import { useId, useState, type FormEvent } from 'react';
import { PaymentTimeline } from '../../src/status/details.ts';
import { paymentTimeline, type Payment } from '../../src/core/index.ts';

type BackOfficePayment = Payment & { amounts: Record<string, number> };

const shownAmounts = ['total_authorized', 'total_captured', 'available_to_capture', 'total_refunded', 'available_to_refund', 'total_voided', 'available_to_void'];

/**
 * The merchant's back office: captures, refunds and voids through the server-side Purse client
 * (demo/server.ts → /demo/back-office/…). Real back offices sit behind staff authentication.
 */
export function BackOfficePage() {
  const [paymentId, setPaymentId] = useState(() => localStorage.getItem('demo:last-payment') ?? '');
  const [amount, setAmount] = useState('');
  const [payment, setPayment] = useState<BackOfficePayment | null>(null);
  const [message, setMessage] = useState('');
  const ids = useId();

  async function call(path: string, init?: RequestInit) {
    const response = await fetch(`/demo/back-office/payments/${encodeURIComponent(paymentId.trim())}${path}`, init);
    const body = (await response.json()) as BackOfficePayment & { detail?: string; title?: string };
    if (!response.ok) {
      setMessage(`Refused: ${body.detail ?? body.title ?? response.status}`);
      return;
    }
    setPayment(body);
    if (!amount) setAmount(String(body.amounts.available_to_capture ?? ''));
    setMessage(path ? `${path.slice(1)} done.` : 'Payment loaded.');
  }

  const operate = (operation: 'capture' | 'refund' | 'void') =>
    call(`/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: Number(amount) }),
    });

  function load(event: FormEvent) {
    event.preventDefault();
    void call('');
  }

  return (
    <section className="demo-card" aria-label="Payment operations">
      <form onSubmit={load}>
        <label htmlFor={`${ids}-id`}>Payment id</label>{' '}
        <input id={`${ids}-id`} value={paymentId} onChange={(e) => setPaymentId(e.target.value)} size={38} />{' '}
        <button type="submit">Load payment</button>
      </form>
      {payment && (
        <>
          <h2>
            {payment.authorization?.status} — {payment.amount} {payment.currency} (minor units)
          </h2>
          <table>
            <caption>Amounts</caption>
            <tbody>
              {shownAmounts.map((key) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td>{payment.amounts[key] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {/* The payment's life at a glance, the same list the shopper's status page shows. */}
          <PaymentTimeline events={paymentTimeline(payment)} currency={payment.currency} total={payment.amount} />
          <p>
            <label htmlFor={`${ids}-amount`}>Amount (minor units)</label>{' '}
            <input id={`${ids}-amount`} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </p>
          <p className="demo-actions">
            <button type="button" onClick={() => void operate('capture')}>Capture</button>{' '}
            <button type="button" onClick={() => void operate('refund')}>Refund</button>{' '}
            <button type="button" onClick={() => void operate('void')}>Void</button>{' '}
            <a href={`/return?payment_id=${encodeURIComponent(payment.id)}`}>Open the status page</a>
          </p>
        </>
      )}
      <p role="status">{message}</p>
      <p>
        <a href="/back-office/customers">Deposit customers (block, unblock)</a>
      </p>
    </section>
  );
}
