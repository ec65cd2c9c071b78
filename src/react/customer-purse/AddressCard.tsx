// One deposit address: the address as text, the currencies it accepts, a copy button and its QR code.
import { useRef } from 'react';
import type { ShopperDepositAddress } from '../../core/backend/customer-purse.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { QrCode } from './QrCode.tsx';

export interface AddressCardProps {
  address: ShopperDepositAddress;
  /** Called with the sentence to announce after a copy (success, or how to copy by hand). */
  onCopied(message: string): void;
}

export function AddressCard({ address, onCopied }: AddressCardProps) {
  const { i18n } = usePurse();
  const text = useRef<HTMLElement>(null);
  const currencies = address.currencies.join(', ');

  async function copy() {
    try {
      await navigator.clipboard.writeText(address.address);
      onCopied(i18n.t('customerPurse.copied'));
    } catch {
      // No clipboard (permission, insecure context): select the address so the shopper can copy it.
      const node = text.current;
      const selection = typeof window === 'undefined' ? null : window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      onCopied(i18n.t('customerPurse.copyFailed'));
    }
  }

  return (
    <li className="purse-box purse-deposit-address">
      <p className="purse-text purse-label purse-deposit-address__currencies">{i18n.t('customerPurse.address.currencies', { currencies })}</p>
      {/* The button goes under the address when both do not fit side by side (a phone, large text). */}
      <div className="purse-actions">
        <code ref={text} className="purse-deposit-address__value" translate="no">
          {address.address}
        </code>
        <Button variant="secondary" aria-label={i18n.t('customerPurse.copy.label', { currencies })} onClick={() => void copy()}>
          {i18n.t('customerPurse.copy')}
        </Button>
      </div>
      <QrCode value={address.address} label={i18n.t('customerPurse.qr', { currencies })} />
    </li>
  );
}
