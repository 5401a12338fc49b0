import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openSqliteStore, STORE_FILE } from '../../src/store/sqlite.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { KNOWLEDGE_DIR } from '../discord/harness.ts';
import { endRun, runScript } from '../discord/process.ts';
import { report } from '../report/run.ts';

describe('GIVEN npm start with a store in DATA_DIR', () => {
  let fake: FakeDiscord | undefined;
  let run: ReturnType<typeof runScript> | undefined;
  afterEach(async () => {
    await endRun(run, fake);
    fake = run = undefined;
  });

  test('WHEN the store file is corrupt THEN the process exits 1 with one line naming the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depeche-corrupt-'));
    writeFileSync(join(dataDir, STORE_FILE), 'not a database '.repeat(100));
    run = runScript('src/main.ts', { KNOWLEDGE_DIR, DISCORD_TOKEN: 'some-token-value', DISCORD_APPLICATION_ID: '100000000000000001', DATA_DIR: dataDir });
    expect((await run.exited).code).toBe(1);
    expect(run.plainErrors()).toEqual([
      `depeche: store ${join(dataDir, STORE_FILE)} is not a valid SQLite database (SQLITE_NOTADB); move it aside (a new one is created at start) or restore a backup`,
    ]);
  });

  test('WHEN it runs THEN BRIEFING_CHANNELS become subscriptions and unanswered questions are recorded for npm run report:unanswered', async () => {
    fake = await startFakeDiscord();
    const dataDir = join(mkdtempSync(join(tmpdir(), 'depeche-run-')), 'data');
    run = runScript('src/main.ts', {
      KNOWLEDGE_DIR,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      BRIEFING_CHANNELS: `discord:${fake.guild.channelId}`,
      BRIEFING_TIME: '07:15',
      BRIEFING_TZ: 'Europe/Zurich',
    });
    await run.stderr.waitFor((line) => line.includes('briefings: scheduler started'), { timeoutMs: 15_000 });
    for (const question of ['Who won the World Cup?', 'who won the world cup', 'What is the capital of Kazakhstan?']) {
      const { body } = await fake.slashCommand({ name: 'ask', options: { question } }).reply();
      expect(body.embeds[0].description).toMatch(/^I can only answer from the article/);
    }
    await fake.slashCommand({ name: 'ask', options: { question: 'hello' } }).reply();
    await fake.slashCommand({ name: 'ask', options: { question: 'How many people left Aleppo?' } }).reply();
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);

    const store = openSqliteStore({ dataDir });
    try {
      expect(await store.subscriptions()).toMatchObject([{ channel: `discord:${fake.guild.channelId}`, origin: 'config', lang: 'en', schedule: { kind: 'daily', time: '07:15', timeZone: 'Europe/Zurich' } }]);
    } finally {
      store.close();
    }
    const listed = await report(dataDir);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').slice(2, 6)).toEqual([
      'Questions refused, most asked first:',
      'asked  last seen (UTC)   question',
      expect.stringMatching(/^ {4}2 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}who won the world cup$/),
      expect.stringMatching(/^ {4}1 {2}.* {2}what is the capital of kazakhstan$/),
    ]);
    const json = JSON.parse((await report(dataDir, ['--json', '--limit', '1'])).stdout) as { refused: { question: string; count: number }[] };
    expect(json.refused).toMatchObject([{ question: 'who won the world cup', count: 2 }]);
  });

  test('WHEN no store exists yet THEN the report says so and creates nothing', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'depeche-none-')), 'data');
    const listed = await report(dataDir);
    expect(listed).toMatchObject({ code: 0, stdout: `No store at ${join(dataDir, STORE_FILE)} yet: nothing recorded.\n` });
  });
});
