// XCO API v1 wire types (snake_case, as in purse-docs/xco-api-v1-reference.txt).

export type XcoGender = 'male' | 'female' | 'other';

export interface XcoAddress {
  address_type: 'billing' | 'shipping';
  street_address: string;
  address_complement?: string;
  locality: string;
  postal_code: string;
  /** Country name in upper case, as in Purse's samples ("FRANCE"). */
  country: string;
}

export interface XcoUser {
  email?: string;
  /** E.164, e.g. "+33612345678". */
  phone_number?: string;
  first_name?: string;
  last_name?: string;
  gender?: XcoGender;
  /** ISO date, "1990-01-15". */
  birthdate?: string;
  addresses?: XcoAddress[];
}

/** GET /v1/users/exists */
export interface XcoExistsResponse {
  exists: boolean;
  token_count: number;
}

/** POST /v1/merchants/{merchantId}/users */
export interface XcoCreateUserRequest {
  customer_reference: string;
  user: XcoUser;
}
export type XcoCreateUserResponse = XcoCreateUserRequest;

/** The identifier a shopper signs up with: exactly one of email or phone_number. */
export type XcoIdentifier = { email: string; phone_number?: never } | { phone_number: string; email?: never };

/** POST /v1/merchants/{merchantId}/users/passwordless/verify */
export interface XcoVerifyResponse {
  consent_challenge_id: string;
  user: XcoUser;
}

/** RFC 7807 problem details, as Purse sends them (application/problem+json). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  error?: string;
  /** Machine-readable reason added by our handler and mock (e.g. "invalid_code", "code_expired"). */
  code?: string;
  errors?: { detail: string; pointer: string }[];
  [extension: string]: unknown;
}
