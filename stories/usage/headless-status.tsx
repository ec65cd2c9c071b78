import { PaymentStatusView, usePaymentStatus, type UsePaymentStatusOptions } from 'purse-react-kit/status';

// One hook, two views: a line of your own from `phase` and the default view (heading, details, timeline, actions).
export function ReturnPageWithOrder(options: UsePaymentStatusOptions) {
  const status = usePaymentStatus(options);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem' }}>
      <section aria-label="Your own view" style={{ flex: '1 1 12rem' }}>
        <p>
          Phase: <strong>{status.phase}</strong>
        </p>
        {status.phase === 'success' && <p>Order confirmed: we are packing it.</p>}
      </section>
      <section aria-label="The default view" style={{ flex: '2 1 20rem' }}>
        <PaymentStatusView status={status} retryHref="/checkout" />
      </section>
    </div>
  );
}
