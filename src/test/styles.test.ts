import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Read from disk: Vitest turns CSS imports (even ?raw) into empty strings.
const css = readFileSync(resolve(import.meta.dirname, '../react/styles.css'), 'utf8');

/** The default of each public property, from `--_purse-x: var(--purse-x, <default>)`. */
function defaults(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of css.matchAll(/--_purse-[\w-]+:\s*var\((--purse-[\w-]+),\s*([^;]+)\);/g)) {
    found[match[1]!] = match[2]!.trim();
  }
  return found;
}

function luminance(hex: string): number {
  const channels = hex
    .replace('#', '')
    .match(/../g)!
    .map((pair) => parseInt(pair, 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = channels as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

describe('src/react/styles.css', () => {
  const d = defaults();

  it('themes through the documented public custom properties', () => {
    expect(Object.keys(d).sort()).toEqual(
      [
        '--purse-color-accent',
        '--purse-color-on-accent',
        '--purse-color-text',
        '--purse-color-muted',
        '--purse-color-background',
        '--purse-color-border',
        '--purse-color-error',
        '--purse-color-success',
        '--purse-color-focus',
        '--purse-radius',
        '--purse-font-family',
        '--purse-font-size',
        '--purse-spacing',
      ].sort(),
    );
  });

  it('default colours meet WCAG AA contrast', () => {
    const bg = d['--purse-color-background']!;
    for (const text of ['--purse-color-text', '--purse-color-muted', '--purse-color-accent', '--purse-color-error', '--purse-color-success']) {
      expect(contrast(d[text]!, bg), text).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(d['--purse-color-on-accent']!, d['--purse-color-accent']!)).toBeGreaterThanOrEqual(4.5);
    // Non-text contrast (WCAG 1.4.11): input borders and the focus ring.
    expect(contrast(d['--purse-color-border']!, bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(d['--purse-color-focus']!, bg)).toBeGreaterThanOrEqual(3);
  });

  it('prefixes every class with purse-', () => {
    const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const classes = [...code.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]!);
    expect(classes.length).toBeGreaterThan(10);
    expect(classes.filter((name) => !name.startsWith('purse-'))).toEqual([]);
  });

  it('keeps targets at least 24 px and a visible focus style', () => {
    expect(css).toMatch(/\.purse-button \{[^}]*min-height: 44px/);
    expect(css).toMatch(/\.purse-button--link \{[^}]*min-height: 24px/);
    // One rule gives every focusable part the same ring.
    expect(css).toMatch(/:is\([^)]*\.purse-button[,)][^{]*\):focus-visible \{[^}]*outline: 3px solid/);
  });
});
