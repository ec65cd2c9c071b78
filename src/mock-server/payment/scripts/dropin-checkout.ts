// Browser JavaScript (a string inside the IIFE): Drop-in Checkout's global, `window.Purse.createDropinCheckout`, with
// the call shapes of purse-docs/README.md. Errors after mount arrive as `error` events; mount rejects when the session
// cannot be loaded. On expiry, `hooks.onRefreshSession()` is awaited and its widget.data mounted in place.
export const DROPIN_CHECKOUT_SOURCE = String.raw`
function subscribable(initial) {
  var value = initial;
  var callbacks = [];
  return {
    get: function () { return value; },
    set: function (next) {
      if (next === value) return;
      value = next;
      callbacks.slice().forEach(function (callback) { callback(next); });
    },
    subscribe: function (callback) {
      callbacks.push(callback);
      callback(value);
      return function () { callbacks = callbacks.filter(function (c) { return c !== callback; }); };
    }
  };
}

function readonly(s) { return { get: s.get, subscribe: s.subscribe }; }

function createDropinCheckout(options) {
  if (!options || typeof options.session !== 'string' || !options.session) {
    return Promise.reject(new TypeError('Purse.createDropinCheckout: options.session must be the client session’s widget.data.'));
  }
  var listener = typeof options.eventListener === 'function' ? options.eventListener : function () {};
  var hooks = options.hooks || {};
  var emit = function (event) {
    try { listener(event); } catch (error) { setTimeout(function () { throw error; }); }
  };
  var fulfilled = subscribable(false);
  var sessionState = subscribable('idle');
  var remaining = subscribable(0);
  var refreshing = false;
  var checkout = createCheckout({
    token: options.session,
    locale: options.locale,
    theme: options.theme,
    showPayButton: !options.hidePayButton,
    generation: 'dropin-checkout',
    onState: sessionState.set,
    onFulfilled: fulfilled.set,
    onSession: function (session) { remaining.set(session.availability === 'open' ? session.amount : 0); },
    onReady: function () { emit({ type: 'ready' }); },
    onExpired: function () {
      if (typeof hooks.onRefreshSession !== 'function' || refreshing) return;
      refreshing = true;
      Promise.resolve()
        .then(function () { return hooks.onRefreshSession(); })
        .then(function (data) {
          if (typeof data !== 'string' || !data) throw new Error('onRefreshSession must resolve with the new session’s widget.data.');
          return checkout.setSession(data);
        })
        .then(function () { refreshing = false; }, function (error) {
          refreshing = false;
          emit({ type: 'error', message: 'The session could not be refreshed: ' + (error && error.message), code: 'SESSION_REFRESH_FAILED' });
        });
    }
  });
  return Promise.resolve({
    mount: function (element) { return checkout.mount(element); },
    unmount: function () { checkout.unmount(); },
    setSession: function (data) { return checkout.setSession(data); },
    submitPayment: function () {
      return checkout.submit().then(function (result) {
        if (!result.ok) emit({ type: 'error', message: result.error.message, code: result.error.code });
      });
    },
    isPaymentFulfilled: readonly(fulfilled),
    sessionState: readonly(sessionState),
    remainingAmountToPay: readonly(remaining)
  });
}

window.Purse = { createDropinCheckout: createDropinCheckout, version: 'mock' };
`;
