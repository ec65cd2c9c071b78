import { afterEach, describe, expect, it } from 'vitest';
import type { DropinWindow } from '../../../core/dropin/types.ts';
import { ORIGIN } from '../test-support.ts';
import { cleanupScripts, setupScripts } from './script-test-support.ts';

afterEach(cleanupScripts);

const SCRIPT = '/dropin-checkout/stable/purse.js';

describe('script faults and the drop-in API over CORS', () => {
  it('serve a script that loads without its global (string body, text/javascript), then the real one', async () => {
    const { purse, api, runScript } = setupScripts();
    purse.control.setFault({ path: SCRIPT, status: 200, headers: { 'Content-Type': 'text/javascript' }, body: '/* no global */', times: 1 });
    const session = await api.createSession();
    const broken = await purse.fetch(new Request(`${ORIGIN}${SCRIPT}`));
    expect(broken.headers.get('content-type')).toBe('text/javascript');
    new Function(await broken.text())();
    expect((window as DropinWindow).Purse).toBeUndefined();
    await runScript(session);
    expect((window as DropinWindow).Purse).toBeDefined();
  });

  it('serve 404 and latency through the same fault rules, and log script requests', async () => {
    const { purse } = setupScripts();
    purse.control.setFault({ path: '/dropin/*', status: 404, times: 1 });
    expect((await purse.fetch(new Request(`${ORIGIN}/dropin/v3-stable/purse.js`))).status).toBe(404);
    purse.control.setFault({ path: SCRIPT, latencyMs: 60, times: 1 });
    const started = performance.now();
    expect((await purse.fetch(new Request(`${ORIGIN}${SCRIPT}`))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(purse.control.requests().filter((r) => r.path.endsWith('purse.js'))).toHaveLength(2);
  });

  it('answer the preflight and every drop-in API response with CORS headers; the widget data is required', async () => {
    const { purse, api } = setupScripts();
    const session = await api.createSession();
    const preflight = await purse.fetch(
      new Request(`${ORIGIN}/dropin/api/sessions/${session.id}/payments`, {
        method: 'OPTIONS',
        headers: { origin: 'http://shop.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    const anonymous = await purse.fetch(new Request(`${ORIGIN}/dropin/api/session`));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('access-control-allow-origin')).toBe('*');
    // The session load needs no preflight: the widget data as a text/plain body (a CORS-safelisted request).
    const load = (body: string) =>
      purse.fetch(new Request(`${ORIGIN}/dropin/api/session`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body }));
    const loaded = await load(session.widget!.data);
    expect(loaded.status).toBe(200);
    expect(loaded.headers.get('access-control-allow-origin')).toBe('*');
    expect(await loaded.json()).toMatchObject({ id: session.id, availability: 'open' });
    expect((await load('not-a-widget-data')).status).toBe(401);
    expect((await load(session.widget!.data.padEnd(600, 'x'))).status).toBe(401);
    const other = await api.createSession();
    const mismatch = await purse.fetch(
      new Request(`${ORIGIN}/dropin/api/sessions/${session.id}/payments`, {
        method: 'POST',
        headers: { authorization: `Widget ${other.widget!.data}` },
        body: '{}',
      }),
    );
    expect(mismatch.status).toBe(403);
  });
});
