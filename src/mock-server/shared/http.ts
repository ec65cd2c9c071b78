// Response builders shared by every route module: JSON, RFC 7807 problems shaped like Purse's, and body parsing.

export interface FieldIssue {
  detail: string;
  /** JSON pointer into the request (body, or query parameter name), e.g. '/user/email'. */
  pointer: string;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export const noContent = () => new Response(null, { status: 204 });

export interface ProblemInit {
  status: number;
  title: string;
  detail: string;
  /** Machine-readable reason (our extension), also the last segment of `type`. */
  code: string;
  instance: string;
  errors?: FieldIssue[];
  headers?: Record<string, string>;
  /** Extra members, e.g. `attempts_left`. */
  extensions?: Record<string, unknown>;
}

export function problem(init: ProblemInit): Response {
  const body = {
    type: `urn:purse-mock:problem:${init.code}`,
    title: init.title,
    status: init.status,
    detail: init.detail,
    instance: init.instance,
    error: init.errors?.[0]?.detail ?? init.title,
    code: init.code,
    ...(init.errors ? { errors: init.errors } : {}),
    ...init.extensions,
  };
  return new Response(JSON.stringify(body), {
    status: init.status,
    headers: { 'content-type': 'application/problem+json', ...init.headers },
  });
}

export const validationProblem = (instance: string, errors: FieldIssue[]) =>
  problem({
    status: 400,
    title: 'Validation Error',
    detail: 'The request contains invalid fields.',
    code: 'validation_error',
    instance,
    errors,
  });

/** 429 with Retry-After in whole seconds (at least 1), as Purse asks clients to back off. */
export const tooManyRequests = (instance: string, code: string, detail: string, retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return problem({
    status: 429,
    title: 'Too Many Requests',
    detail,
    code,
    instance,
    headers: { 'retry-after': String(seconds) },
    extensions: { retry_after_seconds: seconds },
  });
};

/** Parses a JSON body; an empty body reads as {} so that field validation explains what is missing. */
export async function readJsonBody(
  request: Request,
  instance: string,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: validationProblem(instance, [{ pointer: '', detail: 'The body is not valid JSON.' }]) };
  }
}

/**
 * A JSON body that `validate` accepts, typed as the caller knows it then is; otherwise the 400 problem with every issue
 * (or the one of a body that is not JSON).
 */
export async function readValidBody<T>(
  request: Request,
  instance: string,
  validate: (value: unknown) => FieldIssue[],
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJsonBody(request, instance);
  if (!body.ok) return body;
  const issues = validate(body.value);
  return issues.length ? { ok: false, response: validationProblem(instance, issues) } : { ok: true, value: body.value as T };
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
