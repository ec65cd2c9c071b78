// Vitest globalSetup of the unit project: one real redis-server for the whole run (tests take a key prefix of their
// own), its URL given to the tests as inject('redisUrl'). Tests that break Redis on purpose start their own.
import type { TestProject } from 'vitest/node';
import { startRedisServer } from './redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startRedisServer();
  project.provide('redisUrl', server.url);
  return () => server.stop();
}
