import type { PurseLocale } from '../../src/index.ts';

// What the demo server tells the page when it serves it: the mock's origin is known only once the mock listens, so it
// cannot be built into the bundle (the production build is made before that).
export interface DemoConfig {
  /** The language the shopper chose (?lang=, then remembered in a cookie), or null: the browser's (locale="auto"). */
  locale: PurseLocale | null;
  /** The embedded mock's origin (drop-in scripts, hosted page), or null against the real Purse sandbox. */
  mockOrigin: string | null;
  /** The signup's resend countdown, matched to the mock's throttle (shortened in E2E). */
  resendDelayMs: number;
}

const element = typeof document === 'undefined' ? null : document.getElementById('demo-config');

export const demoConfig: DemoConfig = element?.textContent
  ? (JSON.parse(element.textContent) as DemoConfig)
  : { locale: null, mockOrigin: null, resendDelayMs: 30_000 };

/** The CSP nonce of this response (Vite puts it on a meta tag); the page hands it to the drop-in's script tag. */
export const cspNonce =
  (typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]'))?.nonce ||
  undefined;
