import { createServer } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../../src/store/postgres-schema.ts';
import { StoreError, type Store } from '../../src/store/types.ts';
import { Recorder } from '../fakes/recorder.ts';
import { startCuttableProxy, type CuttableProxy } from '../postgres/proxy.ts';
import { closeAll, databaseConfig, freshDatabaseUrl, openPostgres } from './places.ts';

let proxy: CuttableProxy | undefined;
afterEach(async () => {
  await closeAll();
  await proxy?.close();
  proxy = undefined;
});

const daily = { kind: 'daily', time: '08:00', timeZone: 'UTC' } as const;

async function rows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function openError(url: string): Promise<StoreError> {
  const error = await openPostgresStore({ database: databaseConfig(url), connectTimeoutMs: 2000 }).then(
    (store) => store.close().then(() => new Error('the store opened')),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** What a store tells its listeners, to wait on. */
function listen(store: Store): Recorder<string> {
  const heard = new Recorder<string>('store listener', (item) => item);
  store.watch!({ onState: (state) => heard.push(state), onChange: () => heard.push('changed') });
  return heard;
}

/** What only the PostgreSQL store does (schema versions, several machines, a lost database); the rest is in contract.test.ts. */
describe('the PostgreSQL store', () => {
  it('GIVEN four instances starting at once on an empty database THEN each migration runs once and all of them work', async () => {
    const url = await freshDatabaseUrl();
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgres(url)));
    const applied = await rows<{ version: number; name: string }>(url, `SELECT version, name FROM ${MIGRATIONS_TABLE} ORDER BY version`);
    expect(applied).toEqual(MIGRATIONS.map((step, index) => ({ version: index + 1, name: step.name })));
    await stores[0]!.subscribe({ channel: 'slack:C1', schedule: daily, lang: 'en', origin: 'command' }, 1);
    expect(await stores[3]!.subscriptions()).toHaveLength(1);
    // Opening again finds nothing to do.
    await openPostgres(url);
    expect(await rows(url, `SELECT version FROM ${MIGRATIONS_TABLE}`)).toHaveLength(MIGRATIONS.length);
  });

  it('GIVEN a database migrated by a newer Depeche THEN it is left alone with a clear error', async () => {
    const url = await freshDatabaseUrl();
    await (await openPostgres(url)).close();
    await rows(url, `INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES (99, 'from the future')`);
    const { host, port, name } = databaseConfig(url);
    expect((await openError(url)).message).toBe(
      `database postgres://${host}:${port}/${name} has schema version 99, newer than this Depeche knows (${MIGRATIONS.length}); run a newer Depeche or point DATABASE_URL elsewhere`,
    );
  });

  it('GIVEN nothing listening at the address THEN one line names the host and the database, never the password', async () => {
    const port = await closedPort();
    const error = await openError(`postgres://depeche:hunter2secret@127.0.0.1:${port}/briefings`);
    expect(error.message).toBe(`cannot reach the database "briefings" on 127.0.0.1:${port} (ECONNREFUSED); check DATABASE_URL and that PostgreSQL is running there`);
    expect(error.file).toBe(`postgres://127.0.0.1:${port}/briefings`);
  });

  it('GIVEN a database that does not exist THEN the error says so and how to create it', async () => {
    const url = new URL(inject('postgresAdminUrl'));
    url.pathname = '/no_such_database';
    url.password = 'hunter2secret';
    const error = await openError(url.toString());
    expect(error.message).toBe(`the database "no_such_database" on 127.0.0.1:${url.port} does not exist (3D000); create it (createdb no_such_database) or fix DATABASE_URL`);
  });

  it('GIVEN two instances THEN a subscription made through one is announced to the other at once', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await openPostgres(url), await openPostgres(url)];
    const heard = listen(b);
    await a.subscribe({ channel: 'slack:C1', schedule: daily, lang: 'en', origin: 'command' }, 1);
    await heard.waitFor((item) => item === 'changed', 'the change');
    await a.unsubscribe('slack:C1');
    await heard.waitFor(() => heard.items.filter((item) => item === 'changed').length === 2, 'the second change');
  });

  it('GIVEN the database lost while running THEN the store says down, queries fail fast, and once it is back it says up and changed', async () => {
    const url = await freshDatabaseUrl();
    proxy = await startCuttableProxy({ port: Number(new URL(url).port) });
    const store = await openPostgres(proxy.through(url), { retryMs: 100, connectTimeoutMs: 1000 });
    const heard = listen(store);
    await store.recordUnanswered('who won the world cup', 1);

    proxy.cut();
    await heard.waitFor((item) => item === 'down', 'down');
    await expect(store.recordUnanswered('who won the world cup', 2)).rejects.toThrow();
    await expect(store.claim({ channel: 'slack:C1', slot: 'x', subscriptionId: 1, instance: 'a' }, 2)).rejects.toThrow();

    proxy.restore();
    await heard.waitFor((item) => item === 'up', 'up');
    await heard.waitFor((item) => item === 'changed', 'the change after coming back');
    expect(heard.items).toEqual(['down', 'up', 'changed']);
    await store.recordUnanswered('who won the world cup', 3);
    expect(await store.listUnanswered()).toEqual([{ text: 'who won the world cup', count: 2, firstSeen: 1, lastSeen: 3 }]);
    // The claim that failed was not made: it can be made now.
    expect(await store.claim({ channel: 'slack:C1', slot: 'x', subscriptionId: 1, instance: 'a' }, 4)).toBe(true);
  });

  it('GIVEN a database that stops answering (a partition) THEN queries fail after the timeout, and the store says down until it answers again', async () => {
    const url = await freshDatabaseUrl();
    proxy = await startCuttableProxy({ port: Number(new URL(url).port) });
    const store = await openPostgres(proxy.through(url), { retryMs: 100, connectTimeoutMs: 500, queryTimeoutMs: 500 });
    const heard = listen(store);
    proxy.hang();
    await expect(store.firstDelivery('slack-event:Ev1', 60_000)).rejects.toThrow(/timeout/i);
    await heard.waitFor((item) => item === 'down', 'down');
    proxy.restore();
    await heard.waitFor((item) => item === 'up', 'up');
    expect(await store.firstDelivery('slack-event:Ev1', 60_000)).toBe(true);
  });
});

/** A port nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
