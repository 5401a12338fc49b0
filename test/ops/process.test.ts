import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/core/messages.ts';
import { endRun, runScript } from '../discord/process.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { ARTICLE, getHealth, KNOWLEDGE_DIR, knowledgeCopy } from './helpers.ts';

const DM = '500000000000000009';
const EPHEMERAL = 64;

/** `npm start` as a process against the loopback Discord: what an orchestrator sees when it stops or probes it. */
describe('GIVEN the bot process serving Discord with HEALTH_PORT set', () => {
  let fake: FakeDiscord | undefined;
  let run: ReturnType<typeof runScript> | undefined;
  afterEach(async () => {
    await endRun(run, fake);
    fake = run = undefined;
  });

  async function start(knowledgeDir = KNOWLEDGE_DIR) {
    fake = await startFakeDiscord();
    run = runScript('src/main.ts', {
      KNOWLEDGE_DIR: knowledgeDir,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      HEALTH_PORT: '0',
    });
    const serving = await run.stderr.waitFor((line) => line.includes('health: serving'), { timeoutMs: 15_000, what: 'the health server line' });
    await run.stderr.waitFor((line) => line.includes('connected to Discord'), { timeoutMs: 15_000, what: 'the connected line' });
    const port = (JSON.parse(serving) as { port: number }).port;
    await run.stderr.waitFor((line) => line.includes('health: discord is up'), { timeoutMs: 15_000, what: 'discord up' });
    return { fake, run, port };
  }

  it('WHEN SIGTERM comes with a reply in flight THEN new questions are turned away, the reply is finished, and it exits 0', async () => {
    const { fake, run, port } = await start();
    expect((await getHealth(port)).status).toBe(200);

    // Discord is slow to take the answer: the reply stays in flight.
    const hold = fake.rest.holdNext('POST', new RegExp(`^/channels/${DM}/messages$`));
    fake.sendMessage({ dm: DM, content: 'How many people left Aleppo?' });
    await hold.arrived;

    run.child.kill('SIGTERM');
    await run.stderr.waitFor((line) => line.includes('shutting down: no new questions'), { what: 'the shutdown line' });
    expect(await getHealth(port)).toEqual({ status: 503, body: { status: 'stopping', platforms: { discord: 'stopping' } } });

    // A question arriving now gets a short private reply instead of an answer.
    const late = await fake.slashCommand({ name: 'ask', options: { question: 'Who retook Aleppo?' } }).reply();
    expect(late.body.embeds[0].description).toBe(messages.en.shuttingDown);
    expect(late.body.flags).toBe(EPHEMERAL);
    expect(run.child.exitCode).toBeNull();

    hold.release();
    const delivered = await fake.channelMessage(DM);
    expect(delivered.status).toBe(200);
    expect(JSON.stringify(delivered.body.embeds)).toMatch(/25[,']?000/);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    const log = run.stderr.items.join('\n');
    expect(log).toContain('shutting down: replies in flight finished');
    expect(log).toContain('"msg":"stopped"');
    expect(log).not.toContain(fake.token);
  });

  it('WHEN SIGINT comes with nothing in flight THEN it stops at once and exits 0', async () => {
    const { run } = await start();
    const signalledAt = performance.now();
    run.child.kill('SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(performance.now() - signalledAt).toBeLessThan(4000);
    expect(run.stderr.items.join('\n')).toContain('"reason":"SIGINT"');
  });

  it('WHEN knowledge/ is edited while it runs THEN a valid edit is served next, and an invalid one is logged and ignored', async () => {
    const dir = knowledgeCopy();
    try {
      const { fake, run } = await start(dir);
      const path = join(dir, ARTICLE, 'summary.json');
      const original = readFileSync(path, 'utf8');
      const ask = async () => (await fake.slashCommand({ name: 'ask', options: { question: 'What did Russia, Iran and Turkey agree to?' } }).reply()).body.embeds[0].description as string;
      expect(await ask()).not.toContain('(edited live)');

      writeFileSync(path, original.replace('committed to work towards a ceasefire across the whole of Syria', 'committed to work towards a ceasefire across the whole of Syria (edited live)'));
      await run.stderr.waitFor((line) => line.includes('knowledge reloaded'), { what: 'the reload line' });
      expect(await ask()).toContain('(edited live)');

      const summary = JSON.parse(readFileSync(path, 'utf8')) as { facts: { id: string; quote: string }[] };
      summary.facts.find((fact) => fact.id === 'ceasefire-commitment')!.quote = 'a quote the article does not have';
      writeFileSync(path, JSON.stringify(summary));
      // (A save caught half-written would be refused too, as not valid JSON: the refusal of this edit names the quote.)
      const refused = await run.stderr.waitFor((line) => line.includes('knowledge reload refused') && line.includes('quote'), { what: 'the refusal line' });
      expect((JSON.parse(refused) as { error: string }).error).toBe(`${path}: fact "ceasefire-commitment", field "quote": not found verbatim in article.txt`);
      expect(await ask()).toContain('(edited live)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('WHEN Discord becomes unreachable THEN /healthz answers 503 with discord down', async () => {
    const { fake, run, port } = await start();
    await fake.gateway.close();
    await run.stderr.waitFor((line) => line.includes('health: discord is down'), { what: 'discord down' });
    expect(await getHealth(port)).toEqual({ status: 503, body: { status: 'down', platforms: { discord: 'down' } } });
  });
});

describe('GIVEN the bot process serving Slack in HTTP mode', () => {
  let fake: FakeSlack | undefined;
  let run: ReturnType<typeof runScript> | undefined;
  afterEach(async () => {
    await endRun(run, fake);
    fake = run = undefined;
  });

  it('WHEN probed THEN /healthz is served on PORT next to /slack/events, and SIGTERM exits 0', async () => {
    fake = await startFakeSlack();
    run = runScript('src/main.ts', { KNOWLEDGE_DIR, SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: fake.signingSecret, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    const listening = await run.stderr.waitFor((line) => line.includes('slack: listening'), { timeoutMs: 15_000, what: 'the listening line' });
    const port = (JSON.parse(listening) as { port: number }).port;
    expect(await getHealth(port)).toEqual({ status: 200, body: { status: 'ok', platforms: { slack: 'up' } } });
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });
});
