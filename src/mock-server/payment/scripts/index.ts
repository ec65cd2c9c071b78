// Serves the two drop-in script generations (text/javascript, no imports, one IIFE each) at Purse's CDN paths on the
// mock's origin. The scripts call the mock's drop-in API at the mock's public origin (`baseUrl`).
import type { DropinGeneration } from '../../../core/dropin/types.ts';
import type { MockRoute } from '../../shared/context.ts';
import { SCRIPT_PATHS, type World } from '../world.ts';
import { CORE_SOURCE } from './core.ts';
import { DROPIN_CHECKOUT_SOURCE } from './dropin-checkout.ts';
import { MOCK_TEXTS, mockTexts, type MockLang } from '../texts/index.ts';
import { UI_SOURCE } from './ui.ts';
import { WIDGET_V3_SOURCE } from './widget-v3.ts';

const GLOBALS: Record<DropinGeneration, string> = { 'dropin-checkout': DROPIN_CHECKOUT_SOURCE, 'widget-v3': WIDGET_V3_SOURCE };

const SCRIPT_TEXTS = Object.fromEntries((Object.keys(MOCK_TEXTS) as MockLang[]).map((lang) => [lang, { ...mockTexts(lang), lang }]));

/** The script text of one generation, talking to the mock at `apiBase` (an origin, no trailing slash). */
function dropinScript(generation: DropinGeneration, apiBase: string): string {
  return [
    `/* Purse mock drop-in (${generation}): a test double of Purse's script, not Purse's code. */`,
    '(function () {',
    "'use strict';",
    `var API_BASE = ${JSON.stringify(apiBase)};`,
    `var TEXTS = ${JSON.stringify(SCRIPT_TEXTS)};`,
    UI_SOURCE,
    CORE_SOURCE,
    GLOBALS[generation],
    '})();',
    '',
  ].join('\n');
}

export function scriptRoutes(world: World): MockRoute[] {
  const cache = new Map<DropinGeneration, string>();
  const text = (generation: DropinGeneration) => {
    let script = cache.get(generation);
    if (!script) cache.set(generation, (script = dropinScript(generation, world.context.baseUrl)));
    return script;
  };
  return (Object.keys(SCRIPT_PATHS) as DropinGeneration[]).flatMap((generation) =>
    SCRIPT_PATHS[generation].map(
      (path): MockRoute => ({
        method: 'GET',
        path,
        auth: 'none',
        handler: () =>
          new Response(text(generation), {
            headers: {
              'content-type': 'text/javascript; charset=utf-8',
              // Loaded cross-origin, possibly with SRI (crossorigin="anonymous").
              'access-control-allow-origin': '*',
              // Every page load asks again, so tests can count how often the loader fetches the script.
              'cache-control': 'no-store',
            },
          }),
      }),
    ),
  );
}
