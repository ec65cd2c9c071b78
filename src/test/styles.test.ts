import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Read from disk: Vitest turns CSS imports (even ?raw) into empty strings.
const react = resolve(import.meta.dirname, '../react');
const read = (file: string) => readFileSync(resolve(react, file), 'utf8');
const uncommented = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** A stylesheet with its @imports inlined, each file once, as the build bundles it. */
function bundled(file: string, seen = new Set<string>()): string {
  const path = resolve(react, file);
  if (seen.has(path)) return '';
  seen.add(path);
  return read(file).replace(/@import '([^']+)';/g, (_, imported: string) => bundled(resolve(path, '..', imported), seen));
}
/** A page stylesheet as the build ships it (vite.config.ts): base.css, then the component's file. */
const pageSheet = (file: string) => bundled('styles/base.css') + bundled(`styles/${file}`);

const classesOf = (css: string) => new Set([...uncommented(css).matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]!));
const base = read('styles/base.css');
const everything = bundled('styles.css');
const styled = classesOf(everything);

/** Every default each public property is read with, from each `var(--purse-x, <default>)` of every sheet. */
function defaultsByProperty(): Record<string, Set<string>> {
  const found: Record<string, Set<string>> = {};
  for (const match of uncommented(everything).matchAll(/var\((--purse-[\w-]+)(?:,\s*([^()]+?))?\)/g)) {
    (found[match[1]!] ??= new Set()).add(match[2]?.trim() ?? '(none)');
  }
  return found;
}
/** The default of each public property (the checkout's font, read with none, aside: it keeps the shop page's font). */
function defaults(): Record<string, string> {
  return Object.fromEntries(Object.entries(defaultsByProperty()).map(([name, values]) => [name, [...values].find((value) => value !== '(none)')!]));
}

function luminance(hex: string): number {
  const digits = hex.replace('#', '');
  const channels = (digits.length === 3 ? digits.replace(/./g, '$&$&') : digits)
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

/** The classes with a rule among `names`: literal names, and a `purse-x--` prefix (from `purse-x--${…}`) as every `purse-x--…`. */
const styledAmong = (names: readonly string[]): string[] =>
  [...styled].filter((name) => names.includes(name) || names.some((prefix) => prefix.endsWith('--') && name.startsWith(prefix)));

/** The classes with a rule that a component's views may render. */
function renderedBy(folders: string[]): string[] {
  const names = new Set<string>();
  for (const folder of folders) {
    for (const file of readdirSync(resolve(react, folder), { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file) || /\.(test|stories)\./.test(file)) continue;
      for (const [name] of read(`${folder}/${file}`).matchAll(/purse-[\w-]*/g)) names.add(name);
    }
  }
  return styledAmong([...names]);
}

/** The sheets whose rules other files' rules must leave alone: base.css and parts/ come after any component's rules when a page loads two sheets. */
const SHARED = ['styles/base.css', ...readdirSync(resolve(react, 'styles/parts')).map((file) => `styles/parts/${file}`)];
const OWN = readdirSync(resolve(react, 'styles'))
  .filter((file) => file.endsWith('.css') && file !== 'base.css')
  .map((file) => `styles/${file}`);

/**
 * The declarations of each one-class selector of a file (`.purse-x`, `.purse-x:state`, `.purse-x[attr]`), keyed by
 * the media or container query around it, the state and the class.
 */
function oneClassRules(file: string): Map<string, { name: string; declarations: Map<string, string> }> {
  const rules = new Map<string, { name: string; declarations: Map<string, string> }>();
  const css = uncommented(read(file)).replace(/@import[^;]*;/g, '').replace(/@keyframes[^{]*\{(?:[^{}]*\{[^}]*\})*\s*\}/g, '');
  const add = (media: string, selectors: string, body: string) => {
    for (const selector of selectors.split(/,(?![^(]*\))/).map((part) => part.trim())) {
      const match = /^\.(purse-[\w-]+)((?:\[[^\]]+\]|::?[\w-]+(?:\([^)]*\))?)*)$/.exec(selector);
      if (!match) continue;
      const key = `${media} ${match[2]} ${match[1]}`;
      const entry = rules.get(key) ?? { name: match[1]!, declarations: new Map<string, string>() };
      for (const declaration of body.split(';')) {
        const [property, ...value] = declaration.split(':');
        if (property?.trim()) entry.declarations.set(property.trim(), value.join(':').trim());
      }
      rules.set(key, entry);
    }
  };
  for (const [, media, inner] of css.matchAll(/(@(?:media|container)[^{]*)\{((?:[^{}]*\{[^}]*\})*)\s*\}/g)) {
    for (const [, selectors, body] of inner!.matchAll(/([^{}]+)\{([^}]*)\}/g)) add(media!.trim(), selectors!, body!);
  }
  for (const [, selectors, body] of css.replace(/@(?:media|container)[^{]*\{(?:[^{}]*\{[^}]*\})*\s*\}/g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    add('', selectors!, body!);
  }
  return rules;
}

/** Whether two properties set the same thing (a shorthand and its longhand: `border` and `border-left-width`). */
const overlaps = (a: string, b: string) =>
  [a, b].every((property) => !['border-radius', 'outline-offset'].includes(property) || a === b) &&
  (a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`));

/**
 * The sets of classes the views put on one element: each branch of `a ? 'x' : 'y'` apart, `purse-x--${…}` as every
 * `purse-x--…`, and a `<Button>`'s own classes (purse-button and its variant, primary unless named) with the caller's.
 */
function classesTogether(): string[][] {
  const sets: string[][] = [];
  for (const file of readdirSync(react, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx$/.test(file) || /\.(test|stories)\./.test(file)) continue;
    const source = read(file);
    for (const match of source.matchAll(/className=(\{(?:[^{}]|\{[^{}]*\})*\}|"[^"]*")/g)) {
      const tag = /<(\w+)((?:[^<>]|=>)*)$/.exec(source.slice(0, match.index));
      const rest = /^(?:[^<>]|=>)*/.exec(source.slice(match.index))![0];
      const own = tag?.[1] === 'Button' ? ['purse-button', `purse-button--${/variant="(\w+)"/.exec(tag[2]! + rest)?.[1] ?? 'primary'}`] : [];
      const branches = /\?\s*('[^']*')\s*:\s*('[^']*')\s*\}$/.exec(match[1]!)?.slice(1) ?? [match[1]!];
      for (const branch of branches) sets.push(styledAmong([...own, ...[...branch.matchAll(/purse-[\w-]*/g)].map(([name]) => name)]));
    }
  }
  return sets;
}

// Each page stylesheet (purse-react-kit/styles/<page>.css) and the folders whose views that page shows.
const PAGES: Record<string, string[]> = {
  'checkout.css': ['purse-checkout'],
  'status.css': ['payment-status'],
  'signup.css': ['xco-signup'],
  'customer-purse.css': ['customer-purse'],
  'xco-account.css': ['xco-account', 'xco-signup'],
};

describe('src/react/styles.css and styles/', () => {
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

  it('reads every public property with one and the same default wherever it is used', () => {
    const found = defaultsByProperty();
    for (const [name, values] of Object.entries(found)) {
      // Read with none, a font-family inherits the page's font (what the checkout wants).
      const expected = name === '--purse-font-family' ? ['system-ui, sans-serif', '(none)'] : [d[name]];
      expect([...values].sort(), name).toEqual(expected.sort());
    }
    expect(found['--purse-color-accent']!.has('(none)')).toBe(false);
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
    expect(styled.size).toBeGreaterThan(10);
    expect([...styled].filter((name) => !name.startsWith('purse-'))).toEqual([]);
  });

  it('keeps targets at least 24 px and a visible focus style', () => {
    expect(base).toMatch(/\.purse-button \{[^}]*min-height: 44px/);
    expect(base).toMatch(/\.purse-button--link \{[^}]*min-height: 24px/);
    // One rule gives every focusable part the same ring; the checkout's root has its own, a little further out.
    expect(base).toMatch(/:is\([^)]*\.purse-button[,)][^{]*\):focus-visible \{[^}]*outline: 3px solid/);
    expect(read('styles/checkout.css')).toMatch(/\.purse-checkout:focus-visible \{[^}]*outline: 3px solid/);
  });

  it('stops every animation for shoppers who ask for reduced motion', () => {
    const animated = [...uncommented(everything).matchAll(/([^{}]+)\{[^}]*animation:[^;}]*\b(?!none)\w/g)].map((match) => match[1]!.trim());
    const stopped = [...uncommented(everything).matchAll(/@media \(prefers-reduced-motion: reduce\) \{((?:[^{}]*\{[^}]*\})*)\s*\}/g)]
      .flatMap((match) => [...match[1]!.matchAll(/([^{}]+)\{\s*animation: none;/g)].flatMap((rule) => rule[1]!.split(',')))
      .map((selector) => selector.trim());
    expect(animated.length).toBeGreaterThan(1);
    for (const selector of animated) expect(stopped, selector).toContain(selector);
  });

  it('gives each page stylesheet every rule its component renders, and styles.css all of them', () => {
    // The files of styles/ but base.css (parts/ holds rules that only some of them import).
    const pages = readdirSync(resolve(react, 'styles')).filter((file) => file.endsWith('.css') && file !== 'base.css');
    // The build puts base.css first in every sheet, so a component's rules can refine a shared class.
    expect(everything.indexOf('.purse-button')).toBeLessThan(everything.indexOf('.purse-checkout__'));
    for (const page of pages) expect(read(`styles/${page}`), page).not.toMatch(/@import '\.\/base\.css'/);
    expect(pages.sort()).toEqual(Object.keys(PAGES).sort());
    for (const [page, folders] of Object.entries(PAGES)) {
      const sheet = classesOf(pageSheet(page));
      const rendered = renderedBy([...folders, 'shared', 'provider']);
      expect(rendered.length, page).toBeGreaterThan(5);
      expect(rendered.filter((name) => !sheet.has(name)), page).toEqual([]);
    }
    // styles.css imports every page stylesheet.
    expect(new Set(Object.keys(PAGES).flatMap((page) => [...classesOf(pageSheet(page))]))).toEqual(styled);
  });

  it('never sets, in one file, a property that a shared rule of another file sets on a class of the same element', () => {
    // A page may load two sheets: base.css and parts/ may then come after any component's rules (README: harmless).
    const files = [...SHARED, ...OWN].map((file) => ({ file, rules: oneClassRules(file) }));
    const together = classesTogether();
    expect(together.length).toBeGreaterThan(20);
    const clashes: string[] = [];
    for (const shared of files.filter(({ file }) => SHARED.includes(file))) {
      for (const other of files.filter(({ file }) => file !== shared.file)) {
        for (const [key, rule] of shared.rules) {
          const [media, state] = key.split(' ');
          for (const [otherKey, otherRule] of other.rules) {
            const [otherMedia, otherState] = otherKey.split(' ');
            if (media !== otherMedia || state !== otherState || rule.name === otherRule.name) continue;
            if (!together.some((set) => set.includes(rule.name) && set.includes(otherRule.name))) continue;
            for (const [property, value] of rule.declarations) {
              for (const [otherProperty, otherValue] of otherRule.declarations) {
                if (overlaps(property, otherProperty) && value !== otherValue) {
                  clashes.push(`${shared.file} .${rule.name}${state} ${property} / ${other.file} .${otherRule.name}${otherState} ${otherProperty}`);
                }
              }
            }
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
