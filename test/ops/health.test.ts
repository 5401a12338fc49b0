import { afterEach, describe, expect, it } from 'vitest';
import type { RunningAdapter } from '../../src/core/adapter.ts';
import { HealthRegistry, startHealthServer, type PlatformState } from '../../src/ops/health.ts';
import { startBot } from '../discord/harness.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { Recorder } from '../fakes/recorder.ts';
import { getHealth } from './helpers.ts';

/** Every state change, in order, so that tests wait for "discord is down" instead of sleeping. */
function recordStates(registry: HealthRegistry) {
  const states = new Recorder<{ platform: string; state: PlatformState }>('health', (change) => `${change.platform} ${change.state}`);
  registry.onChange((platform, state) => states.push({ platform, state }));
  return states;
}

describe('GIVEN the health registry', () => {
  it('THEN the report is ok only when every platform is up', () => {
    const registry = new HealthRegistry();
    const discord = registry.reporter('discord');
    const slack = registry.reporter('slack');
    expect(registry.report()).toEqual({ status: 'starting', platforms: { discord: 'starting', slack: 'starting' } });
    discord('up');
    slack('up');
    expect(registry.report()).toEqual({ status: 'ok', platforms: { discord: 'up', slack: 'up' } });
    slack('down');
    expect(registry.report().status).toBe('down');
    discord('stopping');
    expect(registry.report()).toEqual({ status: 'down', platforms: { discord: 'stopping', slack: 'down' } });
  });

  it('THEN with Discord shards the report lists each one, and discord is the worst of them', () => {
    const registry = new HealthRegistry();
    registry.setShard(1, 'starting');
    registry.setShard(0, 'up');
    expect(registry.report()).toEqual({ status: 'starting', platforms: { discord: 'starting' }, shards: { 0: 'up', 1: 'starting' } });
    registry.setShard(1, 'up');
    expect(registry.report()).toEqual({ status: 'ok', platforms: { discord: 'up' }, shards: { 0: 'up', 1: 'up' } });
    registry.setShard(0, 'down');
    expect(registry.report()).toEqual({ status: 'down', platforms: { discord: 'down' }, shards: { 0: 'down', 1: 'up' } });
  });

  it('THEN a lost dependency degrades an otherwise ok report, and still answers 200', async () => {
    const registry = new HealthRegistry();
    const slack = registry.reporter('slack');
    const database = registry.dependency('database');
    const server = await startHealthServer({ registry, port: 0, host: '127.0.0.1' });
    try {
      slack('up');
      expect(await getHealth(server.port)).toEqual({ status: 200, body: { status: 'ok', platforms: { slack: 'up' }, dependencies: { database: 'up' } } });
      database('down');
      expect(await getHealth(server.port)).toEqual({ status: 200, body: { status: 'degraded', platforms: { slack: 'up' }, dependencies: { database: 'down' } } });
      slack('down');
      expect((await getHealth(server.port)).status).toBe(503);
      slack('up');
      database('up');
      expect(registry.report().status).toBe('ok');
    } finally {
      await server.close();
    }
  });

  it('THEN the server answers /healthz only, 200 when ok, 503 otherwise', async () => {
    const registry = new HealthRegistry();
    const report = registry.reporter('discord');
    const server = await startHealthServer({ registry, port: 0, host: '127.0.0.1' });
    try {
      expect((await getHealth(server.port)).status).toBe(503);
      report('up');
      expect(await getHealth(server.port)).toEqual({ status: 200, body: { status: 'ok', platforms: { discord: 'up' } } });
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('GIVEN the Discord bot reporting to /healthz, on a loopback Discord', () => {
  let fake: FakeDiscord | undefined;
  let running: RunningAdapter | undefined;
  let server: Awaited<ReturnType<typeof startHealthServer>> | undefined;
  afterEach(async () => {
    await running?.stop();
    await server?.close();
    await fake?.close();
    fake = running = server = undefined;
  });

  async function start() {
    fake = await startFakeDiscord();
    const registry = new HealthRegistry();
    const states = recordStates(registry);
    server = await startHealthServer({ registry, port: 0, host: '127.0.0.1' });
    ({ running } = await startBot(fake, { onState: registry.reporter('discord') }));
    await states.waitFor((change) => change.state === 'up', { what: 'discord up' });
    return { registry, states, port: server.port };
  }

  it('WHEN connected THEN 200; WHEN the gateway drops the connection THEN down until it resumes, then 200 again', async () => {
    const { registry, states, port } = await start();
    expect(await getHealth(port)).toEqual({ status: 200, body: { status: 'ok', platforms: { discord: 'up' } } });

    fake!.gateway.closeSocket(4000);
    const down = await states.waitFor((change) => change.state === 'down', { what: 'discord down' });
    await fake!.gateway.events.waitFor((event) => event.kind === 'resumed', { what: 'the bot resuming' });
    await states.waitFor((change) => change.state === 'up' && states.items.indexOf(change) > states.items.indexOf(down), { what: 'discord up again' });
    expect(registry.report().status).toBe('ok');
    expect((await getHealth(port)).status).toBe(200);
  });

  it('WHEN Discord stays unreachable THEN /healthz answers 503 naming discord as down', async () => {
    const { states, port } = await start();
    await fake!.gateway.close();
    await states.waitFor((change) => change.state === 'down', { what: 'discord down' });
    expect(await getHealth(port)).toEqual({ status: 503, body: { status: 'down', platforms: { discord: 'down' } } });
  });
});
