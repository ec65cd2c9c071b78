// The demo's Customer Purse back office (staff only in a real shop): find a customer, block and unblock them; and,
// against the mock, a "wallet" that sends the signed-in shopper a deposit.
import type { MockPurse } from '../src/mock-server/index.ts';
import { isPurseApiError, type CustomerPurseClient } from '../src/server/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function customerPurseBackOffice(
  request: Request,
  deps: { client: CustomerPurseClient; mock: MockPurse | undefined; customerOf: (request: Request) => string | null },
): Promise<Response> {
  const url = new URL(request.url);
  try {
    if (url.pathname === '/demo/mock/deposit' && request.method === 'POST') {
      const customer = deps.customerOf(request);
      if (!deps.mock || !customer) return Response.json({ title: 'Only against the mock, for a signed-in shopper' }, { status: 404 });
      const { currency, amount } = (await request.json()) as { currency: string; amount: number };
      return Response.json(deps.mock.control.customerPurse.addDeposit({ externalId: customer, currency, amount }), { status: 201 });
    }
    if (url.pathname === '/demo/back-office/customers' && request.method === 'GET') {
      const query = url.searchParams.get('query')?.trim() ?? '';
      if (!query) return Response.json({ title: 'Give a customer reference or id' }, { status: 400 });
      return Response.json(UUID.test(query) ? [await deps.client.getCustomer(query)] : await deps.client.findCustomersByExternalId(query));
    }
    const match = /^\/demo\/back-office\/customers\/([^/]+)\/(block|unblock)$/.exec(url.pathname);
    if (match && request.method === 'POST') {
      const [, id, action] = match as unknown as [string, string, 'block' | 'unblock'];
      return Response.json(action === 'block' ? await deps.client.blockCustomer(id) : await deps.client.unblockCustomer(id));
    }
    return Response.json({ title: 'Not found' }, { status: 404 });
  } catch (error) {
    if (isPurseApiError(error)) return Response.json(error.problem ?? { title: error.message }, { status: error.status || 502 });
    if (error instanceof Error) return Response.json({ title: error.message }, { status: 400 });
    throw error;
  }
}
