// Test-mode endpoints of the Payment half (mounted under /__mock only with `testMode: true`):
//   POST /__mock/config                      { dropinGeneration }          → 204
//   POST /__mock/signing-keys/rotate                                       → 200 { kid }
//   POST /__mock/payments/{id}/settle        { status: AUTHORIZED|REFUSED } → 200 payment | 404 | 409 (not pending)
//   POST /__mock/sessions/{id}/expire                                      → 200 session | 404
//   POST /__mock/payment-links/{id}/expire                                 → 200 payment link | 404
import type { DropinGeneration } from '../../core/dropin/types.ts';
import type { ClientSession, Payment, PaymentLink } from '../../core/wire/payment.ts';
import type { MockModule, MockRoute } from '../shared/context.ts';
import type { MockWebhookDelivery } from '../types.ts';
import { isRecord, json, noContent, problem, readJsonBody, validationProblem } from '../shared/http.ts';

const PREFIX = '/__mock';

const notFound = (instance: string, what: string) =>
  problem({ status: 404, title: 'Not Found', detail: `No such ${what}.`, code: 'not_found', instance });

export type SettleOutcome = { ok: true; payment: Payment } | { ok: false; reason: 'not_found' | 'not_pending' };

export interface PaymentModule extends MockModule {
  sessions(): ClientSession[];
  payments(): Payment[];
  paymentLinks(): PaymentLink[];
  webhooks(): MockWebhookDelivery[];
  webhooksSettled(): Promise<void>;
  setDropinGeneration(generation: DropinGeneration): void;
  rotateSigningKey(): Promise<{ kid: string }>;
  settle(id: string, status: 'AUTHORIZED' | 'REFUSED'): SettleOutcome;
  expireSession(id: string): ClientSession | undefined;
  expirePaymentLink(id: string): PaymentLink | undefined;
  /** /__mock/* routes of this module (mounted in test mode only). */
  controlRoutes: MockRoute[];
}

export function controlRoutes(module: Omit<PaymentModule, 'controlRoutes'>): MockRoute[] {
  return [
    {
      method: 'POST',
      path: `${PREFIX}/config`,
      auth: 'none',
      async handler(request, { url }) {
        const body = await readJsonBody(request, url.pathname);
        if (!body.ok) return body.response;
        const value = body.value;
        const generations = ['dropin-checkout', 'widget-v3'];
        if (!isRecord(value) || Object.keys(value).some((key) => key !== 'dropinGeneration') || !generations.includes(value.dropinGeneration as string)) {
          return validationProblem(url.pathname, [
            { pointer: '/dropinGeneration', detail: `Send { "dropinGeneration": ${generations.map((g) => `"${g}"`).join(' | ')} }.` },
          ]);
        }
        module.setDropinGeneration(value.dropinGeneration as 'dropin-checkout' | 'widget-v3');
        return noContent();
      },
    },
    {
      method: 'POST',
      path: `${PREFIX}/signing-keys/rotate`,
      auth: 'none',
      handler: async () => json(200, await module.rotateSigningKey()),
    },
    {
      method: 'POST',
      path: `${PREFIX}/payments/:id/settle`,
      auth: 'none',
      async handler(request, { url, params }) {
        const body = await readJsonBody(request, url.pathname);
        if (!body.ok) return body.response;
        const status = isRecord(body.value) ? body.value.status : undefined;
        if (status !== 'AUTHORIZED' && status !== 'REFUSED') {
          return validationProblem(url.pathname, [{ pointer: '/status', detail: 'status must be AUTHORIZED or REFUSED.' }]);
        }
        const outcome = module.settle(params.id!, status);
        if (outcome.ok) return json(200, outcome.payment);
        if (outcome.reason === 'not_found') return notFound(url.pathname, 'payment');
        return problem({ status: 409, title: 'Conflict', detail: 'The payment is not PENDING.', code: 'not_pending', instance: url.pathname });
      },
    },
    {
      method: 'POST',
      path: `${PREFIX}/sessions/:id/expire`,
      auth: 'none',
      handler(_request, { url, params }) {
        const session = module.expireSession(params.id!);
        return session ? json(200, session) : notFound(url.pathname, 'client session');
      },
    },
    {
      method: 'POST',
      path: `${PREFIX}/payment-links/:id/expire`,
      auth: 'none',
      handler(_request, { url, params }) {
        const link = module.expirePaymentLink(params.id!);
        return link ? json(200, link) : notFound(url.pathname, 'payment link');
      },
    },
  ];
}
