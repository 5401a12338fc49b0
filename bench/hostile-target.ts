// The bot under attack for `npm run bench:hostile` (bench/hostile.ts): the real Slack adapter in HTTP mode with the
// real knowledge, against a fake Slack, in its own process so that its RSS is its own. Driven over IPC.
import { createApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { startSlack } from '../src/slack/start.ts';
import { startFakeSlack } from '../test/fakes/slack/index.ts';

const fake = await startFakeSlack();
const config = parseConfig({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: fake.signingSecret, SLACK_API_URL: fake.apiUrl, PORT: '0' });
const logger = createLogger({ level: 'silent' });
const { depeche } = await createApp(config, { logger, store: 'none', rateLimited: true });
const adapter = await startSlack({ config: config.slack!, depeche, logger, listen: { port: 0, host: '127.0.0.1' }, clientOptions: { retryConfig: { retries: 0 } } });

process.on('message', (message: { kind: string; channel?: string }) => {
  if (message.kind === 'rss') {
    globalThis.gc?.();
    process.send!({ kind: 'rss', rss: process.memoryUsage().rss });
  } else if (message.kind === 'await-post') {
    // Resolves when the answer to a DM in `channel` is posted: the time another user waits.
    void fake.waitForCall('chat.postMessage', (args) => args.channel === message.channel, 30_000).then(() => process.send!({ kind: 'posted', channel: message.channel }));
  } else if (message.kind === 'stop') {
    void adapter.stop().then(() => fake.close()).then(() => process.exit(0));
  }
});
process.send!({ kind: 'ready', url: `http://127.0.0.1:${adapter.port}/slack/events`, secret: fake.signingSecret });
