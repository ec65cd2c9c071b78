import type { ReactNode } from 'react';
import 'purse-react-kit/styles.css';

export const metadata = { title: 'Purse on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <main style={{ maxWidth: 560, margin: '2rem auto', padding: '0 1rem', fontFamily: 'system-ui, sans-serif' }}>
          {children}
        </main>
      </body>
    </html>
  );
}
