// An Express storefront: the Purse handler at /api/purse, then the pages (the SPA built in ../vite-spa).
import { fileURLToPath } from 'node:url';
import express from 'express';
import { purseRoute } from './purse.ts';

const app = express();
// Before express.json() or any other body parser: the handler reads the raw body itself.
app.all('/api/purse/*path', purseRoute());

const pages = fileURLToPath(new URL('../vite-spa/dist', import.meta.url));
app.use(express.static(pages));
app.get(['/', '/checkout', '/return'], (_req, res) => res.sendFile('index.html', { root: pages }));

const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => console.log(`express storefront on http://127.0.0.1:${port}/`));
