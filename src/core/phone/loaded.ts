// The phone parser once downloaded (identifier.ts loads it), for views that format a number synchronously (the
// signup's code step). A module of its own: Vite and webpack ship a page's modules whole, so the formatting, which
// only a later chunk needs, stays with that chunk.
import type * as PhoneParserModule from './parse.ts';

/** `parser`: the phone parser module, once loaded. */
export const loadedPhone: { parser?: typeof PhoneParserModule } = {};
