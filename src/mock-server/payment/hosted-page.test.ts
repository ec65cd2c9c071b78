import { within } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../core/wire/payment.ts';
import { ORIGIN, setupPurse, tokenOf } from './test-support.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function setupHosted() {
  const mock = setupPurse();
  const open = (session: ClientSession) => mock.purse.fetch(new Request(session.links.hosted_page!.href));
  const submit = (session: ClientSession, fields: Record<string, string>) =>
    mock.purse.fetch(
      new Request(`${session.links.hosted_page!.href}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    );
  return { ...mock, open, submit, hosted: () => mock.api.createSession({ integration_mode: 'HOSTED_PAGE' }) };
}

const card = (number: string) => ({ card_number: number, expiry: '12/30', cvc: '123' });

describe('hosted page', () => {
  it('serves an accessible page: lang, title, h1 with the amount, methods, a labelled card form', async () => {
    const { open, hosted } = setupHosted();
    const session = await hosted();
    const response = await open(session);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const doc = parse(await response.text());
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe('Pay €120.00 – Purse (test mode)');
    const page = within(doc.body);
    expect(page.getByRole('heading', { level: 1 }).textContent).toBe('Pay €120.00');
    expect(page.getByRole('list', { name: 'Payment methods for this order' }).querySelectorAll('li')).toHaveLength(4);
    const form = page.getByRole('form', { name: 'Pay by card (test mode)' });
    expect(form.getAttribute('action')).toBe(`/entities/${session.entity_id}/sessions/${session.id}/pay`);
    for (const label of ['Card number', 'Expiry date (MM/YY)', 'Security code (CVC)']) {
      expect(page.getByLabelText(label).getAttribute('aria-describedby')).toBe('hint');
    }
    expect(page.getByLabelText('Card number').getAttribute('autocomplete')).toBe('cc-number');
    expect(doc.getElementById('hint')!.textContent).toContain('4111 1111 1111 1111 (authorized)');
    expect(page.getByRole('button', { name: 'Pay €120.00' })).toBeTruthy();
  });

  it('pays with the authorized card: 303 to shopper_redirection_url with the token; the session is SUBMITTED', async () => {
    const { submit, hosted, api } = setupHosted();
    const session = await hosted();
    const response = await submit(session, card('4111111111111111'));
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location.startsWith('https://shop.test/return?order=o-1&purse-redirection-data=')).toBe(true);
    const claims = JSON.parse(atob(tokenOf(location).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, string>;
    const after = await api.getSession(session.id);
    expect(after.status).toBe('SUBMITTED');
    expect(claims).toMatchObject({ client_session_id: session.id, payment_id: after.payment_id, authorization_status: 'AUTHORIZED' });
  });

  it('one submission, then the redirect: the form posted again redirects to the first result and pays nothing twice', async () => {
    const { submit, open, hosted, purse } = setupHosted();
    const session = await hosted();
    const first = await submit(session, card('4111111111111111'));
    const again = await submit(session, card('4111111111111111'));
    expect(again.status).toBe(303);
    const claims = (response: Response) =>
      JSON.parse(atob(tokenOf(response.headers.get('location')!).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, string>;
    expect(claims(again)).toMatchObject({ client_session_id: session.id, payment_id: claims(first).payment_id, authorization_status: 'AUTHORIZED' });
    expect(purse.control.payments()).toHaveLength(1);
    // Back on the page later: says so, and links to the result rather than leaving the shopper there.
    const page = await open(session);
    expect(page.status).toBe(409);
    const link = within(parse(await page.text()).body).getByRole('link', { name: 'Return to the shop' });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/shop\.test\/return\?order=o-1&purse-redirection-data=/);
  });

  it('the card form blocks a second submission while the first is on its way (script), and says it is processing', async () => {
    const { open, hosted } = setupHosted();
    const doc = parse(await (await open(await hosted())).text());
    const form = doc.getElementById('pay-form') as HTMLFormElement;
    // Run the page's script against its own DOM, as a browser would.
    new Function('document', doc.querySelector('script')!.textContent!)(doc);
    const first = new Event('submit', { cancelable: true });
    form.dispatchEvent(first);
    const second = new Event('submit', { cancelable: true });
    form.dispatchEvent(second);
    expect(first.defaultPrevented).toBe(false);
    expect(second.defaultPrevented).toBe(true);
    expect(form.querySelector('button')!.getAttribute('aria-disabled')).toBe('true');
    expect(doc.getElementById('pay-status')!.textContent).toBe('Processing your payment…');
  });

  it('shows errors tied to their fields, keeps the entered values, and creates no payment', async () => {
    const { submit, hosted, purse } = setupHosted();
    const session = await hosted();
    const response = await submit(session, { card_number: '4242 4242 4242 4242', expiry: '13/30', cvc: '' });
    expect(response.status).toBe(400);
    const doc = parse(await response.text());
    expect(doc.title.startsWith('Error: ')).toBe(true);
    const page = within(doc.body);
    const alert = page.getByRole('alert');
    expect(alert.textContent).toContain('This test mode accepts only the test cards listed above.');
    const number = page.getByLabelText('Card number') as HTMLInputElement;
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(number.value).toBe('4242 4242 4242 4242');
    expect(doc.getElementById(number.getAttribute('aria-describedby')!.split(' ')[1]!)!.textContent).toContain('test cards');
    expect(page.getByLabelText('Expiry date (MM/YY)').getAttribute('aria-invalid')).toBe('true');
    expect(page.getByLabelText('Security code (CVC)').getAttribute('aria-invalid')).toBe('true');
    expect(purse.control.payments()).toEqual([]);
  });

  it('escapes merchant text', async () => {
    const { open, api } = setupHosted();
    const session = await api.createSession({ integration_mode: 'HOSTED_PAGE', order: { reference: '<img src=x onerror=alert(1)>' } });
    const html = await (await open(session)).text();
    expect(html).toContain('Order &lt;img src=x onerror=alert(1)&gt;');
    expect(parse(html).querySelector('img')).toBeNull();
  });

  it('answers 404 for unknown, EMBEDDED or wrong-entity sessions, 410 for expired or aborted ones', async () => {
    const { open, hosted, api, purse, call } = setupHosted();
    const embedded = await api.createSession();
    expect((await purse.fetch(new Request(`${ORIGIN}/entities/${embedded.entity_id}/sessions/${embedded.id}`))).status).toBe(404);
    const hostedSession = await hosted();
    const wrongEntity = hostedSession.links.hosted_page!.href.replace(hostedSession.entity_id, '00000000-0000-4000-8000-000000000000');
    expect((await purse.fetch(new Request(wrongEntity))).status).toBe(404);
    purse.control.expireSession(hostedSession.id);
    const expired = await open(hostedSession);
    expect(expired.status).toBe(410);
    const expiredPage = within(parse(await expired.text()).body);
    expect(expiredPage.getByText(/This payment session has expired\./)).toBeTruthy();
    // "Return to the shop" is a link, to the shop that sent the shopper here.
    expect(expiredPage.getByRole('link', { name: 'Return to the shop' }).getAttribute('href')).toBe('https://shop.test/');
    const aborted = await hosted();
    await call('POST', `/payment/v2/client-sessions/${aborted.id}/abort`, { status: 'ABORTED_BY_CUSTOMER' });
    const abortedPage = within(parse(await (await open(aborted)).text()).body);
    expect(abortedPage.getByText(/This payment was cancelled\./)).toBeTruthy();
    expect(abortedPage.getByRole('link', { name: 'Return to the shop' })).toBeTruthy();
  });
});
