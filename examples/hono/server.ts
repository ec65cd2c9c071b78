// A Hono storefront on Node: the Purse handler at /api/purse/*, then the pages (the SPA built in ../vite-spa).
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { purseRoute } from './purse.ts';

const app = new Hono();
// On the full path (app.mount('/api/purse', …) would strip the prefix: then pass basePath: ''), before any
// middleware that reads the body (c.req.json() would leave the handler an empty one).
app.all('/api/purse/*', purseRoute());

const root = '../vite-spa/dist';
app.use('/assets/*', serveStatic({ root }));
app.get('/', serveStatic({ root, path: 'index.html' }));
app.get('/checkout', serveStatic({ root, path: 'index.html' }));
app.get('/return', serveStatic({ root, path: 'index.html' }));

const port = Number(process.env.PORT ?? 3000);
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log(`hono storefront on http://127.0.0.1:${port}/`));
