import { CustomerPurse, PurseProvider } from 'purse-react-kit/customer-purse';
import 'purse-react-kit/styles.css';

// For a signed-in shopper: the handler's resolveIdentity says whose deposit account it is.
export const DepositsPage = () => (
  <PurseProvider baseUrl="/api/purse" locale="auto">
    <CustomerPurse
      pageSize={10}
      onDeposit={(deposit) => console.info('deposit', deposit.amount, deposit.currency)}
      onError={(error) => console.warn(error.kind, error.message)}
    />
  </PurseProvider>
);
