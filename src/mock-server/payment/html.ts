// Server-rendered pages of the mock (hosted page, payment link page): accessible, no JavaScript, text escaped.
import type { EligibleSolution } from '../../core/wire/payment.ts';
import type { FieldIssue } from '../shared/http.ts';
import { TEST_CARD_HINT } from './test-cards.ts';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function formatAmount(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

const STYLE = `
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#f6f8fa}
main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
.muted{color:#57606a}.error{color:#b42318;margin:.25rem 0 0}
label{display:block;font-weight:500;margin:0 0 .25rem}
input{display:block;width:100%;box-sizing:border-box;padding:.5rem .625rem;font:inherit;color:#1f2328;background:#fff;border:1px solid #6e7781;border-radius:6px}
input[aria-invalid=true]{border-color:#b42318}
.field{margin:0 0 .75rem}
button{background:#1d4ed8;color:#fff;border:0;border-radius:6px;padding:.625rem 1rem;font:inherit;font-weight:600;cursor:pointer}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.summary{border:2px solid #b42318;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
.summary h2{margin:0 0 .25rem;font-size:1rem}a{color:#1d4ed8}`;

function htmlPage(status: number, title: string, content: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Purse (mock)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' },
  });
}

/** A link out of a notice page, e.g. back to the shop. */
export interface NoticeLink {
  href: string;
  label: string;
}

/** A page with one message (not found, expired, cancelled, already paid…), and a way on when there is one. */
export const noticePage = (status: number, title: string, message: string, link?: NoticeLink) =>
  htmlPage(
    status,
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>` +
      (link ? `\n<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : ''),
  );

const METHOD_NAMES: Record<string, string> = { creditcard: 'Card', wallet: 'Wallet', giftcard: 'Gift card', cb3x: 'Pay in 3 instalments' };
const PARTNER_NAMES: Record<string, string> = { dalenys: 'Dalenys', paypal: 'PayPal', illicado: 'Illicado', oney: 'Oney' };

/**
 * One submission per page, as real payment pages do: a second click (or Enter) while the first is on its way sends
 * nothing. The button says the payment is being processed. Without JavaScript the server still pays only once.
 */
const ONE_SUBMISSION = `
document.getElementById('pay-form').addEventListener('submit', function (event) {
  var form = event.currentTarget;
  if (form.getAttribute('data-submitted')) { event.preventDefault(); return; }
  form.setAttribute('data-submitted', 'true');
  form.setAttribute('aria-busy', 'true');
  form.querySelector('button[type=submit]').setAttribute('aria-disabled', 'true');
  document.getElementById('pay-status').textContent = 'Processing your payment…';
});`;

export interface CardPageInput {
  amount: number;
  currency: string;
  orderReference: string;
  eligible: EligibleSolution[];
  /** Where the form posts. */
  action: string;
  values?: Record<string, string>;
  issues?: FieldIssue[];
}

const FIELDS = [
  { name: 'card_number', id: 'card-number', label: 'Card number', autocomplete: 'cc-number', placeholder: '' },
  { name: 'expiry', id: 'expiry', label: 'Expiry date (MM/YY)', autocomplete: 'cc-exp', placeholder: 'MM/YY' },
  { name: 'cvc', id: 'cvc', label: 'Security code (CVC)', autocomplete: 'cc-csc', placeholder: '' },
];

/** The card form page; with `issues`, an error summary and messages tied to their fields (400). */
export function cardPage(input: CardPageInput): Response {
  const amount = formatAmount(input.amount, input.currency);
  const errors = new Map((input.issues ?? []).map((issue) => [issue.pointer.slice(1), issue.detail]));
  const summary = errors.size
    ? `<div class="summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">There is a problem</h2><ul>${FIELDS.filter((f) => errors.has(f.name))
        .map((f) => `<li><a href="#${f.id}">${escapeHtml(errors.get(f.name)!)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const fields = FIELDS.map((f) => {
    const error = errors.get(f.name);
    const describedBy = error ? `hint ${f.id}-error` : 'hint';
    const value = f.name === 'cvc' ? '' : (input.values?.[f.name] ?? '');
    return `<div class="field">
<label for="${f.id}">${f.label}</label>
<input id="${f.id}" name="${f.name}" type="text" inputmode="numeric" autocomplete="${f.autocomplete}" spellcheck="false"${f.placeholder ? ` placeholder="${f.placeholder}"` : ''} aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''} value="${escapeHtml(value)}">
${error ? `<p class="error" id="${f.id}-error">${escapeHtml(error)}</p>` : ''}
</div>`;
  }).join('\n');
  const methods = input.eligible
    .map((s) => `<li>${escapeHtml(METHOD_NAMES[s.method] ?? s.method)} (${escapeHtml(PARTNER_NAMES[s.partner] ?? s.partner)})</li>`)
    .join('');
  const content = `<h1>Pay ${escapeHtml(amount)}</h1>
<p class="muted">Order ${escapeHtml(input.orderReference)}</p>
${summary}
<h2 id="methods-title">Payment methods for this order</h2>
<ul aria-labelledby="methods-title">${methods}</ul>
<h2 id="form-title">Pay by card (test mode)</h2>
<form method="post" action="${escapeHtml(input.action)}" novalidate aria-labelledby="form-title" id="pay-form">
<p class="muted" id="hint">${escapeHtml(TEST_CARD_HINT)} Any future expiry date, any 3 digits.</p>
${fields}
<button type="submit">Pay ${escapeHtml(amount)}</button>
<p role="status" id="pay-status"></p>
</form>
<script>${ONE_SUBMISSION}</script>`;
  return htmlPage(errors.size ? 400 : 200, `${errors.size ? 'Error: ' : ''}Pay ${amount}`, content);
}
