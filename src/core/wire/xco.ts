// XCO API v1 wire types (snake_case, as in purse-docs/xco-api-v1-reference.txt).

/** The shopper's gender as XCO records it. */
export type XcoGender = 'male' | 'female' | 'other';

/** A postal address of an XCO user. */
export interface XcoAddress {
  /** Which address this is; the profile step asks for the billing one. */
  address_type: 'billing' | 'shipping';
  /** Number and street. */
  street_address: string;
  /** Building, floor, apartment… */
  address_complement?: string;
  /** The city. */
  locality: string;
  /** The postal code. */
  postal_code: string;
  /** Country name in upper case, as in Purse's samples ("FRANCE"). */
  country: string;
}

/** An XCO user: the shopper's profile at Purse Express Checkout. */
export interface XcoUser {
  /** Required by Purse to create an account. */
  email?: string;
  /** E.164, e.g. "+33612345678". */
  phone_number?: string;
  /** Given name. */
  first_name?: string;
  /** Family name. */
  last_name?: string;
  /** Optional. */
  gender?: XcoGender;
  /** ISO date, "1990-01-15". */
  birthdate?: string;
  /** Billing (and shipping) addresses. */
  addresses?: XcoAddress[];
}

/** GET /v1/users/exists */
export interface XcoExistsResponse {
  /** An XCO account exists for the identifier: the shopper gets a one-time code instead of a profile form. */
  exists: boolean;
  /** Payment tokens (saved methods) of the account, as Purse counts them. */
  token_count: number;
}

/** POST /v1/merchants/{merchantId}/users */
export interface XcoCreateUserRequest {
  /** The merchant's customer the account is created for (from the merchant server, never the browser). */
  customer_reference: string;
  /** The new shopper's profile. */
  user: XcoUser;
}
/** Purse answers with what it created. */
export type XcoCreateUserResponse = XcoCreateUserRequest;

/** The identifier a shopper signs up with: exactly one of email or phone_number. */
export type XcoIdentifier = { email: string; phone_number?: never } | { phone_number: string; email?: never };

/** POST /v1/merchants/{merchantId}/users/passwordless/verify */
export interface XcoVerifyResponse {
  /** Accepted once by the consent that links the account to the merchant's customer. */
  consent_challenge_id: string;
  /** The verified shopper's profile. */
  user: XcoUser;
}

/** RFC 7807 problem details, as Purse sends them (application/problem+json). */
export interface ProblemDetails {
  /** A URI naming the problem type. */
  type?: string;
  /** A short summary. */
  title?: string;
  /** The HTTP status. */
  status?: number;
  /** This occurrence, explained (for developers). */
  detail?: string;
  /** A URI of this occurrence. */
  instance?: string;
  /** Purse's error name. */
  error?: string;
  /** Machine-readable reason added by our handler and mock (e.g. "invalid_code", "code_expired"). */
  code?: string;
  /** Field errors: a JSON pointer into the request body, and what is wrong there. */
  errors?: { detail: string; pointer: string }[];
  /** Other members Purse adds. */
  [extension: string]: unknown;
}
