import { PurseProvider, XcoAccount } from 'purse-react-kit/xco-account';
import 'purse-react-kit/styles.css';

// A signed-in shopper's account page: their linked Purse account, or the offer to link or create one.
export const AccountPage = () => (
  <PurseProvider baseUrl="/api/purse" locale="auto">
    <XcoAccount
      signup={{ defaultCountry: 'FR', onComplete: ({ outcome }) => console.info('account', outcome) }}
      onError={(error) => console.warn(error.kind, error.message)}
    />
  </PurseProvider>
);
