// Test-mode control endpoints (/__mock/*): read codes and state, inject faults, reset. Registered only when
// `testMode: true`; otherwise these paths answer 404 like any unknown route.
import type { XcoIdentifier } from '../../core/wire/xco.ts';
import type { MockModule } from './context.ts';
import { parseFaultRule } from './faults.ts';
import { json, noContent, problem, readJsonBody, validationProblem } from './http.ts';
import type { MockPurseControl } from '../types.ts';
import { validateIdentifier } from '../xco/validation.ts';

const CONTROL_PREFIX = '/__mock';

export const isControlPath = (pathname: string) =>
  pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);

export function createControlModule(
  control: MockPurseControl,
  /** Extra members of GET /__mock/state contributed by route modules. */
  extraState: () => Record<string, unknown>,
  listFaults: () => unknown[],
): MockModule {
  return {
    routes: [
      {
        method: 'GET',
        path: `${CONTROL_PREFIX}/otp`,
        auth: 'none',
        handler(_request, { url }) {
          const query: Record<string, string> = {};
          for (const key of ['email', 'phone_number']) {
            const value = url.searchParams.get(key);
            if (value !== null) query[key] = value;
          }
          const parsed = validateIdentifier(query, { requireCode: false, refuseUnknown: false });
          if (!parsed.ok) return validationProblem(url.pathname, parsed.issues);
          const code = control.currentCode(parsed.value.identifier as XcoIdentifier);
          if (code === undefined) {
            return problem({ status: 404, title: 'Not Found', detail: 'No pending code for this identifier.', code: 'no_code', instance: url.pathname });
          }
          return json(200, { code });
        },
      },
      {
        method: 'GET',
        path: `${CONTROL_PREFIX}/state`,
        auth: 'none',
        handler: () =>
          json(200, {
            ...extraState(),
            users: control.users(),
            consents: control.consents(),
            tokenRequests: control.tokenRequests(),
            requests: control.requests(),
            faults: listFaults(),
          }),
      },
      {
        method: 'POST',
        path: `${CONTROL_PREFIX}/faults`,
        auth: 'none',
        async handler(request, { url }) {
          const body = await readJsonBody(request, url.pathname);
          if (!body.ok) return body.response;
          const rule = parseFaultRule(body.value);
          if (typeof rule === 'string') return validationProblem(url.pathname, [{ pointer: '', detail: rule }]);
          control.setFault(rule);
          return noContent();
        },
      },
      {
        method: 'DELETE',
        path: `${CONTROL_PREFIX}/faults`,
        auth: 'none',
        handler() {
          control.clearFaults();
          return noContent();
        },
      },
      {
        method: 'POST',
        path: `${CONTROL_PREFIX}/reset`,
        auth: 'none',
        handler() {
          control.reset();
          return noContent();
        },
      },
    ],
  };
}
