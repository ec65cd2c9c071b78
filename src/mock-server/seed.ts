// Fixed credentials and seeded XCO accounts, so that tests, stories and the demo share one known world.
import type { XcoUser } from '../core/wire/xco.ts';

/** The OAuth2 client and merchant the mock accepts (`purseConfigFromEnv` values for the mock). */
export const MOCK_CREDENTIALS = {
  clientId: 'mock-client-id',
  clientSecret: 'mock-client-secret',
  /** The API key of the `api_key` scheme (GET /payment/v2/signing-jwks), sent as `x-api-key`. */
  apiKey: 'mock-api-key',
  merchantId: '6f1c2b9e-3d4a-4e8b-9c7d-2a5b8e0f1d3c',
  entityId: 'b7d4e2a1-9c3f-4a6e-8d2b-1f0e7c5a9b34',
} as const satisfies {
  clientId: 'mock-client-id';
  clientSecret: 'mock-client-secret';
  apiKey: 'mock-api-key';
  merchantId: string;
  entityId: string;
};

/**
 * XCO accounts that exist before any call (none is linked to a customer reference of the mock merchant yet):
 * - existing@example.com / +33612345678: Jean Dupont, one billing address, 2 saved payment tokens.
 * - camille.martin@example.fr / +33698765432: Camille Martin, billing and shipping addresses, 1 token.
 * - sam.taylor@example.com / +447911123456: Sam Taylor, a UK phone and no address, no token.
 */
export const SEEDED_USERS: XcoUser[] = [
  {
    email: 'existing@example.com',
    phone_number: '+33612345678',
    first_name: 'Jean',
    last_name: 'Dupont',
    gender: 'male',
    birthdate: '1985-04-12',
    addresses: [
      {
        address_type: 'billing',
        street_address: '12 rue de Rivoli',
        locality: 'Paris',
        postal_code: '75004',
        country: 'FRANCE',
      },
    ],
  },
  {
    email: 'camille.martin@example.fr',
    phone_number: '+33698765432',
    first_name: 'Camille',
    last_name: 'Martin',
    gender: 'female',
    birthdate: '1992-09-03',
    addresses: [
      {
        address_type: 'billing',
        street_address: '8 place Bellecour',
        address_complement: 'Bâtiment B',
        locality: 'Lyon',
        postal_code: '69002',
        country: 'FRANCE',
      },
      {
        address_type: 'shipping',
        street_address: '25 quai Saint-Antoine',
        locality: 'Lyon',
        postal_code: '69002',
        country: 'FRANCE',
      },
    ],
  },
  {
    email: 'sam.taylor@example.com',
    phone_number: '+447911123456',
    first_name: 'Sam',
    last_name: 'Taylor',
    gender: 'other',
    birthdate: '1978-01-30',
  },
];

/** Saved payment tokens per seeded email (`token_count` of users/exists). */
export const SEEDED_TOKEN_COUNTS: Readonly<Record<string, number>> = {
  'existing@example.com': 2,
  'camille.martin@example.fr': 1,
};
