import { PaymentStatus } from '../../src/index.ts';

/** shopper_redirection_url: PaymentStatus reads `purse-redirection-data` and has the merchant server verify it. */
export function ReturnPage() {
  // The back office links here by payment id; after a payment, the token in the URL is used.
  const paymentId = new URLSearchParams(window.location.search).get('payment_id') ?? undefined;
  return (
    <section className="demo-card" aria-label="Payment status">
      <PaymentStatus
        paymentId={paymentId}
        retryHref="/checkout"
        onSuccess={({ payment }) => {
          if (payment) localStorage.setItem('demo:last-payment', payment.id);
        }}
      />
    </section>
  );
}
