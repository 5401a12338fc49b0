import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteStore, STORE_FILE } from '../../src/store/sqlite.ts';
import { StoreError, type Store } from '../../src/store/types.ts';

const opened: Store[] = [];
function open(dataDir: string, busyTimeoutMs?: number): Store {
  const store = openSqliteStore({ dataDir, busyTimeoutMs });
  opened.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

const freshDir = () => mkdtempSync(join(tmpdir(), 'depeche-store-'));
const daily = { kind: 'daily', time: '08:00', timeZone: 'Europe/Zurich' } as const;

function openError(dataDir: string, busyTimeoutMs?: number): StoreError {
  try {
    open(dataDir, busyTimeoutMs);
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('the store opened');
}

/** What only the SQLite store does (a file, its schema version); what every store does is in contract.test.ts. */
describe('the SQLite store', () => {
  it('GIVEN an empty DATA_DIR THEN it creates the file with the latest schema, and subscriptions survive a reopen', async () => {
    const dir = join(freshDir(), 'nested', 'data');
    const store = open(dir);
    expect(store.location).toBe(join(dir, STORE_FILE));
    const sub = await store.subscribe({ channel: 'discord:1', schedule: daily, lang: 'fr', origin: 'command' }, 1000);
    await store.close();

    const raw = new Database(join(dir, STORE_FILE));
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    expect(await open(dir).subscriptions()).toEqual([{ ...sub, createdAt: 1000 }]);
  });

  it('GIVEN a file at schema version 1 THEN it is migrated to the latest version and keeps its rows', async () => {
    const dir = freshDir();
    const raw = new Database(join(dir, STORE_FILE));
    raw.exec(MIGRATIONS[0]!);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO subscriptions (channel, kind, pattern, time_zone, lang, origin, created_at) VALUES ('slack:C1', 'cron', '0 9 * * 1-5', 'UTC', 'en', 'command', 5)").run();
    raw.close();

    const store = open(dir);
    expect((await store.subscriptions('slack:C1')).map((s) => s.schedule)).toEqual([{ kind: 'cron', cron: '0 9 * * 1-5', timeZone: 'UTC' }]);
    await store.recordUnanswered('Who won?');
    expect(await store.listUnanswered()).toHaveLength(1);
  });

  it('GIVEN a file at schema version 2 THEN its subscriptions become plain ones (not only-new, no article posted yet)', async () => {
    const dir = freshDir();
    const raw = new Database(join(dir, STORE_FILE));
    for (const step of MIGRATIONS.slice(0, 2)) raw.exec(step);
    raw.pragma('user_version = 2');
    raw.prepare("INSERT INTO subscriptions (channel, kind, pattern, time_zone, lang, origin, created_at) VALUES ('discord:9', 'daily', '08:00', 'UTC', 'fr', 'config', 7)").run();
    raw.close();

    const [migrated] = await open(dir).subscriptions();
    expect(migrated).toEqual({ id: 1, channel: 'discord:9', schedule: { kind: 'daily', time: '08:00', timeZone: 'UTC' }, lang: 'fr', origin: 'config', createdAt: 7, onlyNew: false });
  });
});

describe('a store that cannot be opened', () => {
  it('GIVEN a corrupt file THEN one StoreError names the file and says what to do', () => {
    const dir = freshDir();
    writeFileSync(join(dir, STORE_FILE), 'this is not a database, just some text that is long enough to be a header '.repeat(20));
    const error = openError(dir);
    expect(error.file).toBe(join(dir, STORE_FILE));
    expect(error.message).toContain(join(dir, STORE_FILE));
    expect(error.message).toMatch(/not a valid SQLite database \(SQLITE_NOTADB\)/);
    expect(error.message).not.toContain('\n');
  });

  it('GIVEN a DATA_DIR that cannot be created THEN the error names the folder and the file', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a-file'), '');
    const error = openError(join(dir, 'a-file', 'data'));
    expect(error.message).toMatch(/cannot create the data folder .*a-file\/data \(ENOTDIR\); set DATA_DIR/);
    expect(error.file).toBe(join(dir, 'a-file', 'data', STORE_FILE));
  });

  it('GIVEN another process holding the file locked THEN the error says it is locked', () => {
    const dir = freshDir();
    const holder = new Database(join(dir, STORE_FILE));
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(openError(dir, 50).message).toMatch(new RegExp(`store ${join(dir, STORE_FILE)} is locked by another process \\(SQLITE_BUSY\\)`));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('GIVEN a file from a newer Depeche THEN it is left alone with a clear error', () => {
    const dir = freshDir();
    const raw = new Database(join(dir, STORE_FILE));
    raw.pragma('user_version = 99');
    raw.close();
    expect(openError(dir).message).toMatch(/schema version 99, newer than this Depeche knows/);
  });
});
