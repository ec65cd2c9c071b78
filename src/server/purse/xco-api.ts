// The six XCO API v1 calls (purse-docs/xco-api-v1-reference.txt) over an authorized transport.
import type {
  XcoCreateUserRequest,
  XcoCreateUserResponse,
  XcoExistsResponse,
  XcoIdentifier,
  XcoUser,
  XcoVerifyResponse,
} from '../../core/wire/xco.ts';
import { isDotSegment, isObject, shapeChecker } from './transport-util.ts';
import type { PurseTransport } from './transport.ts';

/** The body of `verifyPasswordless`: the identifier the code was sent to, and the code. */
export type XcoVerifyRequest = XcoIdentifier & { verification_code: string };

/** XCO API v1. `callerId` (the shopper's IP) lets Purse rate-limit per shopper instead of per merchant. */
export interface XcoApi {
  /** `GET /v1/users/exists`: whether an XCO account has this email or phone. */
  checkUser(identifier: XcoIdentifier, callerId?: string): Promise<XcoExistsResponse>;
  /** `POST /v1/merchants/{id}/users`: creates the account, linked to `customer_reference`. */
  createUser(request: XcoCreateUserRequest): Promise<XcoCreateUserResponse>;
  /** `POST …/users/passwordless/start`: sends a one-time code to the email or phone. */
  startPasswordless(identifier: XcoIdentifier, callerId?: string): Promise<void>;
  /** `POST …/users/passwordless/verify`: checks the code; answers the consent challenge and the user. */
  verifyPasswordless(request: XcoVerifyRequest, callerId?: string): Promise<XcoVerifyResponse>;
  /** `POST …/consents`: links the verified account to the merchant's customer, with the challenge of the verify. */
  createConsent(customerReference: string, consentChallengeId: string): Promise<void>;
  /** `GET …/users/{customerReference}`: the account linked to a customer. */
  getUser(customerReference: string): Promise<XcoUser>;
}

const expectShape = shapeChecker('the XCO API reference');
/** Named when a path that always exists is not found (PurseRequest.baseUrlOption). */
const XCO_URL = 'xcoApiUrl (PURSE_XCO_API_URL), the XCO API base, e.g. https://xco-api.purse-sandbox.com';
const XCO_MERCHANT_URL = `${XCO_URL}, and merchantId (PURSE_MERCHANT_ID)`;

/** Only the identifier field that is set: never `{ email: undefined, phone_number: … }` on the wire. */
function identifierFields(identifier: XcoIdentifier): Record<string, string> {
  return identifier.email !== undefined ? { email: identifier.email } : { phone_number: identifier.phone_number };
}

/** A customer reference as one path segment (see isDotSegment). */
function userSegment(customerReference: string): string {
  if (isDotSegment(customerReference)) {
    throw new Error(`XCO: the customer reference "${customerReference}" cannot name a user in a URL; use another reference.`);
  }
  return encodeURIComponent(customerReference);
}

export function createXcoApi(transport: PurseTransport, options: { xcoApiUrl: string; merchantId: string }): XcoApi {
  const base = options.xcoApiUrl.replace(/\/+$/, '');
  const merchant = `${base}/v1/merchants/${encodeURIComponent(options.merchantId)}`;
  const withCaller = (body: Record<string, string>, callerId?: string) =>
    callerId ? { ...body, caller_id: callerId } : body;

  return {
    async checkUser(identifier, callerId) {
      const query = new URLSearchParams(withCaller(identifierFields(identifier), callerId));
      const what = 'XCO users/exists';
      const body = await transport.request<unknown>({ method: 'GET', url: `${base}/v1/users/exists?${query}`, what, baseUrlOption: XCO_URL });
      return expectShape<XcoExistsResponse>(
        body,
        isObject(body) && typeof body.exists === 'boolean' && typeof (body.token_count ?? 0) === 'number',
        what,
      );
    },

    async createUser(request) {
      const what = 'XCO create user';
      const body = await transport.request<unknown>({ method: 'POST', url: `${merchant}/users`, body: request, what, baseUrlOption: XCO_MERCHANT_URL });
      return expectShape<XcoCreateUserResponse>(body, isObject(body) && isObject(body.user), what);
    },

    async startPasswordless(identifier, callerId) {
      await transport.request<unknown>({
        method: 'POST',
        url: `${merchant}/users/passwordless/start`,
        body: withCaller(identifierFields(identifier), callerId),
        what: 'XCO passwordless/start',
      });
    },

    async verifyPasswordless(request, callerId) {
      const what = 'XCO passwordless/verify';
      const body = await transport.request<unknown>({
        method: 'POST',
        url: `${merchant}/users/passwordless/verify`,
        body: withCaller({ ...identifierFields(request), verification_code: request.verification_code }, callerId),
        what,
      });
      return expectShape<XcoVerifyResponse>(
        body,
        isObject(body) && typeof body.consent_challenge_id === 'string' && body.consent_challenge_id !== '' && isObject(body.user),
        what,
      );
    },

    async createConsent(customerReference, consentChallengeId) {
      await transport.request<unknown>({
        method: 'POST',
        url: `${merchant}/users/${userSegment(customerReference)}/consents`,
        body: { consent_challenge_id: consentChallengeId },
        what: 'XCO create consent',
      });
    },

    async getUser(customerReference) {
      const what = 'XCO get user';
      const body = await transport.request<unknown>({
        method: 'GET',
        url: `${merchant}/users/${userSegment(customerReference)}`,
        what,
      });
      return expectShape<XcoUser>(body, isObject(body), what);
    },
  };
}
