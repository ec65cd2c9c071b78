import { useEffect, useId, useState } from 'react';
import { useDemoText } from './i18n/index.ts';

/**
 * The shop's own account, which the merchant server vouches for: an XCO account is only created for this email. A
 * real shop has it from its signup (and has verified it); the demo takes what this form is given.
 */
export function ShopAccount({ onChange }: { onChange(email: string | null): void }) {
  const { t } = useDemoText();
  const [email, setEmail] = useState<string | null | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const fieldId = useId();
  const errorId = useId();

  useEffect(() => {
    void fetch('/demo/account')
      .then((r) => r.json() as Promise<{ email: string | null }>)
      .then(({ email: known }) => {
        setEmail(known);
        onChange(known);
      });
  }, [onChange]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const response = await fetch('/demo/account', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: draft }),
    });
    const body = (await response.json()) as { email?: string; title?: string };
    if (!response.ok || !body.email) return setError(t(response.status === 400 ? 'account.shop.invalid' : 'account.shop.failed'));
    setError('');
    setEmail(body.email);
    onChange(body.email);
  }

  if (email === undefined) return null;
  return (
    <section className="demo-card" aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`}>{t('account.shop.title')}</h2>
      {email ? (
        <p role="status">{t('account.shop.signedIn', { email })}</p>
      ) : (
        <form onSubmit={(event) => void save(event)}>
          <p className="demo-hint">{t('account.shop.intro')}</p>
          <label htmlFor={fieldId}>{t('account.shop.email')}</label>{' '}
          <input
            id={fieldId}
            type="email"
            autoComplete="email"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />{' '}
          <button type="submit">{t('account.shop.create')}</button>
          {error && (
            <p id={errorId} role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
