// Response builders and request-body reading for the merchant handler (web-standard Request/Response only).
import type { ProblemDetails } from '../../core/wire/xco.ts';

/** One invalid field of a problem+json answer: its JSON pointer (`/user/email`) and what is wrong with it. */
export type FieldProblem = { pointer: string; detail: string };

const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function json(status: number, body: unknown, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(BASE_HEADERS)) h.set(name, value);
  return new Response(JSON.stringify(body), { status, headers: h });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: BASE_HEADERS });
}

export function problem(status: number, details: Omit<ProblemDetails, 'status'> & { title: string }, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/problem+json; charset=utf-8');
  for (const [name, value] of Object.entries(BASE_HEADERS)) h.set(name, value);
  return new Response(JSON.stringify({ type: 'about:blank', ...details, status }), { status, headers: h });
}

export function validationProblem(errors: FieldProblem[], detail = 'The request contains invalid fields.'): Response {
  return problem(400, { title: 'Validation Error', detail, code: 'validation_error', errors });
}

const isJsonType = (contentType: string | null): boolean => {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || (essence.startsWith('application/') && essence.endsWith('+json'));
};

/**
 * The body's bytes, or `undefined` past `maxBytes` (then the rest is not read). Counts bytes as they arrive, so a
 * missing or lying Content-Length cannot get past the limit.
 */
export async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export type BodyResult =
  | { ok: true; text: string; value: unknown }
  | { ok: false; response: Response; /** A mis-wiring of the merchant's server, for its log. */ hint?: string };

const CONSUMED =
  'The request body reached the handler already read: a body parser (express.json(), bodyParser, a middleware ' +
  'calling c.req.json()…) ran before it. Mount the Purse handler before any body parser.';

/** Declared bytes that never came: a Node adapter handed over a stream that a body parser had already drained. */
export const declaredButEmpty = (request: Request, received: number) =>
  received === 0 && Number(request.headers.get('content-length')) > 0;

/** Reads a JSON body of at most `maxBytes` (see readLimited). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  if (!isJsonType(request.headers.get('content-type'))) {
    return {
      ok: false,
      response: problem(415, {
        title: 'Unsupported Media Type',
        detail: 'Send the body as JSON with "Content-Type: application/json".',
        code: 'unsupported_media_type',
      }),
    };
  }
  const consumed = (): BodyResult => ({
    ok: false,
    response: problem(400, { title: 'Request body already read', detail: CONSUMED, code: 'body_already_read' }),
    hint: CONSUMED,
  });
  const tooLarge = (): BodyResult => ({
    ok: false,
    response: problem(413, {
      title: 'Payload Too Large',
      detail: `The request body is larger than ${maxBytes} bytes.`,
      code: 'payload_too_large',
    }),
  });
  if (request.bodyUsed) return consumed();
  const bytes = await readLimited(request, maxBytes);
  if (bytes === undefined) return tooLarge();
  if (declaredButEmpty(request, bytes.byteLength)) return consumed();

  const invalid = (detail: string): BodyResult => ({
    ok: false,
    response: problem(400, { title: 'Invalid JSON body', detail, code: 'invalid_json' }),
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return invalid('The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return invalid('The request body is empty; send a JSON object.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid('The request body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return invalid('The request body must be a JSON object.');
  }
  return { ok: true, text, value };
}
