import { useId, useState } from 'react';
import { parseIdentifier } from '../../src/core/index.ts';
import { demoConfig } from './config.ts';

/** Stands in for the shopper's mailbox or phone when the storefront runs against the embedded mock server. */
export function MockInbox() {
  const [identifier, setIdentifier] = useState('');
  const [message, setMessage] = useState('');
  const fieldId = useId();
  if (!demoConfig.mockOrigin) return null;

  async function read() {
    // The same parsing as the signup field (national numbers in the signup's default country), so whatever the
    // shopper typed there finds its code here.
    const parsed = await parseIdentifier(identifier, { defaultCountry: 'FR' });
    if (parsed.kind === 'invalid') return setMessage('Enter the email or phone number you gave the signup.');
    const query = new URLSearchParams(parsed.kind === 'email' ? { email: parsed.email } : { phone_number: parsed.phone_number });
    const response = await fetch(`/__mock/otp?${query}`);
    const body = response.ok ? ((await response.json()) as { code: string }) : null;
    setMessage(body ? `Latest code: ${body.code}` : 'No code was sent to this email or phone.');
  }

  return (
    <aside className="demo-card demo-inbox" aria-label="Mock inbox">
      <h2>Mock inbox</h2>
      <p className="demo-hint">
        Against the mock server, one-time codes are not sent: read them here (or in the terminal running npm start).
        Seeded XCO accounts: existing@example.com (06 12 34 56 78), camille.martin@example.fr (06 98 76 54 32),
        sam.taylor@example.com (+44 7911 123456).
      </p>
      <label htmlFor={fieldId}>Email or phone</label>{' '}
      <input id={fieldId} value={identifier} onChange={(e) => setIdentifier(e.target.value)} />{' '}
      <button type="button" onClick={() => void read()}>
        Read latest code
      </button>
      <p role="status">{message}</p>
    </aside>
  );
}
