import { PurseCheckoutView, usePurseCheckout, type UsePurseCheckoutOptions } from 'purse-react-kit/checkout';

// One hook, two views: a few lines of your own (status, the methods Purse offers, your cancel button) and the default
// view, which mounts the drop-in and follows every step the hook takes.
export function CheckoutWithSummary(options: UsePurseCheckoutOptions) {
  const checkout = usePurseCheckout(options);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem' }}>
      <section aria-label="Your own view" style={{ flex: '1 1 12rem' }}>
        <p>
          Status: <strong>{checkout.status}</strong>
        </p>
        <ul aria-label="Methods offered">
          {checkout.eligibleSolutions.map(({ method, partner }) => (
            <li key={`${method} ${partner}`}>
              {method} ({partner})
            </li>
          ))}
        </ul>
        {checkout.status === 'ready' && (
          <button type="button" onClick={() => void checkout.cancel()} style={{ minHeight: 44 }}>
            Back to the cart
          </button>
        )}
      </section>
      <section aria-label="The default view" style={{ flex: '2 1 20rem' }}>
        <PurseCheckoutView checkout={checkout} />
      </section>
    </div>
  );
}
