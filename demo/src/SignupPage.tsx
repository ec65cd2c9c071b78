import { Profiler, useCallback, useState } from 'react';
import { XcoSignup, type XcoSignupCompleteDetails } from '../../src/index.ts';
import { demoConfig } from './config.ts';
import { MockInbox } from './MockInbox.tsx';
import { ShopAccount } from './ShopAccount.tsx';

// bench/ counts React commits per keystroke through this counter.
const countCommits = () => {
  (window as { __purseCommits?: number }).__purseCommits = ((window as { __purseCommits?: number }).__purseCommits ?? 0) + 1;
};

export function SignupPage() {
  const [done, setDone] = useState<XcoSignupCompleteDetails | null>(null);
  // This shop account is linked to a Purse account already (another one than the shopper just verified): pay with it.
  const [alreadyLinked, setAlreadyLinked] = useState(false);
  const [account, setAccount] = useState<string | null>(null);
  const onAccount = useCallback((email: string | null) => setAccount(email), []);
  return (
    <>
      <ShopAccount onChange={onAccount} />
      <section className="demo-card" aria-label="Purse Express Checkout">
        <Profiler id="xco-signup" onRender={countCommits}>
          {/* Pre-filled with the shop account's email: the one an XCO account can be created for. */}
          <XcoSignup
            key={account ?? ''}
            identifier={account ?? undefined}
            defaultCountry="FR"
            resendDelayMs={demoConfig.resendDelayMs}
            onComplete={(details) => setDone(details)}
            onError={(error) => {
              if ('code' in error && error.code === 'customer_reference_taken') setAlreadyLinked(true);
            }}
          />
        </Profiler>
      </section>
      {alreadyLinked && !done && (
        <p className="demo-card">
          <a href="/checkout">Continue to checkout with your linked account</a>
        </p>
      )}
      {done && (
        <p className="demo-card">
          {done.outcome === 'created' ? 'Your Express Checkout account was created' : 'Your Express Checkout account is linked'}
          {' — '}
          <a href="/checkout">continue to checkout</a>
        </p>
      )}
      <MockInbox />
    </>
  );
}
