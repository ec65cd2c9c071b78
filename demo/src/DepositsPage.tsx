import { useId, useState } from 'react';
import { CustomerPurse } from '../../src/index.ts';
import { demoConfig } from './config.ts';
import { useDemoText } from './i18n/index.ts';

/** The shopper's deposit account (Customer Purse), polled every 2 s while open. */
export function DepositsPage() {
  const { t } = useDemoText();
  return (
    <>
      <section className="demo-card" aria-label={t('deposits.region')}>
        <CustomerPurse pollIntervalMs={2000} pageSize={5} />
      </section>
      <MockWallet />
    </>
  );
}

/** Stands in for the shopper's crypto wallet against the mock: sends a deposit to the shopper's own address. */
function MockWallet() {
  const { t } = useDemoText();
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
    setMessage(response.ok ? t('wallet.sent', { amount, currency }) : t('wallet.refused'));
  }

  return (
    <aside className="demo-card demo-inbox" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('wallet.title')}</h2>
      <p className="demo-hint">{t('wallet.hint')}</p>
      <label htmlFor={`${ids}-amount`}>{t('wallet.amount')}</label>{' '}
      <input id={`${ids}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />{' '}
      <label htmlFor={`${ids}-currency`}>{t('wallet.currency')}</label>{' '}
      <select id={`${ids}-currency`} value={currency} onChange={(e) => setCurrency(e.target.value)}>
        <option>BTC</option>
        <option>USDT</option>
        <option>ETH</option>
      </select>{' '}
      <button type="button" onClick={() => void send()}>
        {t('wallet.send')}
      </button>
      <p role="status">{message}</p>
    </aside>
  );
}
