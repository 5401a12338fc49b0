import { createConnection, createServer, type Socket } from 'node:net';

export interface CuttableProxy {
  port: number;
  /** `url` with the proxy's port instead of the database's. */
  through(url: string): string;
  /** The database is lost: open connections are cut, new ones are closed at once. */
  cut(): void;
  /** The database stops answering, as behind a network partition: nothing passes, nothing is closed. */
  hang(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of PostgreSQL that a test can cut and restore: a database lost and found again while
 * Depeche runs, without stopping the cluster that other tests share.
 */
export async function startCuttableProxy(target: { port: number; host?: string }): Promise<CuttableProxy> {
  const sockets = new Set<Socket>();
  let cut = false;
  let hung = false;
  const server = createServer((client) => {
    if (cut) return void client.destroy();
    if (hung) {
      // Accepted and never answered; closed when the partition ends.
      sockets.add(client);
      client.on('error', () => undefined);
      return;
    }
    const upstream = createConnection({ port: target.port, host: target.host ?? '127.0.0.1' });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port,
    through(url) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    cut() {
      cut = true;
      destroyAll();
    },
    hang() {
      hung = true;
      for (const socket of sockets) socket.pause();
    },
    restore() {
      cut = false;
      if (hung) {
        hung = false;
        // What was held during the partition is dropped, as TCP would after a long one.
        destroyAll();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        destroyAll();
        server.close(() => resolve());
      }),
  };
}
