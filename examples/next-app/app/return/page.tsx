// Purse sends the shopper here (checkout.shopperRedirectionUrl) with purse-redirection-data, which the handler verifies.
import { PaymentStatus, PurseProvider } from 'purse-react-kit';

export default function ReturnPage() {
  return (
    <PurseProvider baseUrl="/api/purse">
      <PaymentStatus retryHref="/checkout" headingLevel={1} />
    </PurseProvider>
  );
}
