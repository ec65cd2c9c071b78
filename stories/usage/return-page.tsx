import { PaymentStatus, PurseProvider } from 'purse-react-kit/status';
import 'purse-react-kit/styles.css';

// Your shopper_redirection_url: the component reads purse-redirection-data from the URL and has your server verify it.
export const ReturnPage = () => (
  <PurseProvider baseUrl="/api/purse" locale="auto">
    <PaymentStatus
      headingLevel={1}
      retryHref="/checkout" // "Try again" after a refused payment
      onSuccess={({ payment }) => console.info('paid', payment?.id)}
    />
  </PurseProvider>
);
