import { useId, useState, type FormEvent } from 'react';

interface Customer {
  id: string;
  email?: string;
  externalId?: string;
  description?: string;
  blocked: boolean;
}

/** Find a Customer Purse customer by the shop's customer reference (or their id), block or unblock them. */
export function CustomersBackOffice() {
  const [query, setQuery] = useState('');
  const [customers, setCustomers] = useState<Customer[] | null>(null);
  const [message, setMessage] = useState('');
  const ids = useId();

  async function find(event: FormEvent) {
    event.preventDefault();
    const response = await fetch(`/demo/back-office/customers?${new URLSearchParams({ query: query.trim() })}`);
    const body = (await response.json()) as Customer[] & { title?: string };
    if (!response.ok) return setMessage(`Refused: ${body.title ?? response.status}`);
    setCustomers(body);
    setMessage(body.length ? `${body.length} customer(s) found.` : 'No customer has this reference.');
  }

  async function toggle(customer: Customer) {
    const action = customer.blocked ? 'unblock' : 'block';
    const response = await fetch(`/demo/back-office/customers/${encodeURIComponent(customer.id)}/${action}`, { method: 'POST' });
    const body = (await response.json()) as Customer & { title?: string };
    if (!response.ok) return setMessage(`Refused: ${body.title ?? response.status}`);
    setCustomers((list) => list?.map((c) => (c.id === body.id ? body : c)) ?? null);
    setMessage(body.blocked ? 'Customer blocked.' : 'Customer unblocked.');
  }

  return (
    <section className="demo-card" aria-label="Deposit customers">
      <form onSubmit={(e) => void find(e)}>
        <label htmlFor={`${ids}-query`}>Customer reference or id</label>{' '}
        <input id={`${ids}-query`} value={query} onChange={(e) => setQuery(e.target.value)} size={38} />{' '}
        <button type="submit">Find customer</button>
      </form>
      {customers && customers.length > 0 && (
        <table>
          <caption>Customers</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Email</th>
              <th scope="col">State</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr key={customer.id}>
                <td>{customer.externalId ?? customer.id}</td>
                <td>{customer.email ?? '—'}</td>
                <td>{customer.blocked ? 'Blocked' : 'Active'}</td>
                <td>
                  <button type="button" onClick={() => void toggle(customer)}>
                    {customer.blocked ? 'Unblock' : 'Block'} {customer.externalId ?? customer.id}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
