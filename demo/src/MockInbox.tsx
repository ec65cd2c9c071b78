import { useId, useState } from 'react';
import { parseIdentifier } from '../../src/core/index.ts';
import { demoConfig } from './config.ts';
import { useDemoText } from './i18n/index.ts';

// The mock's seeded XCO accounts (src/mock-server/seed.ts), as a shopper would type them.
const SEEDED =
  'existing@example.com (+33 6 12 34 56 78), camille.martin@example.fr (+33 6 98 76 54 32), sam.taylor@example.com (+44 7911 123456)';

/** Stands in for the shopper's mailbox or phone when the storefront runs against the embedded mock server. */
export function MockInbox() {
  const { t } = useDemoText();
  const [identifier, setIdentifier] = useState('');
  const [message, setMessage] = useState('');
  const fieldId = useId();
  if (!demoConfig.mockOrigin) return null;

  async function read() {
    // The same parsing as the signup field (national numbers in the signup's default country), so whatever the
    // shopper typed there finds its code here.
    const parsed = await parseIdentifier(identifier, { defaultCountry: 'FR' });
    if (parsed.kind === 'invalid') return setMessage(t('inbox.none'));
    const query = new URLSearchParams(parsed.kind === 'email' ? { email: parsed.email } : { phone_number: parsed.phone_number });
    const response = await fetch(`/__mock/otp?${query}`);
    const body = response.ok ? ((await response.json()) as { code: string }) : null;
    setMessage(body ? t('inbox.code', { code: body.code }) : t('inbox.none'));
  }

  return (
    <aside className="demo-card demo-inbox" aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`}>{t('inbox.title')}</h2>
      <p className="demo-hint">{t('inbox.hint', { accounts: SEEDED })}</p>
      <label htmlFor={fieldId}>{t('inbox.field')}</label>{' '}
      <input id={fieldId} value={identifier} onChange={(e) => setIdentifier(e.target.value)} />{' '}
      <button type="button" onClick={() => void read()}>
        {t('inbox.read')}
      </button>
      <p role="status">{message}</p>
    </aside>
  );
}
