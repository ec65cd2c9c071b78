import { useId, useState } from 'react';
import { demoConfig } from './config.ts';
import { useDemoText } from './i18n/index.ts';

// The mock's seeded XCO accounts (src/mock-server/seed.ts), as a shopper would type them.
const SEEDED = 'existing@example.com (+33 6 12 34 56 78), camille.martin@example.fr (+33 6 98 76 54 32)';

/** Stands in for the shopper's mailbox or phone when the storefront runs against the embedded mock server. */
export function MockInbox() {
  const { t } = useDemoText();
  const [identifier, setIdentifier] = useState('');
  const [message, setMessage] = useState('');
  const fieldId = useId();
  if (!demoConfig.mockOrigin) return null;

  async function read() {
    const key = identifier.includes('@') ? 'email' : 'phone_number';
    const response = await fetch(`/__mock/otp?${key}=${encodeURIComponent(identifier.trim())}`);
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
