// The backend a provider builds from `baseUrl` holds the HTTP methods of the components in the page, not all of
// createHttpBackend: each component's hook module adds its group with addHttpMethods (as it adds its texts), so a
// checkout page never downloads the signup's or the status page's requests. A group added later (a component
// imported lazily) reaches the backends already built on their next usePurse().
import type { MerchantBackend } from '../../core/backend/backend.ts';
import { httpCall } from '../../core/backend/http-backend.ts';
import type { AnyHttpMethods, HttpCall } from '../../core/backend/http-methods.ts';

const groups = new Set<AnyHttpMethods>();
const built = new WeakMap<MerchantBackend, { call: HttpCall; added: Set<AnyHttpMethods> }>();

/** Adds a component's backend methods (http-methods.ts): called once by the module of the component's hook. */
export function addHttpMethods(methods: AnyHttpMethods): void {
  groups.add(methods);
}

/** The provider's backend for `baseUrl`: the methods added so far, and those added later (see `withHttpMethods`). */
export function httpBackend(baseUrl: string): MerchantBackend {
  const backend = {} as MerchantBackend;
  built.set(backend, { call: httpCall({ baseUrl }), added: new Set() });
  return withHttpMethods(backend);
}

/** Gives a backend of `httpBackend` the groups added since; any other backend is returned as it is. */
export function withHttpMethods(backend: MerchantBackend): MerchantBackend {
  const entry = built.get(backend);
  for (const methods of entry ? groups : []) {
    if (entry!.added.has(methods)) continue;
    entry!.added.add(methods);
    Object.assign(backend, methods(entry!.call));
  }
  return backend;
}
