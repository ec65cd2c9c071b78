// The backend a provider builds from `baseUrl` holds the HTTP methods of the components in the page, not all of
// createHttpBackend: each component's hook module adds its group with addHttpMethods (as it adds its texts), so a
// checkout page never downloads the signup's or the status page's requests. A group added later (a component
// imported lazily) reaches the backends already built on their next usePurse().
import type { MerchantBackend } from '../../core/backend/backend.ts';
import { httpCall } from '../../core/backend/http-backend.ts';
import type { AnyHttpMethods, HttpCall } from '../../core/backend/http-methods.ts';

const groups: AnyHttpMethods[] = [];
/** Per backend built here: its call, and how many of `groups` it has. */
const built = new WeakMap<MerchantBackend, [call: HttpCall, added: number]>();

/** Adds a component's backend methods (http-methods.ts): called once by the module of the component's hook. */
export function addHttpMethods(methods: AnyHttpMethods): void {
  if (!groups.includes(methods)) groups.push(methods);
}

/** The provider's backend for `baseUrl`: the methods added so far, and those added later (see `withHttpMethods`). */
export function httpBackend(baseUrl: string): MerchantBackend {
  const backend = {} as MerchantBackend;
  built.set(backend, [httpCall({ baseUrl }), 0]);
  return withHttpMethods(backend);
}

/** Gives a backend of `httpBackend` the groups added since; any other backend is returned as it is. */
export function withHttpMethods(backend: MerchantBackend): MerchantBackend {
  const entry = built.get(backend);
  while (entry && entry[1] < groups.length) Object.assign(backend, groups[entry[1]++]!(entry[0]));
  return backend;
}
