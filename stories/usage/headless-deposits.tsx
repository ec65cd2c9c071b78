import { CustomerPurseView, useCustomerPurse, type UseCustomerPurseOptions } from 'purse-react-kit/customer-purse';

// One hook, two views: a summary of your own with its own paging button, and the default view on the same page.
export function DepositsWithSummary(options: UseCustomerPurseOptions) {
  const purse = useCustomerPurse(options);
  const { data } = purse.state.deposits;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem' }}>
      <section aria-label="Your own view" style={{ flex: '1 1 12rem' }}>
        <p>
          Account: <strong>{purse.state.status}</strong>
        </p>
        {data && (
          <>
            <p>{data.totalElements} deposits in all</p>
            <button type="button" onClick={() => purse.showPage(data.total - 1)} style={{ minHeight: 44 }}>
              Oldest deposits
            </button>
          </>
        )}
      </section>
      <section aria-label="The default view" style={{ flex: '2 1 20rem' }}>
        <CustomerPurseView purse={purse} />
      </section>
    </div>
  );
}
