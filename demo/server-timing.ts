// The demo's answers carry a Server-Timing header (handler;dur=…, purse;dur=…): how long the merchant handler took,
// and how much of it was spent waiting for Purse. The browser shows it in the network panel; bench/ready.ts reads it
// from Resource Timing to split a session request's time between the merchant server, Purse and the hops.
import { AsyncLocalStorage } from 'node:async_hooks';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
const purseWait = new AsyncLocalStorage<{ ms: number }>();

/** `fetch` for the Purse clients: adds the time of each call to the request it serves. */
export const timedPurseFetch: Fetch = async (input, init) => {
  const started = performance.now();
  try {
    return await globalThis.fetch(input, init);
  } finally {
    const box = purseWait.getStore();
    if (box) box.ms += performance.now() - started;
  }
};

/** The handler, its answers with `Server-Timing`. */
export function withServerTiming(handler: (request: Request) => Promise<Response>) {
  return (request: Request) => {
    const box = { ms: 0 };
    const started = performance.now();
    return purseWait.run(box, async () => {
      const response = await handler(request);
      const total = performance.now() - started;
      try {
        response.headers.append('server-timing', `handler;dur=${total.toFixed(1)}, purse;dur=${box.ms.toFixed(1)}`);
      } catch {
        // An answer with immutable headers (none today) goes out without it.
      }
      return response;
    });
  };
}
