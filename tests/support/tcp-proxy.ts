/**
 * A TCP proxy in front of a server, that a test can cut and restore: the database outage of
 * tests/service/database-outage.test.ts without stopping the shared PostgreSQL.
 */
import { once } from 'node:events';
import net from 'node:net';

export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;

  async function listen(): Promise<void> {
    server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as net.AddressInfo).port;
  }

  await listen();
  return {
    get port() {
      return port;
    },
    /** Refuses new connections and resets the open ones, as a database going away does. */
    async cut(): Promise<void> {
      const closed = new Promise((resolve) => server!.close(resolve));
      for (const socket of sockets) socket.resetAndDestroy();
      await closed;
    },
    /** Accepts connections again, on the same port. */
    restore: listen,
    close(): Promise<void> {
      return this.cut();
    },
  };
}
