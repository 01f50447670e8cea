/**
 * flexiti-elements/server/node: serves a Fetch-style handler (the Flexiti handler, a sandbox, or anything with
 * `fetch(request)`) on Node's HTTP server through @hono/node-server (an optional peer dependency: install it to
 * use this entry). Kept apart from `flexiti-elements/server` so edge runtimes never meet Node's `http` module.
 */
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FetchTarget {
  /** `info.remoteAddress` is the socket's peer address: the handler's default client key for its limits. */
  fetch(request: Request, info?: { remoteAddress?: string }): Promise<Response> | Response;
}

export interface ServeNodeOptions {
  /** Default 8787; 0 picks a free port (read it from the result). */
  port?: number;
  /** Default `127.0.0.1`: only this machine can connect unless you say otherwise. */
  hostname?: string;
}

export interface NodeServer {
  server: ServerType;
  port: number;
  hostname: string;
  /** `http://hostname:port` */
  url: string;
  /**
   * Stops accepting connections, lets requests in flight finish, closes every keep-alive connection (including
   * ones a client opened but never used), and resolves once the server is closed.
   */
  close(): Promise<void>;
}

export async function serveNode(
  target: FetchTarget,
  { port = 8787, hostname = '127.0.0.1' }: ServeNodeOptions = {},
): Promise<NodeServer> {
  const server = createAdaptorServer({
    fetch: (request: Request, env: { incoming?: { socket?: { remoteAddress?: string } } }) => {
      const remoteAddress = env.incoming?.socket?.remoteAddress;
      return target.fetch(request, remoteAddress ? { remoteAddress } : {});
    },
    // Keep Node's own Request/Response globals: the client and the server may share this process.
    overrideGlobalObjects: false,
  });

  // Requests in flight per connection, so that closing can end idle connections at once and busy ones
  // as soon as their response is sent (Node's own closeIdleConnections misses never-used connections).
  const inFlight = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = Math.max(0, (inFlight.get(socket) ?? 1) - 1);
      inFlight.set(socket, left);
      if (closing && left === 0) socket.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    port: address.port,
    hostname: address.address,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        server.close((error) => (error ? reject(error) : resolve()));
        for (const [socket, requests] of inFlight) if (requests === 0) socket.destroy();
      }),
  };
}
