// The shopper's deposits, newest first, with their state and compliance check in plain words, and the pages.
import type { DepositsState } from '../../core/customer-purse/types.ts';
import { complianceTone, depositTone, formatDepositAmount } from '../../core/customer-purse/format.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { complianceText, depositStateText } from './texts.ts';

export interface DepositsTableProps {
  deposits: DepositsState;
  showPage(page: number): void;
  retry(): void;
}

export function DepositsTable({ deposits, showPage, retry }: DepositsTableProps) {
  const { i18n } = usePurse();
  const { data, requestKey, error } = deposits;
  const dates = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const loading = requestKey !== undefined;

  return (
    <div className="purse-deposits" aria-busy={loading || undefined}>
      {error && (
        <p className="purse-error-text">
          {i18n.t('customerPurse.deposits.failed')}{' '}
          <Button variant="link" onClick={retry}>
            {i18n.t('customerPurse.retry')}
          </Button>
        </p>
      )}
      {data === undefined ? (
        loading && <p className="purse-hint">{i18n.t('customerPurse.deposits.updating')}</p>
      ) : data.totalElements === 0 ? (
        <p>{i18n.t('customerPurse.deposits.empty')}</p>
      ) : (
        <>
          {/* Four columns do not fit a phone: the table scrolls in its own box (a named stop, so keys scroll it), not the page. */}
          <div className="purse-table-scroll" role="region" aria-label={i18n.t('customerPurse.deposits.caption')} tabIndex={0}>
            <table className="purse-table">
              <caption className="purse-visually-hidden">{i18n.t('customerPurse.deposits.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('customerPurse.deposits.date')}</th>
                  <th scope="col">{i18n.t('customerPurse.deposits.amount')}</th>
                  <th scope="col">{i18n.t('customerPurse.deposits.state')}</th>
                  <th scope="col">{i18n.t('customerPurse.deposits.compliance')}</th>
                </tr>
              </thead>
              <tbody>
                {data.result.map((deposit) => (
                  <tr key={deposit.id}>
                    <td>{dates.format(new Date(deposit.createdDate))}</td>
                    <td className="purse-table__amount">{formatDepositAmount(deposit.amount, deposit.currency, i18n.locale)}</td>
                    <td className={`purse-tone purse-tone--${depositTone(deposit.transactionState)}`}>{depositStateText(deposit.transactionState, i18n)}</td>
                    <td className={`purse-tone purse-tone--${complianceTone(deposit.complianceState)}`}>{complianceText(deposit.complianceState, i18n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.total > 1 && (
            <nav className="purse-actions purse-pager" aria-label={i18n.t('customerPurse.pages')}>
              {/* From the page shown (a page asked for may not have come): its number, and the pages either side. */}
              <Button variant="secondary" inactive={data.page === 0 || loading} onClick={() => showPage(data.page - 1)}>
                {i18n.t('customerPurse.previous')}
              </Button>
              <span>{i18n.t('customerPurse.page', { page: data.page + 1, total: data.total })}</span>
              <Button variant="secondary" inactive={data.page >= data.total - 1 || loading} onClick={() => showPage(data.page + 1)}>
                {i18n.t('customerPurse.next')}
              </Button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
