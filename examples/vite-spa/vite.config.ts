import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser calls /api/purse on the page's own origin; the dev server (and `vite preview`) forwards it to the
// Node server of server.ts. The Host header is kept, so the handler builds the return URL on the page's origin.
const api = `http://127.0.0.1:${process.env.API_PORT ?? 3001}`;
const proxy = { '/api/purse': { target: api } };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
});
