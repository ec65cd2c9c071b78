// Server-rendered pages of the mock (hosted page, payment link page): accessible, text escaped, in the shopper's
// language (texts/). A little script blocks a second submission; without it the server still pays once.
import type { EligibleSolution } from '../../core/wire/payment.ts';
import type { FieldIssue } from '../shared/http.ts';
import { fill, MOCK_TEXTS, mockTexts, type MockLang, type MockTextKey } from './texts/index.ts';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function formatAmount(amount: number, currency: string, lang: MockLang): string {
  const format = new Intl.NumberFormat(lang, { style: 'currency', currency });
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

function htmlPage(status: number, lang: MockLang, title: string, content: string): Response {
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(MOCK_TEXTS[lang]['page.brand'])}</title>
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

/** The pages with one message: why a session or link cannot be paid. */
export type Notice = 'expired' | 'submitted' | 'aborted' | 'link_closed' | 'not_found' | 'link_not_found' | 'link_cancelled' | 'link_expired' | 'link_paid' | 'link_pending';

/**
 * A page with one message (not found, expired, cancelled, already paid…), and a way on when there is one: `back`, the
 * shop's page to return to ("Return to the shop").
 */
export function noticePage(status: number, lang: MockLang, notice: Notice, back?: string): Response {
  const texts = MOCK_TEXTS[lang];
  const title = texts[`notice.${notice}.title`];
  const next = notice === 'expired' ? `\n<p>${escapeHtml(texts['notice.expired.return'])}</p>` : '';
  const link = back ? `\n<p><a href="${escapeHtml(back)}">${escapeHtml(texts['notice.back'])}</a></p>` : '';
  return htmlPage(status, lang, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(texts[`notice.${notice}.body`])}</p>${next}${link}`);
}

const PARTNER_NAMES: Record<string, string> = { dalenys: 'Dalenys', paypal: 'PayPal', illicado: 'Illicado', oney: 'Oney' };

/**
 * One submission per page, as real payment pages do: a second click (or Enter) while the first is on its way sends
 * nothing. The button says the payment is being processed. Without JavaScript the server still pays only once.
 */
const oneSubmission = (processing: string) => `
document.getElementById('pay-form').addEventListener('submit', function (event) {
  var form = event.currentTarget;
  if (form.getAttribute('data-submitted')) { event.preventDefault(); return; }
  form.setAttribute('data-submitted', 'true');
  form.setAttribute('aria-busy', 'true');
  form.querySelector('button[type=submit]').setAttribute('aria-disabled', 'true');
  document.getElementById('pay-status').textContent = ${JSON.stringify(processing).replace(/</g, '\\u003c')};
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
  /** The page's language. */
  lang: MockLang;
}

const FIELDS: { name: string; id: string; label: MockTextKey; autocomplete: string; placeholder?: MockTextKey; error: MockTextKey }[] = [
  { name: 'card_number', id: 'card-number', label: 'field.cardNumber', autocomplete: 'cc-number', error: 'error.cardNumber' },
  { name: 'expiry', id: 'expiry', label: 'field.expiry', autocomplete: 'cc-exp', placeholder: 'field.expiry.placeholder', error: 'error.expiry' },
  { name: 'cvc', id: 'cvc', label: 'field.cvc', autocomplete: 'cc-csc', error: 'error.cvc' },
];

/** The card form page; with `issues`, an error summary and messages tied to their fields (400). */
export function cardPage(input: CardPageInput): Response {
  const t = mockTexts(input.lang);
  const amount = formatAmount(input.amount, input.currency, input.lang);
  const pay = fill(t.pay, { amount });
  // A well-formed card number refused by the mock is one that is not a test card.
  const wellFormed = /^\d{12,19}$/.test((input.values?.card_number ?? '').replace(/[\s-]/g, ''));
  const errors = new Map(
    (input.issues ?? []).map((issue) => {
      const field = FIELDS.find((f) => f.name === issue.pointer.slice(1));
      const text = field?.name === 'card_number' && wellFormed ? t['error.unknownCard'] : field ? t[field.error] : issue.detail;
      return [issue.pointer.slice(1), text] as const;
    }),
  );
  const summary = errors.size
    ? `<div class="summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">${escapeHtml(t['error.summary'])}</h2><ul>${FIELDS.filter((f) => errors.has(f.name))
        .map((f) => `<li><a href="#${f.id}">${escapeHtml(errors.get(f.name)!)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const fields = FIELDS.map((f) => {
    const error = errors.get(f.name);
    const describedBy = error ? `hint ${f.id}-error` : 'hint';
    const value = f.name === 'cvc' ? '' : (input.values?.[f.name] ?? '');
    return `<div class="field">
<label for="${f.id}">${escapeHtml(t[f.label])}</label>
<input id="${f.id}" name="${f.name}" type="text" inputmode="numeric" autocomplete="${f.autocomplete}" spellcheck="false"${f.placeholder ? ` placeholder="${escapeHtml(t[f.placeholder])}"` : ''} aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''} value="${escapeHtml(value)}">
${error ? `<p class="error" id="${f.id}-error">${escapeHtml(error)}</p>` : ''}
</div>`;
  }).join('\n');
  const methods = input.eligible
    .map((s) => {
      const method = (t as Record<string, string>)[`method.${s.method}`] ?? s.method;
      return `<li>${escapeHtml(method)} (${escapeHtml(PARTNER_NAMES[s.partner] ?? s.partner)})</li>`;
    })
    .join('');
  const content = `<h1>${escapeHtml(pay)}</h1>
<p class="muted">${escapeHtml(fill(t['page.order'], { reference: input.orderReference }))}</p>
${summary}
<h2 id="methods-title">${escapeHtml(t['methods.title'])}</h2>
<ul aria-labelledby="methods-title">${methods}</ul>
<h2 id="form-title">${escapeHtml(t['form.title'])}</h2>
<form method="post" action="${escapeHtml(input.action)}" novalidate aria-labelledby="form-title" id="pay-form">
<p class="muted" id="hint">${escapeHtml(t.hint)}</p>
${fields}
<button type="submit">${escapeHtml(pay)}</button>
<p role="status" id="pay-status"></p>
</form>
<script>${oneSubmission(t.processing)}</script>`;
  return htmlPage(errors.size ? 400 : 200, input.lang, errors.size ? fill(t['page.title.error'], { title: pay }) : pay, content);
}
