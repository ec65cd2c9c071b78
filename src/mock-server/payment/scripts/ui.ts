// Browser JavaScript (a string, served inside the drop-in scripts' IIFE): the fake drop-in's form, shared by both
// script generations. DOM built with createElement/textContent only (no innerHTML: shopper data stays text, and a
// strict CSP page works); styles through the CSSOM. Ids carry a per-instance prefix so several drop-ins never clash.
// Written with String.raw so regex backslashes survive; it must not contain a dollar-brace sequence. TEXTS (the texts of
// every language, by language: texts/) is defined before it by the script that includes it.
export const UI_SOURCE = String.raw`
var PARTNER_NAMES = { dalenys: 'Dalenys', paypal: 'PayPal', illicado: 'Illicado', oney: 'Oney' };
var COLORS = { text: '#1f2328', muted: '#57606a', error: '#b42318', accent: '#1d4ed8', border: '#6e7781' };

function textsFor(locale) {
  var lang = String(locale || 'en').slice(0, 2).toLowerCase();
  return TEXTS[lang] || TEXTS.en;
}

function formatAmount(amount, currency, locale) {
  try {
    var format = new Intl.NumberFormat(locale || 'en', { style: 'currency', currency: currency });
    return format.format(amount / Math.pow(10, format.resolvedOptions().maximumFractionDigits || 0));
  } catch (error) {
    return amount + ' ' + currency;
  }
}

function el(tag, attrs, styles, text) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
  Object.keys(styles || {}).forEach(function (name) { node.style.setProperty(name, styles[name]); });
  if (text !== undefined) node.textContent = text;
  return node;
}

function luhnValid(digits) {
  var total = 0;
  for (var i = 0; i < digits.length; i++) {
    var digit = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) { digit *= 2; if (digit > 9) digit -= 9; }
    total += digit;
  }
  return total % 10 === 0;
}

function parseExpiry(value) {
  var match = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(value || '');
  if (!match) return null;
  var month = Number(match[1]);
  return month >= 1 && month <= 12 ? { month: match[1], year: match[2] } : null;
}

/** Field checks; nowMs is the mock's clock, not necessarily the page's. */
function checkFields(values, nowMs) {
  var digits = values.card_number.replace(/[\s-]/g, '');
  var expiry = parseExpiry(values.expiry);
  return {
    card_number: /^\d{12,19}$/.test(digits) && luhnValid(digits),
    expiry: !!expiry && Date.UTC(2000 + Number(expiry.year), Number(expiry.month), 1) > nowMs,
    cvc: /^\d{3}$/.test(values.cvc.trim())
  };
}

/**
 * Renders the drop-in into element. o: { prefix, session, locale, theme, showPayButton, generation, onInput(), onPay() }.
 * Returns { values(), showErrors(errors), setBusy(busy), announce(text), focusFirstInvalid(), destroy() }.
 */
function renderForm(element, o) {
  var t = textsFor(o.locale);
  var theme = o.theme || {};
  var text = theme.text || {};
  var title = theme.title || {};
  var radius = theme.borderRadius || '6px';
  var root = el('div', { 'data-purse-mock': o.generation, lang: t.lang }, {
    'font-family': theme.fontFamily || 'system-ui, sans-serif',
    'font-size': text.fontSize || '16px',
    color: text.primaryColor || COLORS.text,
    background: '#ffffff',
    padding: '16px',
    'border-radius': radius,
    'line-height': '1.5'
  });
  var titleStyle = { 'font-weight': String(title.fontWeight || 600), 'font-size': title.fontSize || '1em', margin: '0 0 8px' };
  var methodsTitle = el('p', { id: o.prefix + '-methods-title' }, titleStyle, t['methods.title']);
  var methods = el('ul', { 'aria-labelledby': o.prefix + '-methods-title' }, { margin: '0 0 16px', padding: '0 0 0 20px' });
  (o.session.eligible_solutions || []).forEach(function (s) {
    var name = (t['method.' + s.method] || s.method) + ' (' + (PARTNER_NAMES[s.partner] || s.partner) + ')';
    methods.appendChild(el('li', { 'data-method': s.method, 'data-partner': s.partner }, null, name));
  });
  root.appendChild(methodsTitle);
  root.appendChild(methods);

  var form = el('form', { novalidate: '', 'aria-labelledby': o.prefix + '-form-title' }, { margin: '0' });
  form.appendChild(el('p', { id: o.prefix + '-form-title' }, titleStyle, t['form.title']));
  form.appendChild(el('p', { id: o.prefix + '-hint' }, { color: text.secondaryColor || COLORS.muted, margin: '0 0 12px', 'font-size': '0.875em' }, t.hint));
  var fields = {};
  [
    ['card_number', t['field.cardNumber'], 'cc-number', 'numeric', '', t['error.cardNumber']],
    ['expiry', t['field.expiry'], 'cc-exp', 'numeric', t['field.expiry.placeholder'], t['error.expiry']],
    ['cvc', t['field.cvc'], 'cc-csc', 'numeric', '', t['error.cvc']]
  ].forEach(function (f) {
    var id = o.prefix + '-' + f[0].replace('_', '-');
    var wrapper = el('div', null, { margin: '0 0 12px' });
    wrapper.appendChild(el('label', { for: id }, { display: 'block', 'font-weight': '500', margin: '0 0 4px' }, f[1]));
    var input = el('input', { id: id, name: f[0], type: 'text', inputmode: f[3], autocomplete: f[2], spellcheck: 'false', 'aria-describedby': o.prefix + '-hint' }, {
      display: 'block', width: '100%', 'box-sizing': 'border-box', padding: '8px 10px', font: 'inherit',
      color: COLORS.text, background: '#ffffff', border: '1px solid ' + COLORS.border, 'border-radius': radius
    });
    if (f[4]) input.setAttribute('placeholder', f[4]);
    var error = el('p', { id: id + '-error' }, { color: COLORS.error, margin: '4px 0 0', 'font-size': '0.875em' });
    error.hidden = true;
    input.addEventListener('input', function () { o.onInput(); });
    wrapper.appendChild(input);
    wrapper.appendChild(error);
    form.appendChild(wrapper);
    fields[f[0]] = { input: input, error: error, message: f[5] };
  });
  var button = null;
  if (o.showPayButton) {
    button = el('button', { type: 'submit' }, {
      background: (theme.accentColor || COLORS.accent), color: '#ffffff', border: '0', 'border-radius': radius,
      padding: '10px 16px', font: 'inherit', 'font-weight': '600', cursor: 'pointer'
    }, t.pay.replace('{amount}', formatAmount(o.session.amount, o.session.currency, o.locale)));
    form.appendChild(button);
  }
  var status = el('p', { role: 'status', id: o.prefix + '-status' }, { margin: '8px 0 0' });
  form.appendChild(status);
  form.addEventListener('submit', function (event) { event.preventDefault(); o.onPay(); });
  root.appendChild(form);
  // First in the element: a re-render (expiry, closed session) stays above a PAY_BUTTON slot placed after it.
  element.insertBefore(root, element.firstChild);

  return {
    values: function () {
      return { card_number: fields.card_number.input.value, expiry: fields.expiry.input.value, cvc: fields.cvc.input.value };
    },
    /** errors: { field: true | message }; fields not named are cleared. */
    showErrors: function (errors) {
      Object.keys(fields).forEach(function (name) {
        var f = fields[name];
        var message = errors[name] === true ? f.message : errors[name];
        f.error.textContent = message || '';
        f.error.hidden = !message;
        if (message) {
          f.input.setAttribute('aria-invalid', 'true');
          f.input.setAttribute('aria-describedby', o.prefix + '-hint ' + f.error.id);
        } else {
          f.input.removeAttribute('aria-invalid');
          f.input.setAttribute('aria-describedby', o.prefix + '-hint');
        }
      });
    },
    focusFirstInvalid: function () {
      var names = Object.keys(fields);
      for (var i = 0; i < names.length; i++) {
        if (fields[names[i]].input.getAttribute('aria-invalid') === 'true') return fields[names[i]].input.focus();
      }
    },
    setBusy: function (busy) {
      Object.keys(fields).forEach(function (name) { fields[name].input.readOnly = busy; });
      if (button) button.disabled = busy;
      form.setAttribute('aria-busy', busy ? 'true' : 'false');
    },
    announce: function (message) { status.textContent = message || ''; },
    destroy: function () { if (root.parentNode) root.parentNode.removeChild(root); }
  };
}

/** A closed session: one message instead of the form. */
function renderNotice(element, generation, message, lang) {
  var root = el('div', { 'data-purse-mock': generation, lang: lang }, {
    'font-family': 'system-ui, sans-serif', color: COLORS.text, background: '#ffffff', padding: '16px'
  });
  root.appendChild(el('p', { role: 'status' }, { margin: '0' }, message));
  element.insertBefore(root, element.firstChild);
  return { destroy: function () { if (root.parentNode) root.parentNode.removeChild(root); } };
}

/**
 * A pay button alone (Widget v3's PAY_BUTTON interface). o: { session, locale, generation, onPay() }.
 * It stays enabled while the form is incomplete (a click then shows the form's errors); setState(checkoutState)
 * disables it during submission and hides it while the form is not there (not loaded yet, expired, closed).
 */
function renderPayButton(element, o) {
  var t = textsFor(o.locale);
  var button = el('button', { type: 'button', 'data-purse-mock': o.generation, lang: t.lang }, {
    background: COLORS.accent, color: '#ffffff', border: '0', 'border-radius': '6px', padding: '10px 16px',
    margin: '0 16px 16px', font: 'inherit', 'font-weight': '600', cursor: 'pointer'
  }, t.pay.replace('{amount}', formatAmount(o.session.amount, o.session.currency, o.locale)));
  button.addEventListener('click', function () { o.onPay(); });
  element.appendChild(button);
  return {
    setState: function (state) {
      button.hidden = state !== 'ready' && state !== 'submitting' && state !== 'submitted';
      button.disabled = state !== 'ready';
    },
    destroy: function () { if (button.parentNode) button.parentNode.removeChild(button); }
  };
}
`;
