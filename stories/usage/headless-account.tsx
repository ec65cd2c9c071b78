import { useXcoAccount, XcoAccountView, type UseXcoAccountOptions } from 'purse-react-kit/xco-account';

// One hook, two views: your own account menu line (and your own button that opens the signup/link flow) beside the
// default view, which shows the flow and then the linked account.
export function AccountWithMenu(options: UseXcoAccountOptions) {
  const account = useXcoAccount(options);
  const { state } = account;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem' }}>
      <section aria-label="Your own view" style={{ flex: '1 1 12rem' }}>
        <p>
          Express Checkout: <strong>{state.status}</strong>
        </p>
        {state.status === 'none' && (
          <button type="button" onClick={account.startSignup} style={{ minHeight: 44 }}>
            Set up one-click payment
          </button>
        )}
        {state.status === 'linked' && <p>Signed in to Purse as {state.user.first_name}.</p>}
      </section>
      <section aria-label="The default view" style={{ flex: '2 1 20rem' }}>
        <XcoAccountView account={account} signup={{ defaultCountry: 'FR' }} />
      </section>
    </div>
  );
}
