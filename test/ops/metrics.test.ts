// GET /metrics: Prometheus text with the bot's own counters and Node's, scraped after real requests through the real
// Slack adapter (HTTP mode, loopback fake Slack) and served on the health port.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { HEALTH_PATH, HealthRegistry, startHealthServer } from '../../src/ops/health.ts';
import { createMetrics, METRICS_PATH } from '../../src/ops/metrics.ts';
import { startSlack, type SlackAdapter } from '../../src/slack/start.ts';
import { slashCommand, startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { captureLogs, KNOWLEDGE_DIR } from './helpers.ts';

describe('GIVEN the metrics of a bot serving Slack', () => {
  let fake: FakeSlack | undefined;
  let adapter: SlackAdapter | undefined;
  let health: Awaited<ReturnType<typeof startHealthServer>> | undefined;
  afterEach(async () => {
    await adapter?.stop();
    await health?.close();
    await fake?.close();
  });

  it('WHEN questions are answered, refused and rate-limited THEN /metrics counts them, times them by platform and command, and has Node\'s own', async () => {
    fake = await startFakeSlack();
    const config = parseConfig({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: fake.signingSecret, SLACK_API_URL: fake.apiUrl, PORT: '0', RATE_LIMIT_COUNT: '2' });
    const metrics = createMetrics();
    const depeche = createDepeche({ commands, knowledge: loadKnowledge(KNOWLEDGE_DIR), config, onRequest: metrics.request });
    const registry = new HealthRegistry();
    adapter = await startSlack({
      config: config.slack!,
      depeche,
      logger: captureLogs().logger,
      clientOptions: { retryConfig: { retries: 0 }, timeout: 2000 },
      listen: { port: 0, host: '127.0.0.1' },
      customRoutes: [
        { path: HEALTH_PATH, method: ['GET'], handler: registry.handle },
        { path: METRICS_PATH, method: ['GET'], handler: metrics.handle },
      ],
    });
    const url = `http://127.0.0.1:${adapter.port}/slack/events`;
    const ask = async (text: string, id: string) => {
      await fake!.http.command(url, slashCommand({ text, user: 'U0METRICS', responseUrl: fake!.responseUrl(id) }));
      await fake!.waitForResponse(id);
    };
    await ask('How many people left Aleppo?', 'm1');
    await ask("What's the weather in Ankara?", 'm2');
    await ask('Who signed?', 'm3');
    metrics.vote(true);
    metrics.briefing('posted');

    const scraped = await fetch(`http://127.0.0.1:${adapter.port}${METRICS_PATH}`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await scraped.text();
    expect(text).toMatch(/^depeche_requests_total\{platform="slack",outcome="answered"\} 1$/m);
    expect(text).toMatch(/^depeche_requests_total\{platform="slack",outcome="refused"\} 1$/m);
    expect(text).toMatch(/^depeche_requests_total\{platform="slack",outcome="rate_limited"\} 1$/m);
    expect(text).toMatch(/^depeche_answer_seconds_count\{platform="slack",command="ask"\} 3$/m);
    expect(text).toMatch(/^depeche_votes_total\{helpful="true"\} 1$/m);
    expect(text).toMatch(/^depeche_briefings_total\{outcome="posted"\} 1$/m);
    expect(text).toMatch(/^depeche_store_errors_total 0$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);

    // The same on the health port, for a bot that does not serve Slack over HTTP.
    health = await startHealthServer({ registry, port: 0, host: '127.0.0.1', metrics });
    expect(await (await fetch(`http://127.0.0.1:${health.port}${METRICS_PATH}`)).text()).toContain('depeche_requests_total');
  });
});
