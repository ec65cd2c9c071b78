import { useEffect, useId, useState } from 'react';

/**
 * The shop's own account, which the merchant server vouches for: an XCO account is only created for this email. A
 * real shop has it from its signup (and has verified it); the demo takes what this form is given.
 */
export function ShopAccount({ onChange }: { onChange(email: string | null): void }) {
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
    if (!response.ok || !body.email) return setError(body.title ?? 'The account could not be saved.');
    setError('');
    setEmail(body.email);
    onChange(body.email);
  }

  if (email === undefined) return null;
  return (
    <section className="demo-card" aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`}>Your shop account</h2>
      {email ? (
        <p role="status">Signed in to the shop as {email}.</p>
      ) : (
        <form onSubmit={(event) => void save(event)}>
          <p className="demo-hint">
            New to Purse? Give the shop your email first: an Express Checkout account is only created for the email the
            shop has for you. (Already have one? Link it below without this step.)
          </p>
          <label htmlFor={fieldId}>Email for your shop account</label>{' '}
          <input
            id={fieldId}
            type="email"
            autoComplete="email"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />{' '}
          <button type="submit">Create shop account</button>
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
