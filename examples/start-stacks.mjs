#!/usr/bin/env node
// Starts the four example stacks at once (Playwright starts its webServers one after another): each with its own
// Purse mock from the installed package's `purse-mock-server` bin. Prints "example stacks ready" once every port
// answers; stops them all on SIGTERM/SIGINT (Playwright's teardown).
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mockPurseEnv } from 'purse-react-kit/mock-server';
import { mockOrigin, ports } from './ports.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, 'node_modules', '.bin', name);
const stack = (mockPort) => ({ ...mockPurseEnv(mockOrigin(mockPort)), PURSE_MOCK_ORIGIN: mockOrigin(mockPort) });
const mock = (name, port) => ({ name: `${name} mock`, port, cwd: '.', command: [bin('purse-mock-server'), '--port', String(port), '--test-mode'] });

const servers = [
  mock('next-app', ports.next.mock),
  { name: 'next-app', port: ports.next.app, cwd: 'next-app', command: [bin('next'), 'start', '-p', String(ports.next.app), '-H', '127.0.0.1'], env: stack(ports.next.mock) },
  mock('vite-spa', ports.vite.mock),
  { name: 'vite-spa api', port: ports.vite.api, cwd: 'vite-spa', command: [bin('tsx'), 'server.ts'], env: { ...stack(ports.vite.mock), API_PORT: String(ports.vite.api) } },
  { name: 'vite-spa', port: ports.vite.app, cwd: 'vite-spa', command: [bin('vite'), 'preview', '--port', String(ports.vite.app), '--host', '127.0.0.1', '--strictPort'], env: { API_PORT: String(ports.vite.api) } },
  mock('express', ports.express.mock),
  { name: 'express', port: ports.express.app, cwd: 'express', command: [bin('tsx'), 'server.ts'], env: { ...stack(ports.express.mock), PORT: String(ports.express.app) } },
  mock('hono', ports.hono.mock),
  { name: 'hono', port: ports.hono.app, cwd: 'hono', command: [bin('tsx'), 'server.ts'], env: { ...stack(ports.hono.mock), PORT: String(ports.hono.app) } },
];

const children = servers.map(({ name, cwd, command: [file, ...args], env }) => {
  const child = spawn(file, args, { cwd: join(here, cwd), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)));
  child.on('error', (error) => {
    console.error(`[${name}] could not start: ${error.message}`);
    stop(1);
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[${name}] exited (${signal ?? code}) before the tests ended`);
    stop(1);
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGTERM', () => stop());
process.on('SIGINT', () => stop());

const accepts = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
const deadline = Date.now() + 120_000;
for (const { name, port } of servers) {
  while (!(await accepts(port))) {
    if (Date.now() > deadline) {
      console.error(`[${name}] not listening on ${port} after 120 s`);
      stop(1);
      await new Promise(() => {}); // until stop() exits
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
console.log('example stacks ready');
