// Hints for the usual ways of mis-mounting the handler, in the 404 the browser gets and once in the merchant's log.
import { resolveRoute } from './routes.ts';

/**
 * For a path outside the base path (or an unknown route) that ends in one of the handler's routes: what went wrong.
 * E.g. Express's `app.use('/api/purse', …)` strips the prefix, so `/xco/users/exists` arrives instead of
 * `/api/purse/xco/users/exists`.
 */
export function basePathHint(pathname: string, basePath: string): string | undefined {
  const path = pathname.replace(/\/+$/, '');
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    if (!resolveRoute(path.slice(i))) continue;
    const prefix = path.slice(0, i);
    const base = basePath === '' ? "'' (none)" : basePath;
    if (prefix === '') {
      return (
        `Received ${pathname}, which is a Purse route without the base path ${base}: the framework stripped it ` +
        "(Express's app.use('/api/purse', …) does). Pass the full path (Express: req.originalUrl) or set basePath: ''."
      );
    }
    return `Received ${pathname}, a Purse route under ${prefix}, but the handler's base path is ${base}: set basePath: '${prefix}'.`;
  }
  return undefined;
}

/** Logs each distinct message once (and at most `max` of them, so a scanner of random paths cannot flood the log). */
export function onceLogger(log: (message: string) => void, max = 20) {
  const seen = new Set<string>();
  return (message: string) => {
    if (seen.has(message) || seen.size >= max) return;
    seen.add(message);
    log(message);
  };
}
