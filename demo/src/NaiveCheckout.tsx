import { useEffect, useRef } from 'react';
import { cspNonce } from './config.ts';

// bench/ only (/checkout?loader=naive): the drop-in loaded the naive way, as Purse's own web loader does — create the
// session, then append the script it names and wait for it, then mount. Rendered in PurseCheckout's place on the same
// page, it is the baseline PurseCheckout's parallel loading is measured against.
type DropinGlobal = {
  createDropinCheckout(options: { session: string; eventListener(event: { type: string }): void }): Promise<{ mount(element: HTMLElement): Promise<void> }>;
};

export function NaiveCheckout({ orderReference }: { orderReference: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const response = await fetch('/api/purse/checkout/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ order_reference: orderReference }),
      });
      const session = (await response.json()) as { widget: { data: string; js_url: string } };
      await new Promise<void>((resolve, reject) => {
        const script = Object.assign(document.createElement('script'), { src: session.widget.js_url, onload: resolve, onerror: reject });
        if (cspNonce) script.nonce = cspNonce;
        document.head.append(script);
      });
      if (cancelled || !container.current) return;
      const dropin = await (window as unknown as { Purse: DropinGlobal }).Purse.createDropinCheckout({
        session: session.widget.data,
        eventListener: (event) => event.type === 'ready' && performance.mark('purse:dropin-ready'),
      });
      await dropin.mount(container.current);
    })();
    return () => {
      cancelled = true;
    };
  }, [orderReference]);
  return <div ref={container} />;
}
