// Ports of the example stacks (EXAMPLES_PORT and the eight after it), shared by run.mjs and playwright.config.ts.
const base = Number(process.env.EXAMPLES_PORT ?? 4441);
export const ports = {
  next: { mock: base, app: base + 1 },
  vite: { mock: base + 2, app: base + 3, api: base + 4 },
  express: { mock: base + 5, app: base + 6 },
  hono: { mock: base + 7, app: base + 8 },
};
export const mockOrigin = (port) => `http://127.0.0.1:${port}`;
