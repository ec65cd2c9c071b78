// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mockPurseEnv } from '../../mock-server/env.ts';
import { purseConfigFromEnv } from './config.ts';

const FULL = {
  PURSE_CLIENT_ID: 'id',
  PURSE_CLIENT_SECRET: 'secret',
  PURSE_MERCHANT_ID: 'merchant',
  PURSE_ENTITY_ID: 'entity',
  PURSE_TOKEN_URL: 'https://auth.example/oauth2/token',
  PURSE_XCO_API_URL: 'https://xco-api.example',
  PURSE_PAYMENT_API_URL: 'https://api.example',
};

describe('purseConfigFromEnv', () => {
  it('returns null when no PURSE_* variable is set (blank ones count as unset)', () => {
    expect(purseConfigFromEnv({ PATH: '/usr/bin', PURSE_CLIENT_ID: '  ' })).toBeNull();
  });

  it('reads every variable', () => {
    expect(purseConfigFromEnv({ ...FULL, PURSE_SCOPE: 'xco-api', PURSE_API_KEY: 'key' })).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      apiKey: 'key',
      merchantId: 'merchant',
      entityId: 'entity',
      tokenUrl: 'https://auth.example/oauth2/token',
      xcoApiUrl: 'https://xco-api.example',
      paymentApiUrl: 'https://api.example',
      scope: 'xco-api',
    });
  });

  it('does not require the entity id, the API key or the scope', () => {
    const { PURSE_ENTITY_ID: _entity, ...rest } = FULL;
    const options = purseConfigFromEnv(rest);
    expect(options).not.toHaveProperty('entityId');
    expect(options).not.toHaveProperty('apiKey');
    expect(options).not.toHaveProperty('scope');
  });

  it('says how to complete a partial configuration, not that leaving it out runs the mock (the demo does; a merchant handler answers 500)', () => {
    expect(() => purseConfigFromEnv({ PURSE_CLIENT_ID: 'id' })).toThrow(/Set all of them .*npx purse-mock-server/);
    expect(() => purseConfigFromEnv({ PURSE_CLIENT_ID: 'id' })).not.toThrow(/mock server/);
  });

  it('.env.example, which the README points merchants to, lists every variable the mock prints', () => {
    // PURSE_API_KEY was missing: a merchant filling in .env.example got a 502 on every return page.
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const name of Object.keys(mockPurseEnv('http://127.0.0.1:4010'))) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('names the missing variables when only some are set, without printing values', () => {
    expect(() => purseConfigFromEnv({ PURSE_CLIENT_ID: 'id', PURSE_CLIENT_SECRET: 'top-secret' })).toThrow(
      'PURSE_MERCHANT_ID, PURSE_TOKEN_URL, PURSE_XCO_API_URL, PURSE_PAYMENT_API_URL are not set',
    );
    try {
      purseConfigFromEnv({ PURSE_CLIENT_SECRET: 'top-secret' });
    } catch (error) {
      expect(String(error)).not.toContain('top-secret');
    }
  });
});
