// Size budgets per public entry point (brotli, minified by esbuild, peers external). Part of `npm test`.
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'react-hook-form'];
const node = ['node:*', '@hono/node-server'];

module.exports = [
  { name: 'purse-react-kit (browser entry, all components)', path: 'dist/index.js', import: '*', ignore: peers, limit: '40 kB' },
  { name: 'purse-react-kit/core', path: 'dist/core.js', import: '*', limit: '12 kB' },
  { name: 'drop-in loader alone (loadDropin)', path: 'dist/core.js', import: '{ loadDropin }', limit: '2 kB' },
  { name: 'purse-react-kit/server', path: 'dist/server.js', import: '*', ignore: node, limit: '40 kB' },
  { name: 'purse-react-kit/mock-server', path: 'dist/mock-server.js', import: '*', ignore: node, limit: '60 kB' },
  { name: 'purse-react-kit/styles.css', path: 'dist/styles.css', limit: '6 kB' },
];
