// Browser JavaScript (a string inside the IIFE): Widget v3's global, `window.UpStreamPay.WidgetManager`, with the call
// shapes of purse-docs/README.md. The PAYMENT widget is the form alone; the pay button is a PAY_BUTTON widget, which
// pays like `manager.submitPayment()` (pages without one call that themselves). Events reach the listeners whose
// scopes include '*' or the event code; `manager.submitPayment()` rejects (with `code`) when no payment was submitted.
export const WIDGET_V3_SOURCE = String.raw`
function buildForWidgetData(data, subscriptions) {
  if (typeof data !== 'string' || !data) {
    return Promise.reject(new TypeError('UpStreamPay.WidgetManager.buildForWidgetData: pass the client session’s widget.data.'));
  }
  var subs = (Array.isArray(subscriptions) ? subscriptions : []).filter(function (s) { return s && typeof s.listener === 'function'; });
  function emit(code, payload) {
    var event = { code: code, payload: payload };
    subs.forEach(function (s) {
      var scopes = Array.isArray(s.scopes) ? s.scopes : ['*'];
      if (scopes.indexOf('*') < 0 && scopes.indexOf(code) < 0) return;
      try { s.listener(event); } catch (error) { setTimeout(function () { throw error; }); }
    });
  }
  var buttons = [];
  var checkout = createCheckout({
    token: data,
    showPayButton: false,
    generation: 'widget-v3',
    onState: function (state) { buttons.forEach(function (b) { b.setState(state); }); },
    onFulfilled: function (isFulfilled) { emit('CHECKOUT_PAYMENT_FULFILLED_CHANGES', { isFulfilled: isFulfilled }); },
    onSession: function (session) { emit('CHECKOUT_SESSION_SET', { sessionId: session.id }); },
    onExpired: function () { emit('CHECKOUT_SESSION_EXPIRED', {}); }
  });
  function submitPayment() {
    return checkout.submit().then(function (result) {
      if (result.ok) return;
      emit('CHECKOUT_PAYMENT_FAILED', { message: result.error.message, code: result.error.code });
      throw result.error;
    });
  }
  return checkout.load().then(function () {
    return {
      createWidget: function (spec) {
        var kind = spec && spec.interface;
        if (kind !== 'PAYMENT' && kind !== 'PAY_BUTTON') throw new TypeError('createWidget: interface must be PAYMENT or PAY_BUTTON.');
        var button = null;
        return {
          mount: function (elementId) {
            var element = typeof elementId === 'string' ? document.getElementById(elementId) : null;
            if (!element) return Promise.reject(new Error('UpStreamPay widget: no element with id "' + elementId + '".'));
            if (kind === 'PAYMENT') return checkout.mount(element);
            if (button) button.destroy();
            var session = checkout.loaded();
            button = renderPayButton(element, {
              session: session,
              locale: session.locale,
              generation: 'widget-v3',
              // A failed payment is shown in the form and reported as CHECKOUT_PAYMENT_FAILED.
              onPay: function () { submitPayment().catch(function () {}); }
            });
            button.setState(checkout.state());
            buttons.push(button);
            return Promise.resolve();
          },
          unmount: function () {
            if (kind === 'PAYMENT') return checkout.unmount();
            if (!button) return;
            button.destroy();
            buttons = buttons.filter(function (b) { return b !== button; });
            button = null;
          }
        };
      },
      submitPayment: submitPayment
    };
  }, function (error) {
    emit('CHECKOUT_API_INIT_FAILED', { message: error.message, code: error.code });
    throw error;
  });
}

window.UpStreamPay = { WidgetManager: { buildForWidgetData: buildForWidgetData }, version: 'mock' };
`;
