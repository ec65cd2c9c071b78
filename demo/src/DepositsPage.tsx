import { useId, useState } from 'react';
import { CustomerPurse } from '../../src/index.ts';
import { demoConfig } from './config.ts';

/** The shopper's deposit account (Customer Purse), polled every 2 s while open. */
export function DepositsPage() {
  return (
    <>
      <section className="demo-card" aria-label="Deposit account">
        <CustomerPurse pollIntervalMs={2000} pageSize={5} />
      </section>
      <MockWallet />
    </>
  );
}

/** Stands in for the shopper's crypto wallet against the mock: sends a deposit to the shopper's own address. */
function MockWallet() {
  const [amount, setAmount] = useState('0.015');
  const [currency, setCurrency] = useState('BTC');
  const [message, setMessage] = useState('');
  const ids = useId();
  if (!demoConfig.mockOrigin) return null;

  async function send() {
    const response = await fetch('/demo/mock/deposit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currency, amount: Number(amount) }),
    });
    setMessage(response.ok ? `Sent ${amount} ${currency}: the page shows it at its next update.` : 'The mock refused this deposit.');
  }

  return (
    <aside className="demo-card demo-inbox" aria-label="Mock wallet">
      <h2>Mock wallet</h2>
      <p className="demo-hint">Against the mock server, no blockchain is involved: send yourself a deposit here.</p>
      <label htmlFor={`${ids}-amount`}>Amount</label>{' '}
      <input id={`${ids}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />{' '}
      <label htmlFor={`${ids}-currency`}>Currency</label>{' '}
      <select id={`${ids}-currency`} value={currency} onChange={(e) => setCurrency(e.target.value)}>
        <option>BTC</option>
        <option>USDT</option>
        <option>ETH</option>
      </select>{' '}
      <button type="button" onClick={() => void send()}>
        Send a deposit
      </button>
      <p role="status">{message}</p>
    </aside>
  );
}
