import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where Debian's PostgreSQL 15 server lives on the machine image and in CI (see shared/notes/postgres.md). */
export const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface Cluster {
  /** The `postgres` database of the cluster, as its superuser (trust authentication, 127.0.0.1 only). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster on a free port, in a temporary folder, for tests and benches. PostgreSQL refuses to
 * run as root: as root (CI, sessions), the server runs as the `postgres` user through runuser.
 * `durable: false` turns fsync off: tests need no crash safety, and the machine's two cores are shared.
 */
export async function startCluster(options: { durable?: boolean } = {}): Promise<Cluster> {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 server not found in ${PG_BIN} (the store tests need it): apt-get install postgresql-15`);
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'depeche-pg-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])));
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', '-u', 'postgres', '--', join(PG_BIN, tool), ...args] : [join(PG_BIN, tool), ...args];
    // cwd: the postgres user may not be allowed into the repository's folder (a clone under /root).
    const result = spawnSync(command[0]!, command.slice(1), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) {
      const why = `${result.stderr}${result.stdout}`.trim().split('\n').pop() ?? result.error?.message ?? `exit ${result.status}`;
      throw new Error(`PostgreSQL test cluster: ${tool} failed: ${why}`);
    }
  };
  const port = await freePort();
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C', '--no-sync']);
  const settings = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])];
  run('pg_ctl', ['-D', data, '-o', settings.join(' '), '-l', join(dir, 'log'), '-w', 'start']);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let created = 0;

/** A new, empty database in the cluster: each test gets its own, so that tests running side by side never meet. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `depeche_${process.pid}_${++created}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
