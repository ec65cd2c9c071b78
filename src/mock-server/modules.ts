// Extension point: route modules beyond OAuth2 and XCO v1 (which create.ts always mounts). Each factory receives the
// shared MockContext (clock, options, baseUrl, tokens) and returns routes, plus optional reset() and snapshot().
// To add the Payment API v2, drop-in scripts, hosted page or signing JWKS: write the module in its own file (or
// folder, e.g. ./payment/index.ts) and append its factory here. Routes require a bearer token unless `auth: 'none'`
// (scripts, hosted page and JWKS are public); fault injection and the request log apply to them automatically.
import type { MockModuleFactory } from './context.ts';

export const furtherModules: MockModuleFactory[] = [];
