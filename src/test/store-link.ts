// A handler store as one instance sees it through its link: every command goes through `around`, which can fail it
// (the link cut), or hold its answer back (a stalled or slow instance), for the tests of races between instances.
import type { HandlerStore } from '../server/handler/store.ts';

/** `call` runs the command on the real store; `args` are its arguments (the key first). */
export type StoreLink = (call: () => Promise<unknown>, args: unknown[]) => Promise<unknown>;

export function linkedStore(store: HandlerStore, around: StoreLink): HandlerStore {
  return Object.fromEntries(
    Object.entries(store).map(([name, op]) => [
      name,
      (...args: unknown[]) => around(() => (op as (...a: unknown[]) => Promise<unknown>)(...args), args),
    ]),
  ) as unknown as HandlerStore;
}
