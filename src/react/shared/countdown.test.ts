import { describe, expect, it } from 'vitest';
import { clockTime } from './countdown.ts';

// 1:15 in the night, local time: the hour that Spanish and Italian sentences get wrong with a one-digit hour
// ("a partir de las 1:15", "dalle 1:15" read as plural or elided forms a native would not write).
const night = new Date(2026, 11, 5, 1, 15).getTime();
const afternoon = new Date(2026, 11, 5, 14, 5).getTime();

describe('clockTime', () => {
  it('writes a 24-hour clock with two-digit hours, as timetables do ("a partir de las 01:15", "dalle 01:15")', () => {
    for (const locale of ['es', 'it', 'fr', 'de', 'nl']) expect(clockTime(night, locale)).toBe('01:15');
    expect(clockTime(afternoon, 'es')).toBe('14:05');
  });

  it('keeps a 12-hour clock as its language writes it', () => {
    expect(clockTime(night, 'en')).toMatch(/^1:15\sAM$/);
    expect(clockTime(afternoon, 'en')).toMatch(/^2:05\sPM$/);
  });
});
