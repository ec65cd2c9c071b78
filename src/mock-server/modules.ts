// Extension point: route modules beyond OAuth2 and XCO v1 (which create.ts always mounts). Each factory receives the
// shared MockContext (clock, options, baseUrl, tokens) and returns routes, plus optional reset() and snapshot().
// The Payment API v2 half (./payment/: sessions, payments, links, scripts, hosted page, JWKS) is mounted by create.ts
// like XCO, because the control API reaches into it. Further modules: write them in their own file and append here.
// Routes require a bearer token unless `auth: 'none'`; fault injection and the request log apply automatically.
import type { MockModuleFactory } from './context.ts';

export const furtherModules: MockModuleFactory[] = [];
