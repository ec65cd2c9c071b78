// Compares an API answer with a documented sample by its keys: every key path of the sample (`a.b[].c`, array
// elements merged) must be in the answer with a value of the same JSON type. Values are not compared: the mock's ids,
// dates and amounts are its own. Shared by the replay tests of src/mock-server/*/doc-replay.test.ts.

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

const typeOf = (value: unknown): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as 'string' | 'number' | 'boolean' | 'object');

export interface KeyOptions {
  /**
   * Keys whose content is not the API's shape but the caller's (what the request sent, echoed: `order`, `customer`…)
   * or free-form (`additional_data`): the key itself is checked, what is inside is not.
   */
  opaque?: readonly string[];
}

/** Every key path of `value` with the JSON types seen there (several for array elements that differ). */
export function keyPaths(value: unknown, options: KeyOptions = {}, base = '', into = new Map<string, Set<JsonType>>()) {
  const add = (path: string, type: JsonType) => {
    const types = into.get(path) ?? new Set<JsonType>();
    types.add(type);
    into.set(path, types);
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object') keyPaths(item, options, `${base}[]`, into);
    }
    return into;
  }
  if (value === null || typeof value !== 'object') return into;
  for (const [key, child] of Object.entries(value)) {
    const path = base === '' ? key : `${base}.${key}`;
    add(path, typeOf(child));
    if (!options.opaque?.includes(key)) keyPaths(child, options, path, into);
  }
  return into;
}

/**
 * What the answers lack of the sample: paths absent from all of them, or present only with another JSON type (e.g.
 * `"kid": "7"` where the sample has `7`). Several answers (one per scenario) may share the sample's keys between them.
 * `looseTypes` lists paths whose sample type is not to be held against the answers, with the reason in the caller.
 */
export function missingKeys(
  sample: unknown,
  answers: unknown[],
  options: KeyOptions & { looseTypes?: readonly string[] } = {},
): string[] {
  const documented = keyPaths(sample, options);
  const found = new Map<string, Set<JsonType>>();
  for (const answer of answers) keyPaths(answer, options, '', found);
  const problems: string[] = [];
  for (const [path, types] of documented) {
    const seen = found.get(path);
    if (!seen) problems.push(`${path}: missing`);
    else if (!options.looseTypes?.includes(path) && ![...types].some((type) => seen.has(type))) {
      problems.push(`${path}: ${[...seen].join('|')} where the sample has ${[...types].join('|')}`);
    }
  }
  return problems;
}

/** Top-level keys that none of the answers has. */
export const missingTopLevel = (keys: readonly string[], answers: unknown[]): string[] =>
  keys.filter((key) => !answers.some((answer) => answer !== null && typeof answer === 'object' && key in answer));
