// Fault injection: rules matched on method and pathname, applied before routing or, with `after`, once the route has
// acted (never to /__mock/*).
import { isRecord, json, problem } from './http.ts';
import type { FaultRule } from '../types.ts';
import { sleep } from './util.ts';

/** Rejection of an in-process fetch() whose connection a `drop` fault cut; node.ts destroys the socket instead. */
class MockConnectionDropped extends TypeError {
  readonly mockConnectionDropped = true;
  constructor(path: string) {
    super(`Failed to fetch: the Purse mock dropped the connection (fault on ${path}).`);
    this.name = 'TypeError';
  }
}

/** True for the rejection of an in-process `fetch` whose connection a `drop` fault cut. */
export const isConnectionDropped = (error: unknown): error is MockConnectionDropped =>
  error instanceof TypeError && (error as Partial<MockConnectionDropped>).mockConnectionDropped === true;

const matches = (rule: FaultRule, method: string, path: string) =>
  (!rule.method || rule.method.toUpperCase() === method) &&
  (rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path);

export function createFaultStore() {
  let rules: { rule: FaultRule; left: number }[] = [];
  return {
    add(rule: FaultRule) {
      if (rule.times !== undefined && rule.times < 1) return;
      rules.push({ rule: { ...rule }, left: rule.times ?? Infinity });
    },
    clear() {
      rules = [];
    },
    list: () => rules.map(({ rule }) => ({ ...rule })),
    /** The first matching rule, counted as applied once (and removed after its last time). */
    take(method: string, path: string): FaultRule | undefined {
      const index = rules.findIndex(({ rule }) => matches(rule, method, path));
      if (index < 0) return undefined;
      const entry = rules[index]!;
      entry.left--;
      if (entry.left <= 0) rules.splice(index, 1);
      return entry.rule;
    },
  };
}

/**
 * Applies a fault: waits its latency, then returns the fault's response, throws for a drop, or returns undefined
 * when the request should be handled normally (latency-only rules).
 */
export async function applyFault(rule: FaultRule, path: string): Promise<Response | undefined> {
  if (rule.latencyMs && rule.latencyMs > 0) await sleep(rule.latencyMs);
  if (rule.drop) throw new MockConnectionDropped(path);
  if (rule.malformed) {
    return new Response('{"unterminated": ', { status: 200, headers: { 'content-type': 'application/json', ...rule.headers } });
  }
  if (rule.status === undefined && rule.body === undefined && rule.headers === undefined) return undefined;
  const status = rule.status ?? 500;
  const headers: Record<string, string> = { ...rule.headers };
  // A 429 without Retry-After would leave clients guessing; Purse always sends it.
  if (status === 429 && !Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after')) headers['retry-after'] = '1';
  if (rule.body !== undefined) {
    if (typeof rule.body === 'string') {
      // A rule may set its own type (e.g. text/javascript for a script that loads without its global), in any case.
      const typed = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
      return new Response(rule.body, { status, headers: typed ? headers : { 'content-type': 'text/plain', ...headers } });
    }
    return json(status, rule.body, headers);
  }
  if (status === 204 || status === 304 || status < 400) return new Response(null, { status, headers });
  return problem({
    status,
    title: status === 429 ? 'Too Many Requests' : status >= 500 ? 'Internal Server Error' : 'Injected Fault',
    detail: `Injected fault on ${path}.`,
    code: status === 429 ? 'rate_limited' : 'injected_fault',
    instance: path,
    headers,
  });
}

/** Checks a rule received as JSON by POST /__mock/faults; returns an error message or the rule. */
export function parseFaultRule(value: unknown): FaultRule | string {
  if (!isRecord(value)) return 'The fault rule must be a JSON object.';
  const known = ['method', 'path', 'status', 'headers', 'body', 'latencyMs', 'malformed', 'drop', 'times', 'after'];
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown) return `Unknown fault rule field "${unknown}".`;
  const { method, path, status, headers, latencyMs, malformed, drop, times, after } = value;
  if (typeof path !== 'string' || !path.startsWith('/')) return 'path must be a pathname starting with "/".';
  if (method !== undefined && typeof method !== 'string') return 'method must be a string.';
  if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599)) {
    return 'status must be an integer HTTP status (200-599).';
  }
  if (headers !== undefined && !(isRecord(headers) && Object.values(headers).every((v) => typeof v === 'string'))) {
    return 'headers must be an object of strings.';
  }
  if (latencyMs !== undefined && !(typeof latencyMs === 'number' && Number.isFinite(latencyMs) && latencyMs >= 0)) {
    return 'latencyMs must be a number >= 0.';
  }
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 1)) return 'times must be an integer >= 1.';
  for (const [name, flag] of [['malformed', malformed], ['drop', drop], ['after', after]] as const) {
    if (flag !== undefined && typeof flag !== 'boolean') return `${name} must be a boolean.`;
  }
  return value as unknown as FaultRule;
}
