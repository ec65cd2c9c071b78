// The address as a QR code, drawn by qrcode.react (SVG). Loaded on first use only: pages that show no deposit address
// never download the QR encoder.
import { lazy, Suspense } from 'react';

const QRCodeSVG = lazy(() => import('qrcode.react').then((module) => ({ default: module.QRCodeSVG })));

export function QrCode({ value, label }: { value: string; label: string }) {
  return (
    <Suspense fallback={<div className="purse-qr purse-qr--loading" aria-hidden="true" />}>
      <QRCodeSVG className="purse-qr" value={value} size={160} marginSize={2} level="M" role="img" aria-label={label} />
    </Suspense>
  );
}
