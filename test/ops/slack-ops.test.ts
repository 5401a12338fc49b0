import { commands } from '../../commands/index.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createDepeche, type Depeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { HEALTH_PATH, HealthRegistry, startHealthServer, type PlatformState } from '../../src/ops/health.ts';
import { InFlight } from '../../src/ops/in-flight.ts';
import { startSlack, type SlackAdapter } from '../../src/slack/start.ts';
import { Recorder } from '../fakes/recorder.ts';
import { directMessage, eventCallback, startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { captureLogs, getHealth, KNOWLEDGE_DIR } from './helpers.ts';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);

describe('GIVEN the Slack adapter reporting its state and its work in flight', () => {
  let fake: FakeSlack | undefined;
  let adapter: SlackAdapter | undefined;
  let healthServer: Awaited<ReturnType<typeof startHealthServer>> | undefined;
  afterEach(async () => {
    await adapter?.stop();
    await healthServer?.close();
    await fake?.close();
    fake = adapter = healthServer = undefined;
  });

  async function start(mode: 'http' | 'socket', depeche?: Depeche) {
    fake = await startFakeSlack();
    const config = parseConfig({
      SLACK_BOT_TOKEN: fake.botToken,
      ...(mode === 'http' ? { SLACK_SIGNING_SECRET: fake.signingSecret } : { SLACK_APP_TOKEN: fake.appToken }),
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
    });
    const registry = new HealthRegistry();
    const states = new Recorder<{ platform: string; state: PlatformState }>('health', (change) => `${change.platform} ${change.state}`);
    registry.onChange((platform, state) => states.push({ platform, state }));
    const inFlight = new InFlight();
    adapter = await startSlack({
      config: config.slack!,
      depeche: depeche ?? createDepeche({ commands, knowledge, config }),
      logger: captureLogs([fake.botToken, fake.appToken, fake.signingSecret]).logger,
      clientOptions: { retryConfig: { retries: 0 }, timeout: 2000 },
      listen: { port: 0, host: '127.0.0.1' },
      onState: registry.reporter('slack'),
      inFlight,
      customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: registry.handle }],
    });
    return { fake, adapter, registry, states, inFlight };
  }

  it('WHEN it serves HTTP mode THEN /healthz is served next to /slack/events, 200 with slack up', async () => {
    const { adapter } = await start('http');
    expect(await getHealth(adapter.port!)).toEqual({ status: 200, body: { status: 'ok', platforms: { slack: 'up' } } });
  });

  it('WHEN the Socket Mode connection drops THEN slack is down (503) until the client has reconnected', async () => {
    const { fake, registry, states } = await start('socket');
    healthServer = await startHealthServer({ registry, port: 0, host: '127.0.0.1' });
    await states.waitFor((change) => change.state === 'up', { what: 'slack up' });
    expect((await getHealth(healthServer.port)).status).toBe(200);

    fake.socket.disconnect();
    const down = await states.waitFor((change) => change.state === 'down', { what: 'slack down' });
    expect(registry.report()).toEqual({ status: 'down', platforms: { slack: 'down' } });
    await fake.socket.waitForConnection(2, 20_000);
    await states.waitFor((change) => change.state === 'up' && states.items.indexOf(change) > states.items.indexOf(down), { what: 'slack up again', timeoutMs: 15_000 });
    expect((await getHealth(healthServer.port)).status).toBe(200);
  });

  it('WHEN Slack stays unreachable THEN /healthz answers 503 with slack down', async () => {
    const { fake, registry, states } = await start('socket');
    healthServer = await startHealthServer({ registry, port: 0, host: '127.0.0.1' });
    await states.waitFor((change) => change.state === 'up', { what: 'slack up' });
    await fake.close();
    await states.waitFor((change) => change.state === 'down', { what: 'slack down' });
    expect(await getHealth(healthServer.port)).toEqual({ status: 503, body: { status: 'down', platforms: { slack: 'down' } } });
  });

  it('WHEN an answer is being produced THEN it counts as in flight until its message is posted', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const inner = createDepeche({ commands, knowledge, config: parseConfig({}) });
    const slow: Depeche = { ...inner, ask: async (question, who) => (await released, inner.ask(question, who)) };
    const { fake, inFlight } = await start('socket', slow);

    await fake.socket.send({ type: 'events_api', payload: eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0FLIGHT' })) });
    // Events are acknowledged before their listener runs: the answer is in hand just after.
    await vi.waitFor(() => expect(inFlight.size).toBe(1));
    release();
    expect(await inFlight.drain(10_000)).toBe(true);
    // Drained means posted: the answer is already at Slack.
    expect(fake.calls.items.some((call) => call.method === 'chat.postMessage' && call.args.channel === 'D0FLIGHT' && !call.error)).toBe(true);
  });
});
