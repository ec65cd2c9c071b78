// Extracts the request and response samples of Purse's API documents into JSON fixtures that the replay tests read
// (src/mock-server/*/doc-replay.test.ts). The documents themselves stay out of the repository (Purse's licence; CI
// does not have them): re-run this after a document changes and commit the result.
//
//   npx tsx scripts/extract-doc-samples.ts [docs-dir]     (default: $PURSE_DOCS_DIR or ../shared/purse-docs)
//
// payment-api-v2-samples.txt holds one JSON sample per line, after the title of its operation; the reference (same
// order, rendered with collapsed objects) only gives each sample's top-level keys, which the samples file sometimes
// lacks (payment_attempts, authentication…). The XCO guide holds its bodies in curl --data-raw '…' blocks and
// "Example Response" blocks.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const docs = resolve(process.argv[2] ?? process.env.PURSE_DOCS_DIR ?? '../shared/purse-docs');
const out = resolve(import.meta.dirname, '../src/test/purse-docs');
const read = (name: string) => readFileSync(resolve(docs, name), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The scraped pages replaced every e-mail address with "[email protected]" (an e-mail obfuscation artefact), which no
 * API would accept. Each is restored to an example address, keyed by where it appears so that a flow stays coherent.
 */
const EMAIL_ARTEFACT = '[email\u00a0protected]';
const restoreEmails = (text: string, address: string) => text.replaceAll(EMAIL_ARTEFACT, address).replaceAll('[email protected]', address);

interface Operation {
  id: string;
  /** The operation's title in both documents. */
  title: string;
  method: 'GET' | 'POST';
  path: string;
  /** The request is JSON (the first sample after the title is the request). */
  hasBody: boolean;
}

const OPERATIONS: Operation[] = [
  { id: 'token', title: 'OAuth2 client credentials authentication', method: 'POST', path: '/oauth2/token', hasBody: false },
  { id: 'createClientSession', title: 'Create a client session', method: 'POST', path: '/payment/v2/client-sessions', hasBody: true },
  { id: 'getClientSession', title: 'Get a client session by ID', method: 'GET', path: '/payment/v2/client-sessions/{id}', hasBody: false },
  { id: 'abortClientSession', title: 'Abort a client session by ID', method: 'POST', path: '/payment/v2/client-sessions/{id}/abort', hasBody: true },
  { id: 'getPayment', title: 'Get a payment by ID', method: 'GET', path: '/payment/v2/payments/{id}', hasBody: false },
  { id: 'capturePayment', title: 'Capture a payment', method: 'POST', path: '/payment/v2/payments/{id}/captures', hasBody: true },
  { id: 'refundPayment', title: 'Refund a payment', method: 'POST', path: '/payment/v2/payments/{id}/refunds', hasBody: true },
  { id: 'voidPayment', title: 'Void a payment', method: 'POST', path: '/payment/v2/payments/{id}/voids', hasBody: true },
  { id: 'createPayment', title: 'Create a new payment', method: 'POST', path: '/payment/v2/payments', hasBody: true },
  {
    id: 'createPaymentLink',
    title: 'Create a payment link to allow customers to pay via a hosted page',
    method: 'POST',
    path: '/payment/v2/payment-links',
    hasBody: true,
  },
  { id: 'getPaymentLink', title: 'Get a payment link by ID', method: 'GET', path: '/payment/v2/payment-links/{id}', hasBody: false },
  { id: 'cancelPaymentLink', title: 'Cancel an active payment link by its ID', method: 'POST', path: '/payment/v2/payment-links/{id}/cancel', hasBody: false },
  { id: 'signingJwks', title: 'Retrieve public signing keys (JWKS)', method: 'GET', path: '/payment/v2/signing-jwks', hasBody: false },
  { id: 'eligibleSolutions', title: 'Check eligible solution for a future payment.', method: 'POST', path: '/payment/v2/eligible-solutions', hasBody: true },
];

/** Titles as the samples file writes them when they differ from the reference. */
const SAMPLE_TITLES: Record<string, string> = { getPaymentLink: 'Retrieve a payment link by its ID' };

function samplesByOperation(text: string) {
  const titles = new Map(OPERATIONS.map((op) => [SAMPLE_TITLES[op.id] ?? op.title, op.id]));
  const found = new Map<string, unknown[]>();
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (titles.has(trimmed)) current = titles.get(trimmed);
    if (!trimmed.startsWith('{')) continue;
    if (!current) throw new Error(`A JSON sample before any known title: ${trimmed.slice(0, 60)}`);
    found.set(current, [...(found.get(current) ?? []), JSON.parse(restoreEmails(trimmed, 'shopper@example.org'))]);
  }
  return found;
}

/** Top-level keys of each "Request samples" / "Response samples" block of the reference, per operation. */
function referenceKeys(text: string, titles: Map<string, string>) {
  const keys = new Map<string, { request?: string[]; response?: string[] }>();
  const lines = text.split('\n');
  let current: string | undefined;
  let block: 'request' | 'response' | undefined;
  let collecting: string[] | undefined;
  let depth = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    if (titles.has(trimmed)) current = titles.get(trimmed);
    if (trimmed === 'Request samples') block = 'request';
    if (trimmed === 'Response samples') block = 'response';
    if (!current || !block) continue;
    if (!collecting && trimmed === '{') {
      collecting = [];
      depth = 0;
      continue;
    }
    if (!collecting) continue;
    if (trimmed === '}' && depth === 0) {
      const entry = keys.get(current) ?? {};
      // The first block of a kind wins (an operation's error sample, if any, comes after its success sample).
      entry[block] ??= collecting;
      keys.set(current, entry);
      collecting = undefined;
      block = undefined;
      continue;
    }
    const match = /^•\s*"([^"]+)":\s*(.*)$/.exec(trimmed);
    if (match && depth === 0) collecting.push(match[1]!);
    // Collapsed objects and arrays open on the key's line and close on a line of their own.
    if (/[[{]\s*$/.test(trimmed)) depth++;
    if (/^[\]}],?$/.test(trimmed) && depth > 0) depth--;
  }
  return keys;
}

const paymentSamples = read('payment-api-v2-samples.txt');
const paymentReference = read('payment-api-v2-reference.txt');
const samples = samplesByOperation(paymentSamples);
const reference = referenceKeys(paymentReference, new Map(OPERATIONS.map((op) => [op.title, op.id])));

const operations = OPERATIONS.map((op) => {
  const found = samples.get(op.id) ?? [];
  const [request, response] = op.hasBody ? found : [undefined, found[0]];
  return {
    id: op.id,
    title: op.title,
    method: op.method,
    path: op.path,
    ...(request !== undefined && { request }),
    ...(response !== undefined && { response }),
    ...(reference.get(op.id)?.request && { referenceRequestKeys: reference.get(op.id)!.request }),
    ...(reference.get(op.id)?.response && { referenceResponseKeys: reference.get(op.id)!.response }),
  };
});

for (const op of operations) {
  if (!('response' in op) && !op.referenceResponseKeys) throw new Error(`No response sample nor reference keys for ${op.id}.`);
}

writeFileSync(
  resolve(out, 'payment-v2.json'),
  `${JSON.stringify(
    {
      about:
        'Extracted by scripts/extract-doc-samples.ts from payment-api-v2-samples.txt (request/response) and payment-api-v2-reference.txt (top-level keys). Do not edit by hand.',
      sources: {
        'payment-api-v2-samples.txt': sha256(paymentSamples),
        'payment-api-v2-reference.txt': sha256(paymentReference),
      },
      operations,
    },
    null,
    2,
  )}\n`,
);

// ── XCO: the guide's curl bodies and example responses, in the guide's order ──────────────────────────────────────

const guide = read('xco-signup-integration-guide.txt');
const xcoReference = read('xco-api-v1-reference.txt');
const guideText = restoreEmails(guide, 'john.doe@example.com');

/** The artefact also swallowed the path of the by-email example ("/v1/users/[email protected]"): the TLDR table gives it. */
const existsUrl = (url: string) => url.replace(/\/v1\/users\/([^/?]+@[^/?]+)$/, (_, email: string) => `/v1/users/exists?email=${encodeURIComponent(email)}`);

/** Every JSON object of the guide, in order, with the step heading and curl line it follows. */
function guideBlocks(text: string) {
  const lines = text.split('\n');
  const blocks: { step: string; kind: 'request' | 'response'; call?: string; body?: unknown; query?: Record<string, string> }[] = [];
  let step = '';
  let call: string | undefined;
  let kind: 'request' | 'response' = 'request';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (/^(\d+[A-Z]?\d?\.|2B\d\.)\s/.test(line)) step = line;
    if (line.startsWith('curl ')) {
      call = line;
      kind = 'request';
      // A GET has no body: its query is the sample.
      const url = /curl -X GET '([^']+)'/.exec(line)?.[1];
      if (url) {
        call = line.replace(url, existsUrl(url));
        blocks.push({ step, kind, call, query: Object.fromEntries(new URL(existsUrl(url)).searchParams) });
      }
    }
    if (/^(Example Response|User exists|User does not exist)/.test(line)) kind = 'response';
    const opensBody = line === '{' || line === "--data-raw '{";
    if (!opensBody) continue;
    const collected = ['{'];
    let depth = 1;
    while (depth > 0 && ++i < lines.length) {
      const next = lines[i]!.trim().replace(/^}'$/, '}');
      collected.push(next);
      depth += (next.match(/[[{]/g) ?? []).length - (next.match(/[\]}]/g) ?? []).length;
    }
    blocks.push({ step, kind, ...(call !== undefined && kind === 'request' && { call }), body: JSON.parse(collected.join('\n')) });
  }
  return blocks;
}

/** The GET user sample's top-level keys (the guide has no example for it). */
const getUserKeys = referenceKeys(xcoReference, new Map([['Get user by merchant customer reference', 'getUser']])).get('getUser')?.response;

writeFileSync(
  resolve(out, 'xco-guide.json'),
  `${JSON.stringify(
    {
      about:
        'Extracted by scripts/extract-doc-samples.ts from xco-signup-integration-guide.txt (bodies) and xco-api-v1-reference.txt (GET user keys). Do not edit by hand.',
      sources: { 'xco-signup-integration-guide.txt': sha256(guide), 'xco-api-v1-reference.txt': sha256(xcoReference) },
      blocks: guideBlocks(guideText),
      getUserResponseKeys: getUserKeys,
    },
    null,
    2,
  )}\n`,
);

console.log(`Wrote ${out}/payment-v2.json (${operations.length} operations) and ${out}/xco-guide.json.`);
