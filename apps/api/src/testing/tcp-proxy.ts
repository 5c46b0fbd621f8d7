// A TCP proxy between the API and PostgreSQL that a spec can cut, as a network fault would: `refuse`
// drops every connection and refuses new ones (a database that went away), `blackhole` accepts
// connections and never answers (a silent network), `restore` lets traffic through again.
import { createServer, Server, Socket, connect } from 'node:net';

export interface TcpProxy {
  /** The target URL rewritten to go through the proxy. */
  url: string;
  refuse(): Promise<void>;
  blackhole(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let mode: 'open' | 'blackhole' = 'open';
  let port = 0;
  let server: Server;

  const listen = () =>
    new Promise<void>((done) => {
      server = createServer((client) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => client.destroy());
        if (mode === 'blackhole') return; // read nothing, answer nothing
        const upstream = connect(Number(target.port || 5432), target.hostname);
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as { port: number }).port;
        done();
      });
    });
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  await listen();
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    async refuse() {
      await new Promise<void>((done) => {
        server.close(() => done());
        dropAll();
      });
    },
    blackhole() {
      mode = 'blackhole';
      dropAll();
    },
    async restore() {
      mode = 'open';
      if (!server.listening) await listen();
    },
    async close() {
      dropAll();
      if (server.listening) await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
