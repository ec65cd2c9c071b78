import { describe, expect, it } from 'vitest';
import { missingKeys, missingTopLevel } from './doc-keys.ts';

describe('missingKeys', () => {
  const sample = { keys: [{ kid: 12345, n: 'x' }], order: { reference: 'o', lines: [{ sku: 'a' }] } };

  it('names paths the answers lack, and values of another JSON type', () => {
    expect(missingKeys(sample, [{ keys: [{ kid: '12345' }], order: {} }])).toEqual([
      'keys[].kid: string where the sample has number',
      'keys[].n: missing',
      'order.reference: missing',
      'order.lines: missing',
      'order.lines[].sku: missing',
    ]);
  });

  it('lets several answers share the keys, looks only at the key of opaque content, and skips loose types', () => {
    const answers = [{ keys: [{ kid: '1' }], order: { whatever: true } }, { keys: [{ n: 'y' }] }];
    expect(missingKeys(sample, answers, { opaque: ['order'], looseTypes: ['keys[].kid'] })).toEqual([]);
  });

  it('missingTopLevel: keys no answer has', () => {
    expect(missingTopLevel(['a', 'b', 'c'], [{ a: 1 }, { b: null }])).toEqual(['c']);
  });
});
