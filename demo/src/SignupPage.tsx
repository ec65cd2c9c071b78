import { useState } from 'react';
import { XcoSignup, type XcoSignupCompleteDetails } from '../../src/index.ts';
import { MockInbox } from './MockInbox.tsx';

declare const __PURSE_RESEND_DELAY_MS__: number;

export function SignupPage() {
  const [done, setDone] = useState<XcoSignupCompleteDetails | null>(null);
  return (
    <>
      <section className="demo-card" aria-label="Purse Express Checkout">
        <XcoSignup
          defaultCountry="FR"
          resendDelayMs={__PURSE_RESEND_DELAY_MS__}
          onComplete={(details) => setDone(details)}
        />
      </section>
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
