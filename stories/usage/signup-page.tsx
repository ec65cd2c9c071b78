import { PurseProvider, XcoSignup } from 'purse-react-kit/signup';
import 'purse-react-kit/styles.css';

export const SignupPage = () => (
  <PurseProvider baseUrl="/api/purse" locale="auto">
    <XcoSignup
      defaultCountry="FR"
      onComplete={({ outcome, user }) => console.info(outcome, user.email)} // 'created' | 'linked'
      onError={(error) => console.warn(error.kind, error.message)} // every PurseKitError, for your logs
    />
  </PurseProvider>
);
