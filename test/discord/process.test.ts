import { afterEach, describe, expect, test } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { KNOWLEDGE_DIR } from './harness.ts';
import { endRun, runScript } from './process.ts';

/** `npm start` itself, as a process: what an operator sees when starting it. */
describe('GIVEN the bot process (npm start) and a loopback Discord', () => {
  let fake: FakeDiscord | undefined;
  let run: ReturnType<typeof runScript> | undefined;
  afterEach(async () => {
    await endRun(run, fake);
    fake = run = undefined;
  });

  const envFor = (f: FakeDiscord, extra: Record<string, string> = {}) => ({
    KNOWLEDGE_DIR,
    DISCORD_TOKEN: f.token,
    DISCORD_APPLICATION_ID: f.applicationId,
    DISCORD_API_URL: f.apiUrl,
    ...extra,
  });

  test('WHEN it starts THEN it connects, answers /numbers, and stops on SIGTERM', async () => {
    fake = await startFakeDiscord();
    const spawnedAt = performance.now();
    run = runScript('src/main.ts', envFor(fake));
    await fake.gateway.events.waitFor((e) => e.kind === 'ready', { timeoutMs: 15_000, what: 'READY sent to the bot process' });
    await run.stderr.waitFor((line) => line.includes('connected to Discord'), { timeoutMs: 15_000 });
    console.info(`discord: bot process from spawn to ready in ${(performance.now() - spawnedAt).toFixed(0)} ms`);
    const { body } = await fake.slashCommand({ name: 'numbers' }).reply();
    expect(body.embeds[0].title).toBe('Figures');
    expect(run.stderr.items.join('\n')).not.toContain(fake.token);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });

  test('WHEN Discord rejects the token at the gateway (close 4004) THEN the process ends with one clear line, without reconnecting', async () => {
    fake = await startFakeDiscord();
    fake.gateway.rejectIdentifyWith = 4004;
    run = runScript('src/main.ts', envFor(fake));
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.plainErrors()).toEqual([expect.stringMatching(/^depeche: Discord rejected DISCORD_TOKEN \(close 4004: authentication failed\)/)]);
    expect(run.stderr.items.join('\n')).not.toMatch(/\n\s+at /);
    // Nor a warning repeating it first (the library's "Authentication failed").
    expect(run.stderr.items.filter((line) => line.startsWith('{') && (JSON.parse(line) as { level: number }).level >= 40)).toEqual([]);
    expect(fake.gateway.events.items.filter((e) => e.kind === 'identify')).toHaveLength(1);
  });

  test('WHEN DISCORD_APPLICATION_ID is missing THEN one line names it and the process exits 1', async () => {
    run = runScript('src/main.ts', { KNOWLEDGE_DIR, DISCORD_TOKEN: 'some-token-value' });
    expect((await run.exited).code).toBe(1);
    expect(run.plainErrors()).toEqual(['depeche: DISCORD_APPLICATION_ID is missing (DISCORD_TOKEN is set)']);
  });
});
