// WCAG 2.2 reflow (1.4.10) with text resized to 200 % (1.4.4): a story again on a 320 CSS px wide screen with the root
// font size at 200 %, then checked for anything wider than the screen or running out of its own box.
import type { StoryContext } from '@storybook/react-vite';
import { expect } from 'storybook/test';

/** Storybook's "Small mobile" viewport (320 × 568), which the story test gives the browser. */
const PHONE = { viewport: { value: 'mobile1', isRotated: false } };

/**
 * Text at 200 % for one story: the root font size, as a browser's text size setting sets it. The page has a margin of
 * 1rem, as a shop's page has some (and as Storybook's padded layout shows it), so the component has 256 px of the 320.
 * Both are restored after the story.
 */
function largeTextPage(): () => void {
  const root = document.documentElement.style;
  const body = document.body.style;
  const { fontSize } = root;
  const { margin } = body;
  root.fontSize = '200%';
  body.margin = '1rem';
  return () => {
    root.fontSize = fontSize;
    body.margin = margin;
  };
}

/** How a problem names an element: its tag, its classes and the start of its text. */
function nameOf(element: Element): string {
  const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
  const text = (element.textContent ?? '').trim().slice(0, 40);
  return `<${element.tagName.toLowerCase()}${classes}>${text ? ` "${text}"` : ''}`;
}

/** A box that scrolls sideways on its own (the deposits table's). */
function scrollsOnItsOwn(element: Element): boolean {
  const { overflowX } = getComputedStyle(element);
  return overflowX === 'auto' || overflowX === 'scroll';
}

/**
 * What does not reflow at the current width: the page scrolling sideways, an element of `root` reaching past the
 * screen's edges, or a box whose content runs out of it (a word over a border). Content in a box that scrolls on its
 * own (the deposits table: two-dimensional content, which WCAG 1.4.10 lets scroll) counts only by its box. Text that is
 * read, not shown (purse-visually-hidden), does not count, nor the text inside a form field (it scrolls in the field).
 */
function overflowsOf(root: HTMLElement): string[] {
  const page = document.documentElement;
  const width = page.clientWidth;
  const problems: string[] = [];
  if (page.scrollWidth > width) problems.push(`the page scrolls sideways: ${page.scrollWidth} px wide on a ${width} px screen`);
  for (const element of root.querySelectorAll('*')) {
    if (element.closest('.purse-visually-hidden, svg *')) continue;
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.display === 'contents') continue;
    let inScroller = false;
    for (let parent = element.parentElement; parent && parent !== root; parent = parent.parentElement) inScroller ||= scrollsOnItsOwn(parent);
    if (inScroller) continue;
    const { left, right } = element.getBoundingClientRect();
    if (left < -0.5 || right > width + 0.5) problems.push(`${nameOf(element)} spans ${Math.round(left)}–${Math.round(right)} px on a ${width} px screen`);
    // scrollWidth is rounded up from sub-pixel layout: 1 px is not content running out.
    const field = element.matches('input, select, textarea');
    if (style.display !== 'inline' && !field && !scrollsOnItsOwn(element) && element.scrollWidth > element.clientWidth + 1)
      problems.push(`${nameOf(element)}: content ${element.scrollWidth} px wide in a ${element.clientWidth} px box`);
  }
  return problems;
}

type PhoneContext = Pick<StoryContext, 'canvasElement'>;

/**
 * The same story on a 320 px wide screen with text at 200 %: its play, then nothing of the component wider than the
 * screen and nothing out of its box.
 */
export function onAPhone<S extends { play?: (context: never) => unknown; beforeEach?: unknown; globals?: Record<string, unknown> }>(
  story: S,
): S {
  const play = story.play as ((context: PhoneContext) => unknown) | undefined;
  return {
    ...story,
    globals: { ...story.globals, ...PHONE },
    beforeEach: [story.beforeEach ?? [], largeTextPage].flat(),
    play: async (context: PhoneContext) => {
      await play?.(context);
      await expect(document.documentElement.clientWidth).toBe(320);
      await expect(overflowsOf(context.canvasElement)).toEqual([]);
    },
  } as S;
}
