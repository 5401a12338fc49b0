import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteStore, STORE_FILE } from '../../src/store/sqlite.ts';
import { normalizeQuestion, StoreError, type Store } from '../../src/store/types.ts';

const opened: Store[] = [];
function open(dataDir: string, busyTimeoutMs?: number): Store {
  const store = openSqliteStore({ dataDir, busyTimeoutMs });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
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

describe('the SQLite store', () => {
  it('GIVEN an empty DATA_DIR THEN it creates the file with the latest schema, and subscriptions survive a reopen', async () => {
    const dir = join(freshDir(), 'nested', 'data');
    const store = open(dir);
    expect(store.location).toBe(join(dir, STORE_FILE));
    const sub = await store.subscribe({ channel: 'discord:1', schedule: daily, lang: 'fr', origin: 'command' }, 1000);
    store.close();

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

  it('GIVEN the same channel and schedule subscribed twice THEN there is one subscription, in the latest language', async () => {
    const store = open(freshDir());
    const first = await store.subscribe({ channel: 'discord:1', schedule: daily, lang: 'en', origin: 'command' }, 1);
    const second = await store.subscribe({ channel: 'discord:1', schedule: daily, lang: 'fr', origin: 'command' }, 2);
    expect(second.id).toBe(first.id);
    expect((await store.subscriptions('discord:1')).map((s) => s.lang)).toEqual(['fr']);
    await store.subscribe({ channel: 'discord:1', schedule: { ...daily, time: '18:00' }, lang: 'en', origin: 'command' }, 3);
    expect(await store.unsubscribe('discord:1', first.id)).toBe(1);
    expect(await store.subscriptions('discord:1')).toHaveLength(1);
    expect(await store.unsubscribe('discord:1')).toBe(1);
    expect(await store.subscriptions()).toEqual([]);
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

  it('GIVEN an only-new subscription THEN the article of its last post is kept, and renewing it keeps that article', async () => {
    const dir = freshDir();
    const store = open(dir);
    const sub = await store.subscribe({ channel: 'slack:C1', schedule: daily, lang: 'en', origin: 'command', onlyNew: true }, 1);
    expect(sub).toMatchObject({ onlyNew: true });
    expect(sub.lastArticle).toBeUndefined();
    await store.recordPostedArticle(sub.id, { id: 'summit', published: '2026-01-12' });
    await store.recordPostedArticle((await store.subscribe({ channel: 'slack:C2', schedule: daily, lang: 'en', origin: 'command' }, 1)).id, { id: 'undated' });
    const renewed = await store.subscribe({ channel: 'slack:C1', schedule: daily, lang: 'fr', origin: 'command' }, 2);
    expect(renewed).toMatchObject({ id: sub.id, onlyNew: false, lastArticle: { id: 'summit', published: '2026-01-12' } });
    store.close();
    expect((await open(dir).subscriptions()).map((s) => [s.channel, s.onlyNew, s.lastArticle])).toEqual([
      ['slack:C1', false, { id: 'summit', published: '2026-01-12' }],
      ['slack:C2', false, { id: 'undated' }],
    ]);
  });

  it('GIVEN two connections to one file claiming the same channel and slot THEN exactly one gets it, and the outcome is kept', async () => {
    const dir = freshDir();
    const a = open(dir);
    const b = open(dir);
    const claim = { channel: 'discord:1', slot: '2026-03-29T06:00:00.000Z', subscriptionId: 1 };
    const results = await Promise.all([a.claim({ ...claim, instance: 'a' }, 1), b.claim({ ...claim, instance: 'b' }, 1), a.claim({ ...claim, instance: 'a' }, 2)]);
    expect(results).toEqual([true, false, false]);
    expect(await b.claim({ ...claim, slot: '2026-03-30T06:00:00.000Z', instance: 'b' }, 3)).toBe(true);
    await a.finish(claim.channel, claim.slot, 'posted', undefined, 4);
    expect((await b.claims('discord:1')).map((c) => [c.instance, c.outcome ?? null])).toEqual([
      ['a', 'posted'],
      ['b', null],
    ]);
    expect(await a.pruneClaims(3)).toBe(1);
  });

  it('GIVEN a channel marked unreachable THEN every connection sees it until it is cleared', async () => {
    const dir = freshDir();
    const a = open(dir);
    await a.markUnreachable('slack:C9', 'channel_not_found', 7);
    expect(await open(dir).unreachable()).toEqual(new Map([['slack:C9', { reason: 'channel_not_found', since: 7 }]]));
    await a.clearUnreachable('slack:C9');
    expect((await a.unreachable()).size).toBe(0);
  });

  it('GIVEN unanswered questions THEN they are counted in normalized form, most asked first, with no user ids', async () => {
    const store = open(freshDir());
    await store.recordUnanswered('Who won the  World Cup?', 1);
    await store.recordUnanswered('what is the capital of Kazakhstan', 2);
    await store.recordUnanswered('who won the world cup', 3);
    await store.recordUnanswered('  ', 4);
    expect(await store.listUnanswered()).toEqual([
      { text: 'who won the world cup', count: 2, firstSeen: 1, lastSeen: 3 },
      { text: 'what is the capital of kazakhstan', count: 1, firstSeen: 2, lastSeen: 2 },
    ]);
    expect(await store.listUnanswered(1)).toHaveLength(1);
    expect(normalizeQuestion('  Où est Alep ?! ')).toBe('où est alep');
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
