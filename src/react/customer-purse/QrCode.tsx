// The address as a QR code, drawn by qrcode.react (SVG). Loaded on first use only: pages that show no deposit address
// never download the QR encoder. If the download fails, the card says so (the address and its copy button stay).
import { Suspense } from 'react';
import { usePurse } from '../provider/context.ts';
import { lazyView } from '../shared/lazy.tsx';

function QrUnavailable() {
  return <p className="purse-hint">{usePurse().i18n.t('error.script_load')}</p>;
}

const QRCodeSVG = lazyView(() => import('qrcode.react').then((module) => module.QRCodeSVG), QrUnavailable);

export function QrCode({ value, label }: { value: string; label: string }) {
  return (
    <Suspense fallback={<div className="purse-qr purse-qr--loading" aria-hidden="true" />}>
      <QRCodeSVG className="purse-qr" value={value} size={160} marginSize={2} level="M" role="img" aria-label={label} />
    </Suspense>
  );
}
