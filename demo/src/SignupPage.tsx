import { Profiler, useCallback, useState } from 'react';
import { XcoSignup, type XcoSignupCompleteDetails } from '../../src/index.ts';
import { demoConfig } from './config.ts';
import { useDemoText } from './i18n/index.ts';
import { MockInbox } from './MockInbox.tsx';
import { ShopAccount } from './ShopAccount.tsx';

// bench/ counts React commits per keystroke through this counter.
const countCommits = () => {
  (window as { __purseCommits?: number }).__purseCommits = ((window as { __purseCommits?: number }).__purseCommits ?? 0) + 1;
};

export function SignupPage() {
  const { t } = useDemoText();
  const [done, setDone] = useState<XcoSignupCompleteDetails | null>(null);
  // This shop account is linked to a Purse account already (another one than the shopper just verified): pay with it.
  const [alreadyLinked, setAlreadyLinked] = useState(false);
  const [account, setAccount] = useState<string | null>(null);
  const onAccount = useCallback((email: string | null) => setAccount(email), []);
  return (
    <>
      <ShopAccount onChange={onAccount} />
      <section className="demo-card" aria-label={t('account.xco')}>
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
          <a href="/checkout">{t('account.linked.continue')}</a>
        </p>
      )}
      {done && (
        <p className="demo-card">
          {t(done.outcome === 'created' ? 'account.done.created' : 'account.done.linked')}{' '}
          <a href="/checkout">{t('account.done.continue')}</a>
        </p>
      )}
      <MockInbox />
    </>
  );
}
