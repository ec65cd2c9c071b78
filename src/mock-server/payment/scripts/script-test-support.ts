// Runs the mock's real drop-in scripts in the happy-dom window against the real in-process mock: the page's fetch
// goes to purse.fetch, and window.location.assign (the redirect after payment) is recorded instead of navigating.
import { vi } from 'vitest';
import type { ClientSession } from '../../../core/wire/payment.ts';
import { setupPurse } from '../test-support.ts';

const globals = window as unknown as Record<string, unknown>;

export function setupScripts(options: Parameters<typeof setupPurse>[0] = {}) {
  const mock = setupPurse(options);
  const pageRequests: Request[] = [];
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    pageRequests.push(request.clone());
    return mock.purse.fetch(request);
  });
  const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});

  /** Fetches a session's script from the mock and runs it, as a <script> tag would. */
  async function runScript(session: ClientSession): Promise<string> {
    const response = await mock.purse.fetch(new Request(session.widget!.js_url));
    if (response.status !== 200) throw new Error(`script: ${response.status}`);
    const text = await response.text();
    new Function(text)();
    return text;
  }

  function container(id = 'checkout') {
    const element = document.createElement('div');
    element.id = id;
    document.body.append(element);
    return element;
  }

  /** Resolves after pending promise callbacks and the mock's async work (signing). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  return { ...mock, pageRequests, assign, runScript, container, settle };
}

export function cleanupScripts() {
  delete globals.Purse;
  delete globals.UpStreamPay;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}
