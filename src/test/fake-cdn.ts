// A fake of Purse's CDN for happy-dom: the page really fetches the <script> (through happy-dom's fetch interceptor)
// and really runs the body a test serves. Shared by the loader tests (core) and the checkout tests (react).
import { __resetDropinCache } from '../core/dropin/index.ts';

type HappyDomSettings = {
  enableJavaScriptEvaluation: boolean;
  suppressInsecureJavaScriptEnvironmentWarning: boolean;
  fetch: { interceptor: unknown };
};
const settings = (window as unknown as { happyDOM: { settings: HappyDomSettings } }).happyDOM.settings;
const globals = window as unknown as Record<string, unknown>;

export interface CdnRequest {
  url: string;
  respond(body: string, status?: number): void;
}

/** Lets the page run scripts and answers its requests with `answer`. */
export function interceptPageRequests(answer: (request: Request) => Promise<Response>): void {
  settings.enableJavaScriptEvaluation = true;
  settings.suppressInsecureJavaScriptEnvironmentWarning = true;
  settings.fetch.interceptor = { beforeAsyncRequest: ({ request }: { request: Request }) => answer(request) };
}

/**
 * Serves script requests: at once with an empty 200 (the test installs the global itself), or held for the test to
 * answer (`respond`) when `hold` is on.
 */
export function fakeCdn({ hold = false } = {}) {
  const requests: CdnRequest[] = [];
  const cdn = { requests, hold, urls: () => requests.map((r) => r.url) };
  interceptPageRequests(
    (request) =>
      new Promise<Response>((resolve) => {
        const entry: CdnRequest = {
          url: request.url,
          respond: (body, status = 200) =>
            resolve(new Response(body, { status, headers: { 'content-type': 'text/javascript' } })),
        };
        requests.push(entry);
        if (!cdn.hold) entry.respond('/* the fake global is installed by the test */');
      }),
  );
  return cdn;
}

/** Undoes the interception and the Purse globals; forgets loaded scripts. */
export function resetPage(): void {
  settings.fetch.interceptor = null;
  settings.enableJavaScriptEvaluation = false;
  document.head.innerHTML = '';
  delete globals.Purse;
  delete globals.UpStreamPay;
  __resetDropinCache();
}
