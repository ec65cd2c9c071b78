import { PurseCheckout, PurseProvider } from 'purse-react-kit/checkout';
import 'purse-react-kit/styles.css';

// The server's resolveOrder turns the cart reference into the amount: the browser never sends one.
export const CheckoutPage = ({ cartId }: { cartId: string }) => (
  <PurseProvider baseUrl="/api/purse" locale="auto">
    <PurseCheckout
      order={{ order_reference: cartId }}
      scriptUrl="https://cdn.purse-secure.com/dropin-checkout/stable/purse.js" // downloaded while the session is created
      onCancel={() => window.location.assign('/cart')} // also shows the "Cancel payment" button
      onError={(error) => console.warn(error.kind, error.message)} // every PurseKitError, for your logs
    />
  </PurseProvider>
);
