import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, STORE_FILE } from '../../src/store/sqlite.ts';
import { REPO_ROOT } from '../ops/helpers.ts';
import { closeAll, freshDatabaseUrl, openPostgres } from './places.ts';

afterEach(closeAll);

/** `npm run store:migrate -- …args` as a user runs it, in an empty folder (no .env), with DATA_DIR as given. */
function storeMigrate(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const loader = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(REPO_ROOT, 'scripts/store-migrate.ts'), ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'depeche-migrate-')),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const daily = { kind: 'daily', time: '08:00', timeZone: 'Europe/Paris' } as const;

/** An SQLite store in a DATA_DIR, as a single instance left it. */
async function sqliteStoreWithData(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'depeche-sqlite-'));
  const store = openSqliteStore({ dataDir });
  const sub = await store.subscribe({ channel: 'slack:C1', schedule: daily, lang: 'fr', origin: 'command', onlyNew: true }, 1000);
  await store.recordPostedArticle(sub.id, { id: 'syria-ceasefire-talks', published: '2016-12-20' });
  await store.subscribe({ channel: 'discord:2', schedule: { kind: 'cron', cron: '0 9 * * 1-5', timeZone: 'UTC' }, lang: 'en', origin: 'config' }, 2000);
  await store.claim({ channel: 'slack:C1', slot: '2026-03-01T07:00:00.000Z', subscriptionId: sub.id, instance: 'old' }, 3000);
  await store.finish('slack:C1', '2026-03-01T07:00:00.000Z', 'posted', undefined, 3001);
  await store.markUnreachable('discord:9', 'Missing Access', 4000);
  await store.recordUnanswered('Who won the World Cup?', 5000);
  await store.recordUnanswered('who won the world cup', 6000);
  await store.recordUnanswered('Quelle est la capitale du Kazakhstan ?', 7000);
  await store.saveAnswer({ id: 'answer1', question: 'how many people left aleppo', entries: ['evacuees'], articles: ['syria-ceasefire-talks'], lang: 'en' }, 7100);
  await store.vote({ answerId: 'answer1', voter: 'voter1', helpful: false }, 7200);
  await store.close();
  return dataDir;
}

describe('npm run store:migrate', () => {
  it('GIVEN an SQLite store THEN it is copied into PostgreSQL with counts, and a second run copies nothing twice', async () => {
    const dataDir = await sqliteStoreWithData();
    const url = await freshDatabaseUrl();
    const { host, pathname } = new URL(url);
    const first = await storeMigrate(['--to', url], { DATA_DIR: dataDir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')).toEqual([
      `Copied ${join(dataDir, STORE_FILE)} into postgres://${host}${pathname}:`,
      '  subscriptions         2 copied, 0 already there',
      '  claims                1 copied, 0 already there',
      '  unreachable channels  1 copied, 0 already there',
      '  unanswered questions  2 copied, 0 merged (larger count kept), 0 already there',
      '  rated answers         1 copied, 0 already there',
      '  votes                 1 copied, 0 already there',
      '',
    ]);

    // Meanwhile an instance on PostgreSQL counted one of the questions again.
    const store = await openPostgres(url);
    await store.recordUnanswered('who won the world cup', 8000);
    const second = await storeMigrate(['--from', join(dataDir, STORE_FILE), '--to', url]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('  subscriptions         0 copied, 2 already there');
    expect(second.stdout).toContain('  claims                0 copied, 1 already there');
    expect(second.stdout).toContain('  unanswered questions  0 copied, 0 merged (larger count kept), 2 already there');
    expect(second.stdout).toContain('  votes                 0 copied, 1 already there');

    const subscriptions = await store.subscriptions();
    expect(subscriptions.map(({ id: _id, ...rest }) => rest)).toEqual([
      { channel: 'slack:C1', schedule: daily, lang: 'fr', origin: 'command', createdAt: 1000, onlyNew: true, lastArticle: { id: 'syria-ceasefire-talks', published: '2016-12-20' } },
      { channel: 'discord:2', schedule: { kind: 'cron', cron: '0 9 * * 1-5', timeZone: 'UTC' }, lang: 'en', origin: 'config', createdAt: 2000, onlyNew: false },
    ]);
    expect(await store.claims()).toEqual([
      { channel: 'slack:C1', slot: '2026-03-01T07:00:00.000Z', subscriptionId: subscriptions[0]!.id, instance: 'old', claimedAt: 3000, outcome: 'posted' },
    ]);
    expect(await store.unreachable()).toEqual(new Map([['discord:9', { reason: 'Missing Access', since: 4000 }]]));
    expect(await store.listUnanswered()).toEqual([
      { text: 'who won the world cup', count: 3, firstSeen: 5000, lastSeen: 8000 },
      { text: 'quelle est la capitale du kazakhstan', count: 1, firstSeen: 7000, lastSeen: 7000 },
    ]);
    // The votes came along, and the answer can still be rated from an instance on PostgreSQL.
    expect(await store.vote({ answerId: 'answer1', voter: 'voter2', helpful: false }, 9000)).toBe(true);
    expect(await store.listVotes({ helpful: false })).toEqual([
      { question: 'how many people left aleppo', entries: ['evacuees'], articles: ['syria-ceasefire-talks'], lang: 'en', helpful: 0, notHelpful: 2, lastVoted: 9000 },
    ]);
    // A claimed slot stays claimed: the instances on PostgreSQL do not post it again.
    expect(await store.claim({ channel: 'slack:C1', slot: '2026-03-01T07:00:00.000Z', subscriptionId: 1, instance: 'new' }, 9000)).toBe(false);
  });

  it('GIVEN a wrong --to or no store to copy THEN one line says what is wrong, without the password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depeche-empty-'));
    const badUrl = await storeMigrate(['--to', 'mysql://depeche:hunter2secret@db/depeche'], { DATA_DIR: dataDir });
    expect(badUrl).toEqual({ code: 1, stdout: '', stderr: 'store:migrate: --to: must be a URL such as postgres://user:password@host:5432/database\n' });
    const noStore = await storeMigrate(['--to', 'postgres://depeche:hunter2secret@127.0.0.1:1/depeche'], { DATA_DIR: dataDir });
    expect(noStore).toEqual({ code: 1, stdout: '', stderr: `store:migrate: no SQLite store at ${join(dataDir, STORE_FILE)}; give --from the DATA_DIR or the file to copy\n` });
    const noTo = await storeMigrate([], { DATA_DIR: dataDir });
    expect(noTo.stderr).toBe('store:migrate: --to is missing; usage: npm run store:migrate -- --to postgres://… [--from DATA_DIR]\n');
  });
});
