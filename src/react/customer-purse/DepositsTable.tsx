// The shopper's deposits, newest first, with their state and compliance check in plain words, and the pages.
import { useRef, useState, type ReactNode } from 'react';
import type { DepositsState } from '../../core/customer-purse/types.ts';
import { complianceTone, depositTone, formatDepositAmount } from '../../core/customer-purse/format.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { useIsomorphicLayoutEffect } from '../shared/hooks.ts';
import { complianceText, depositStateText } from './texts.ts';

/**
 * The table's box. Four columns do not fit a phone: the table then scrolls sideways in this box, not the page, and the
 * box is a named tab stop, so that keys scroll it and a screen reader says what has focus. Where the whole table shows,
 * a stop would lead nowhere: the box leaves the Tab order (tabIndex -1, not none, so focus stays if it was there when
 * the screen turned). Measured again whenever the box or the table changes size; before the first measure (server
 * render, hydration) it is a stop, as it must be without script.
 */
function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(true);
  useIsomorphicLayoutEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="purse-table-scroll" role="region" aria-label={label} tabIndex={scrolls ? 0 : -1}>
      {children}
    </div>
  );
}

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
          <ScrollBox label={i18n.t('customerPurse.deposits.caption')}>
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
                {data.result.map((deposit) => {
                  // An unreadable date (a custom adapter, a changed API) leaves its cell empty: format() would throw.
                  const date = new Date(deposit.createdDate);
                  return (
                    <tr key={deposit.id}>
                      <td>{Number.isNaN(date.getTime()) ? '' : dates.format(date)}</td>
                      <td className="purse-table__amount">{formatDepositAmount(deposit.amount, deposit.currency, i18n.locale)}</td>
                      <td className={`purse-tone purse-tone--${depositTone(deposit.transactionState)}`}>{depositStateText(deposit.transactionState, i18n)}</td>
                      <td className={`purse-tone purse-tone--${complianceTone(deposit.complianceState)}`}>{complianceText(deposit.complianceState, i18n)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
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
