// A minimal pathname router: literal and `:param` segments, 404 and 405 as problem+json, bearer auth per route.
import { API_KEY_HEADER } from '../../core/wire/payment-session.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import type { CallContext, MockContext, MockRoute } from './context.ts';
import { problem } from './http.ts';
import { timingSafeEqual } from './util.ts';
import type { MockRequestRecord } from '../types.ts';

interface CompiledRoute {
  route: MockRoute;
  segments: string[];
}

type Match = { route: MockRoute; params: Record<string, string> };

const split = (path: string) => path.split('/').filter(Boolean);

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const segment = actual[i]!;
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (expected !== segment) {
      return null;
    }
  }
  return params;
}

export function createRouter(context: MockContext, routes: MockRoute[]) {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route, segments: split(route.path) }));

  function find(method: string, pathname: string): Match | { allowed: string[] } | null {
    const actual = split(pathname);
    const allowed = new Set<string>();
    for (const { route, segments } of compiled) {
      const params = matchSegments(segments, actual);
      if (!params) continue;
      if (route.method === method) return { route, params };
      allowed.add(route.method);
    }
    return allowed.size ? { allowed: [...allowed] } : null;
  }

  return async function dispatch(request: Request, url: URL, record: MockRequestRecord | undefined): Promise<Response> {
    const instance = url.pathname;
    const found = find(request.method.toUpperCase(), url.pathname);
    if (!found) {
      return problem({ status: 404, title: 'Not Found', detail: `No route for ${url.pathname}.`, code: 'not_found', instance });
    }
    if ('allowed' in found) {
      return problem({
        status: 405,
        title: 'Method Not Allowed',
        detail: `${request.method} is not allowed on ${url.pathname}.`,
        code: 'method_not_allowed',
        instance,
        headers: { allow: found.allowed.join(', ') },
      });
    }
    let clientId: string | undefined;
    const auth = found.route.auth ?? 'bearer';
    const apiKey = request.headers.get(API_KEY_HEADER);
    const keyAccepted = apiKey !== null && timingSafeEqual(apiKey, MOCK_CREDENTIALS.apiKey);
    if (auth === 'api_key' && !keyAccepted) {
      const detail = apiKey === null ? `The API key is required (${API_KEY_HEADER} header).` : 'The API key is unknown.';
      return problem({ status: 401, title: 'Unauthorized', detail, code: 'unauthorized', instance });
    }
    if (auth === 'bearer' || (auth === 'bearer_or_api_key' && !keyAccepted)) {
      const verdict = context.tokens.verify(request.headers.get('authorization'));
      if (!verdict.ok) {
        return problem({
          status: 401,
          title: 'Unauthorized',
          detail: auth === 'bearer' ? verdict.reason : `${verdict.reason} Or send the API key (${API_KEY_HEADER}).`,
          code: 'unauthorized',
          instance,
          headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
        });
      }
      clientId = verdict.clientId;
    }
    const call: CallContext = { url, params: found.params, clientId, record };
    try {
      return await found.route.handler(request, call);
    } catch (error) {
      // A bug in a module must look like Purse's 500 to the caller, and stay visible to whoever runs the mock.
      console.error('[purse mock] handler failed', error);
      return problem({ status: 500, title: 'Internal Server Error', detail: 'The mock failed.', code: 'internal', instance });
    }
  };
}
