// OAuth2 client credentials (POST /oauth2/token) and the bearer tokens every API route checks.
import type { MockContext, MockModule, TokenStore } from './context.ts';
import { json } from './http.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import { randomToken, timingSafeEqual } from './util.ts';

const TOKEN_PATH = '/oauth2/token';

export function createTokenStore(now: () => number, ttlSeconds: number): TokenStore {
  const tokens = new Map<string, { clientId: string; expiresAt: number }>();
  let grants = 0;
  return {
    issue(clientId) {
      const time = now();
      // Forget expired tokens so that a long-running dev server does not grow without bound.
      for (const [token, entry] of tokens) if (entry.expiresAt <= time) tokens.delete(token);
      const access_token = randomToken();
      tokens.set(access_token, { clientId, expiresAt: time + ttlSeconds * 1000 });
      grants++;
      return { access_token, expires_in: ttlSeconds };
    },
    verify(authorization) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!match) return { ok: false, reason: 'A bearer access token is required (Authorization: Bearer <token>).' };
      const entry = tokens.get(match[1]!);
      if (!entry) return { ok: false, reason: 'The access token is unknown.' };
      if (entry.expiresAt <= now()) return { ok: false, reason: 'The access token has expired.' };
      return { ok: true, clientId: entry.clientId };
    },
    grants: () => grants,
    resetCounters() {
      grants = 0;
    },
  };
}

const oauthError = (status: number, error: string, description: string, headers?: Record<string, string>) =>
  json(status, { error, error_description: description }, { 'cache-control': 'no-store', ...headers });

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
function decodeBasic(header: string): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  try {
    const decoded = atob(match[1]!);
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

export function createOAuthModule(context: MockContext): MockModule {
  return {
    routes: [
      {
        method: 'POST',
        path: TOKEN_PATH,
        auth: 'none',
        async handler(request) {
          const contentType = request.headers.get('content-type') ?? '';
          if (!contentType.toLowerCase().includes('application/x-www-form-urlencoded')) {
            return oauthError(400, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded.');
          }
          const form = new URLSearchParams(await request.text());
          const authorization = request.headers.get('authorization');
          const basic = authorization ? decodeBasic(authorization) : null;
          if (authorization && !basic) return oauthError(401, 'invalid_client', 'Malformed Basic credentials.');
          if (basic && (form.has('client_id') || form.has('client_secret'))) {
            return oauthError(400, 'invalid_request', 'Use one client authentication method, not Basic and form both.');
          }
          const id = basic?.id ?? form.get('client_id') ?? '';
          const secret = basic?.secret ?? form.get('client_secret') ?? '';
          const valid =
            timingSafeEqual(id, MOCK_CREDENTIALS.clientId) && timingSafeEqual(secret, MOCK_CREDENTIALS.clientSecret);
          if (!valid) {
            return oauthError(401, 'invalid_client', 'Client authentication failed.', {
              'www-authenticate': 'Basic realm="purse-mock"',
            });
          }
          const grantType = form.get('grant_type');
          if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required.');
          if (grantType !== 'client_credentials') {
            return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported.');
          }
          const { access_token, expires_in } = context.tokens.issue(id);
          // The documented answer has no `scope`; a requested scope is granted as asked, and said so (RFC 6749 §5.1).
          const scope = form.get('scope');
          return json(200, { access_token, token_type: 'Bearer', expires_in, ...(scope && { scope }) }, {
            'cache-control': 'no-store',
            pragma: 'no-cache',
          });
        },
      },
    ],
    reset: () => context.tokens.resetCounters(),
  };
}
