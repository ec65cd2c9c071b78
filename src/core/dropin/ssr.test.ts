// @vitest-environment node
// Server rendering imports the kit: the loader must not touch document/window until called, and then refuse cleanly.
import { describe, expect, it } from 'vitest';
import { isPurseKitFailure } from '../errors.ts';

describe('on the server (no DOM)', () => {
  it('imports without a document, and every entry point behaves', async () => {
    expect(typeof document).toBe('undefined');
    const dropin = await import('./index.ts');
    const error = await dropin.loadDropin('https://cdn.purse-secure.com/dropin-checkout/stable/purse.js').catch((e: unknown) => e);
    expect(isPurseKitFailure(error) && error.error.kind).toBe('config');
    expect(isPurseKitFailure(error) && error.error.message).toContain('needs a document');
    expect(() => dropin.preloadDropin('https://cdn.purse-secure.com/dropin-checkout/stable/purse.js')).not.toThrow();
    expect(() => dropin.preconnect('https://cdn.purse-secure.com')).not.toThrow();
  });

  it('still refuses a disallowed origin first', async () => {
    const { loadDropin } = await import('./index.ts');
    const error = await loadDropin('https://evil.example/x.js').catch((e: unknown) => e);
    expect(isPurseKitFailure(error) && error.error.kind).toBe('config');
    expect(isPurseKitFailure(error) && error.error.message).toContain('https://evil.example');
  });
});
