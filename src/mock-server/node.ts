// The mock over real HTTP (Node only): @hono/node-server turns Node requests into the web-standard Request that
// purse.fetch takes. A `drop` fault destroys the socket, so clients see a reset connection.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createMockPurse } from './create.ts';
import { isConnectionDropped } from './shared/faults.ts';
import type { MockPurse, MockPurseOptions } from './types.ts';

/** A mock served over real HTTP (`startMockPurseServer`). */
export interface MockPurseServer {
  /** e.g. 'http://127.0.0.1:53121' (no trailing slash). */
  url: string;
  /** The emulator behind the server, with its in-process `control`. */
  purse: MockPurse;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const urlHost = (host: string) => {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
};

export async function startMockPurseServer(
  options: MockPurseOptions & { port?: number; host?: string } = {},
): Promise<MockPurseServer> {
  const { port = 0, host = '127.0.0.1', ...purseOptions } = options;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  // Absolute links point at this server unless the caller fronts it with another origin.
  const purse = createMockPurse({ ...purseOptions, baseUrl: purseOptions.baseUrl ?? url });

  const listener = getRequestListener(
    async (request, env) => {
      try {
        return await purse.fetch(request);
      } catch (error) {
        if (isConnectionDropped(error)) env.incoming.socket.destroy();
        throw error;
      }
    },
    {
      // Keep the process's global Request/Response untouched (tests may run other code in the same process).
      overrideGlobalObjects: false,
      // Returning nothing after a drop writes nothing to the destroyed socket.
      errorHandler: (error) => (isConnectionDropped(error) ? undefined : new Response(null, { status: 500 })),
    },
  );
  server.on('request', (incoming, outgoing) => void listener(incoming, outgoing));

  return {
    url,
    purse,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
