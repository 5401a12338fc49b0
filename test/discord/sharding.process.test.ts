import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { getHealth } from '../ops/helpers.ts';
import { KNOWLEDGE_DIR } from './harness.ts';
import { endRun, runScript } from './process.ts';

type Run = ReturnType<typeof runScript>;
interface Line {
  msg?: string;
  shard?: number;
  pid?: number;
  port?: number;
}

const START_MS = 90_000;
const parse = (line: string): Line => (line.startsWith('{') ? (JSON.parse(line) as Line) : {});
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `npm start` with DISCORD_SHARDS=auto, as processes: the manager and one child per shard, against a loopback Discord
 * that asks for two shards and routes each guild's events to its shard. One start for the whole file (starting three
 * Node processes is the slow part), the tests in order.
 */
describe('GIVEN npm start with DISCORD_SHARDS=auto and a loopback Discord that asks for two shards', () => {
  let fake: FakeDiscord;
  let run: Run;
  let healthPort: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'depeche-shards-'));
  /** A channel subscribed an hour ago to a daily briefing two minutes ago: due at start. */
  const briefed = '310000000000000001';
  const lines = () => run.stderr.items.map(parse);
  /** The first log line, from index `from` of stderr on, that matches. */
  const lineAfter = (from: number, match: (line: Line) => boolean, what: string, timeoutMs = 15_000) =>
    run.stderr.waitFor((text) => run.stderr.items.indexOf(text) >= from && match(parse(text)), { what, timeoutMs });
  const startedPid = (shard: number, nth = 0) => lines().filter((line) => line.msg === `discord: shard ${shard} of 2 started (pid ${line.pid})`)[nth]?.pid;

  beforeAll(async () => {
    // max_concurrency 16: both shards may identify at once, so the manager does not space them 5.5 s apart.
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 16, heartbeatIntervalMs: 5000 });
    const now = Date.now();
    const due = new Date(now - 2 * 60_000).toISOString().slice(11, 16);
    const store = openSqliteStore({ dataDir });
    await store.subscribe({ channel: `discord:${briefed}`, schedule: { kind: 'daily', time: due, timeZone: 'UTC' }, lang: 'en', origin: 'command' }, now - 3600_000);
    store.close();
    run = runScript('src/main.ts', {
      KNOWLEDGE_DIR,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: 'auto',
      DATA_DIR: dataDir,
      HEALTH_PORT: '0',
    });
    await run.stderr.waitFor((line) => parse(line).msg === 'discord: every shard is ready', { timeoutMs: START_MS, what: 'every shard ready' });
    healthPort = lines().find((line) => line.msg === 'health: serving /healthz')!.port!;
  }, START_MS + 10_000);
  afterAll(() => endRun(run, fake));

  test('THEN two shard processes identify as [0, 2] and [1, 2], each is told of its own guild, and /healthz lists both shards up', async () => {
    expect([startedPid(0), startedPid(1)]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(startedPid(0)).not.toBe(startedPid(1));
    const identifies = fake.gateway.events.items.flatMap((event) => (event.kind === 'identify' ? [event.shard] : []));
    expect(identifies).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.gateway.events.items.filter((event) => event.kind === 'dispatch' && event.t === 'GUILD_CREATE')).toEqual([
      { kind: 'dispatch', t: 'GUILD_CREATE', shard: 0 },
      { kind: 'dispatch', t: 'GUILD_CREATE', shard: 1 },
    ]);
    expect(await getHealth(healthPort)).toEqual({ status: 200, body: { status: 'ok', platforms: { discord: 'up' }, shards: { 0: 'up', 1: 'up' } } });
  });

  test('THEN the briefing due is posted once across the shards, by shard 0 (the one scheduler), through REST', async () => {
    const post = await fake.channelMessage(briefed);
    expect(JSON.stringify(post.body.embeds)).toContain('Aleppo');
    const schedulers = lines().filter((line) => line.msg === 'briefings: scheduler started');
    expect(schedulers.map((line) => line.shard)).toEqual([0]);
    await run.stderr.waitFor((line) => parse(line).msg === 'briefings: posted', { what: 'the post recorded' });
    const store = openSqliteStore({ dataDir });
    try {
      expect((await store.claims(`discord:${briefed}`)).map((claim) => claim.outcome)).toEqual(['posted']);
    } finally {
      store.close();
    }
    expect(fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${briefed}/messages`)).toHaveLength(1);
  });

  test.each([0, 1])('WHEN /ask runs in the guild of shard %i THEN only that shard gets it, and it is answered once', async (shard) => {
    const sent = fake.slashCommand({ name: 'ask', options: { question: 'How many people left Aleppo?' }, guild: fake.guilds[shard]! });
    const { body } = await sent.reply();
    expect(body.embeds[0].description).toMatch(/25,000/);
    expect(fake.requests.filter((request) => request.path === `/interactions/${sent.id}/${sent.token}/callback`).map((request) => request.status)).toEqual([204]);
    expect(fake.gateway.events.items.filter((event) => event.kind === 'dispatch' && event.t === 'INTERACTION_CREATE').at(-1)).toEqual({ kind: 'dispatch', t: 'INTERACTION_CREATE', shard });
  });

  test('WHEN Depeche is mentioned in the guild of shard 1, and written to in a DM THEN shard 1 replies in the guild and shard 0 in the DM, once each', async () => {
    const guild = fake.guilds[1]!;
    const mention = fake.sendMessage({ content: `<@${fake.bot.id}> who retook Aleppo?`, mentionsBot: true, guild });
    expect((await fake.channelMessage(guild.channelId, mention.id)).body.embeds[0].description).toMatch(/retook Aleppo/);
    const dm = '900000000000000002';
    fake.sendMessage({ content: 'Combien de personnes ont quitté Alep ?', dm });
    expect((await fake.channelMessage(dm)).body.embeds[0].description).toMatch(/25'000/);
    const routed = fake.gateway.events.items.filter((event) => event.kind === 'dispatch' && event.t === 'MESSAGE_CREATE');
    expect(routed.map((event) => event.kind === 'dispatch' && event.shard)).toEqual([1, 0]);
    const replies = fake.requests.filter((request) => request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path) && request.path !== `/channels/${briefed}/messages`);
    expect(replies.map((request) => request.path)).toEqual([`/channels/${guild.channelId}/messages`, `/channels/${dm}/messages`]);
  });

  test('WHEN the process of shard 1 dies THEN the manager respawns it, and its guild is answered again', async () => {
    const first = startedPid(1)!;
    const from = run.stderr.items.length;
    process.kill(first, 'SIGKILL');
    await lineAfter(from, (line) => line.msg === 'discord: shard 1 exited; respawning it', 'the death noticed');
    // The manager's own health line (no shard field): the new shard 1 told it that it is ready.
    await lineAfter(from, (line) => line.msg === 'health: discord is up' && line.shard === undefined, 'shard 1 ready again', START_MS);
    expect(startedPid(1, 1)).not.toBe(first);
    expect(fake.gateway.events.items.filter((event) => event.kind === 'identify').at(-1)).toMatchObject({ shard: [1, 2] });
    const { body } = await fake.slashCommand({ name: 'numbers', guild: fake.guilds[1]! }).reply();
    expect(body.embeds[0].title).toBe('Figures');
    expect((await getHealth(healthPort)).body).toEqual({ status: 'ok', platforms: { discord: 'up' }, shards: { 0: 'up', 1: 'up' } });
  }, START_MS);

  test('WHEN the manager gets SIGTERM THEN every shard stops cleanly, none is respawned, and it exits 0', async () => {
    const pids = [startedPid(0)!, startedPid(1, 1)!];
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(pids.filter(isAlive)).toEqual([]);
    const stopped = lines().filter((line) => line.msg === 'stopped');
    expect(stopped.map((line) => line.shard ?? 'manager').sort()).toEqual([0, 1, 'manager']);
    expect(lines().filter((line) => line.msg?.startsWith('discord: shard 1 of 2 started'))).toHaveLength(2);
    expect(lines().filter((line) => line.msg?.startsWith('discord: shard 0 of 2 started'))).toHaveLength(1);
    expect(fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${briefed}/messages`)).toHaveLength(1);
  }, 30_000);
});
