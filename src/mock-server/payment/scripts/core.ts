// Browser JavaScript (a string inside the drop-in scripts' IIFE): one checkout instance — loads the session through
// the mock's drop-in API, renders the form (ui.ts), tracks fulfilment and expiry, submits and redirects. Both script
// generations wrap it with their own call shapes. Expects API_BASE and the ui.ts functions in scope.
export const CORE_SOURCE = String.raw`
var instanceSeq = 0;

// body undefined: the session load, the widget data as a text/plain body (no CORS preflight on the way to ready).
function apiCall(path, token, body) {
  var init = body
    ? { method: 'POST', headers: { authorization: 'Widget ' + token, 'content-type': 'application/json' }, body: JSON.stringify(body) }
    : { method: 'POST', headers: { 'content-type': 'text/plain' }, body: token };
  init.mode = 'cors';
  init.credentials = 'omit';
  return fetch(API_BASE + '/dropin/api' + path, init).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (data) { return { status: response.status, data: data }; });
  });
}

function failure(message, code) {
  var error = new Error(message);
  error.code = code;
  return error;
}

/**
 * o: { token, locale, theme, showPayButton, generation, onState(state), onFulfilled(bool), onSession(session),
 *      onReady(), onExpired(), onError({ message, code }) }. Every callback is optional.
 */
function createCheckout(o) {
  var noop = function () {};
  var cb = function (name) { return typeof o[name] === 'function' ? o[name] : noop; };
  var seq = ++instanceSeq;
  var token = o.token;
  var session = null;
  var skewMs = 0;
  var state = 'idle';
  var fulfilled = false;
  var element = null;
  var view = null;
  var timer = null;
  var generationOfLoad = 0;

  function setState(next) {
    if (state === next) return;
    state = next;
    cb('onState')(next);
    if (next === 'ready') cb('onReady')();
    if (next === 'expired') cb('onExpired')();
  }
  function setFulfilled(next) {
    if (fulfilled === next) return;
    fulfilled = next;
    cb('onFulfilled')(next);
  }
  function now() { return Date.now() + skewMs; }
  function t() { return textsFor(o.locale || (session && session.locale)); }

  function load() {
    var mine = ++generationOfLoad;
    return apiCall('/session', token).then(function (result) {
      if (result.status !== 200) {
        throw failure((result.data && result.data.detail) || 'The payment session could not be loaded.', (result.data && result.data.code) || 'SESSION_LOAD_FAILED');
      }
      if (mine !== generationOfLoad) return session;
      session = result.data;
      skewMs = Date.parse(session.now) - Date.now();
      cb('onSession')(session);
      return session;
    }, function (error) {
      throw failure('The payment service could not be reached: ' + (error && error.message), 'NETWORK_ERROR');
    });
  }

  function clear() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (view) view.destroy();
    view = null;
  }

  function notice(availability) {
    var texts = t();
    view = renderNotice(element, o.generation, texts['notice.' + availability + '.body'] || texts['notice.aborted.body'], texts.lang);
  }

  function render() {
    clear();
    if (!element || !session) return;
    setFulfilled(false);
    if (session.availability !== 'open') {
      notice(session.availability);
      setState(session.availability === 'expired' ? 'expired' : 'terminated');
      return;
    }
    view = renderForm(element, {
      prefix: 'purse-mock-' + session.id + '-' + seq,
      session: session,
      locale: o.locale || session.locale,
      theme: o.theme,
      showPayButton: o.showPayButton !== false,
      generation: o.generation,
      onInput: function () {
        var checks = checkFields(view.values(), now());
        setFulfilled(checks.card_number && checks.expiry && checks.cvc);
      },
      onPay: function () { submit(); }
    });
    // The mock's clock decides expiry: ask it again just after the announced moment.
    timer = setTimeout(recheck, Math.min(session.expires_in_ms + 250, 2147483647));
    setState('ready');
  }

  function recheck() {
    timer = null;
    if (state !== 'ready') return;
    load().then(function () { if (state === 'ready' && session.availability !== 'open') render(); }, noop);
  }

  function submit() {
    if (!view || state !== 'ready' || !view.values) {
      var error = failure(state === 'expired' ? t()['notice.expired.body'] : 'The payment form is not ready.', state === 'expired' ? 'SESSION_EXPIRED' : 'NOT_READY');
      return Promise.resolve({ ok: false, error: error });
    }
    var values = view.values();
    var checks = checkFields(values, now());
    var errors = {};
    Object.keys(checks).forEach(function (name) { if (!checks[name]) errors[name] = true; });
    view.showErrors(errors);
    if (Object.keys(errors).length) {
      view.focusFirstInvalid();
      return Promise.resolve({ ok: false, error: failure('Complete the payment form.', 'PAYMENT_NOT_FULFILLED') });
    }
    var expiry = parseExpiry(values.expiry);
    var current = view;
    setState('submitting');
    current.setBusy(true);
    current.announce(t().processing);
    return apiCall('/sessions/' + encodeURIComponent(session.id) + '/payments', token, {
      card_number: values.card_number,
      expiry: expiry.month + '/' + expiry.year,
      cvc: values.cvc.trim()
    }).then(function (result) {
      if (current !== view) return { ok: false, error: failure('The drop-in was unmounted.', 'UNMOUNTED') };
      if (result.status === 201) {
        setState('submitted');
        current.announce(t().redirecting);
        window.location.assign(result.data.redirect_url);
        return { ok: true, payment: result.data };
      }
      var data = result.data || {};
      var problem = failure(data.detail || 'The payment could not be submitted.', data.code || 'PAYMENT_FAILED');
      if (data.code === 'INVALID_CARD') {
        var fieldErrors = {};
        // The page checked the form already: a card number refused now is one that is not a test card.
        (data.errors || []).forEach(function (issue) {
          var field = String(issue.pointer).slice(1);
          fieldErrors[field] = field === 'card_number' ? t()['error.unknownCard'] : true;
        });
        current.setBusy(false);
        current.announce('');
        current.showErrors(fieldErrors);
        current.focusFirstInvalid();
        setState('ready');
        return { ok: false, error: problem };
      }
      var availability = { SESSION_EXPIRED: 'expired', SESSION_SUBMITTED: 'submitted', SESSION_ABORTED: 'aborted', PAYMENT_LINK_CLOSED: 'link_closed' }[data.code];
      if (availability) {
        session.availability = availability;
        render();
        return { ok: false, error: problem };
      }
      current.setBusy(false);
      current.announce(problem.message);
      setState('ready');
      return { ok: false, error: problem };
    }, function (networkError) {
      var problem = failure(t()['error.network'], 'NETWORK_ERROR');
      if (current === view) {
        current.setBusy(false);
        current.announce(problem.message);
        setState('ready');
      }
      problem.cause = networkError;
      return { ok: false, error: problem };
    });
  }

  return {
    load: load,
    loaded: function () { return session; },
    state: function () { return state; },
    submit: submit,
    mount: function (target) {
      if (!target || target.nodeType !== 1) return Promise.reject(new TypeError('mount() needs an HTMLElement.'));
      element = target;
      var ready = session ? Promise.resolve(session) : load();
      return ready.then(function () { if (element === target) render(); }, function (error) {
        element = null;
        setState('error');
        throw error;
      });
    },
    setSession: function (nextToken) {
      if (typeof nextToken !== 'string' || !nextToken) return Promise.reject(new TypeError('setSession() needs the new session’s widget.data.'));
      token = nextToken;
      session = null;
      setState('idle');
      return load().then(function () { render(); }, function (error) {
        setState('error');
        throw error;
      });
    },
    unmount: function () {
      clear();
      element = null;
      generationOfLoad++;
      setState('terminated');
    }
  };
}
`;
