import { commands as registry } from '../commands/index.ts';
import type { RunningAdapter } from './core/adapter.ts';
import { startBriefings } from './briefing/start.ts';
import { createSubscriptionService } from './briefing/subscriptions.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { ConversationState } from './core/conversations.ts';
import { createDepeche } from './core/depeche.ts';
import { UnreachableError } from './core/unreachable.ts';
import { KnowledgeError, loadKnowledge } from './knowledge/load.ts';
import { createLogger } from './logger.ts';
import { startOperations, type Operations } from './ops/operations.ts';
import { openStore } from './store/open.ts';
import { StoreError, type Store } from './store/types.ts';

/**
 * `npm start`: Discord and/or Slack when their credentials are set, else the terminal chat.
 * `--terminal` asks for the terminal chat whatever the configuration (the platforms' variables are then not read).
 */
async function main(argv: string[]): Promise<void> {
  const terminalAsked = argv.includes('--terminal');
  // With --terminal no platform will run: their variables are not read, so a broken one cannot stop the chat.
  const config = loadConfig({ platforms: !terminalAsked });
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.discord?.token, config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret, config.database?.password],
    // Someone is reading: readable lines. A file, a pipe or a log collector: JSON.
    pretty: process.stderr.isTTY ? { colorize: process.stderr.hasColors() } : undefined,
  });
  const knowledge = loadKnowledge(config.knowledgeDir, { variable: 'KNOWLEDGE_DIR' });
  const wantsTerminal = terminalAsked || (!config.discord && !config.slack);
  if (wantsTerminal) {
    const { runTerminalChat } = await import('./terminal/chat.ts');
    const { exitQuietlyOnBrokenPipe } = await import('./terminal/pipe.ts');
    exitQuietlyOnBrokenPipe();
    // No rate limit: the terminal has one user, who may paste a list of questions at once.
    const depeche = createDepeche({ commands: registry, knowledge, config: { conversationTtlMs: config.conversationTtlMs, maxQuestionLength: config.maxQuestionLength } });
    await runTerminalChat({ depeche, input: process.stdin, output: process.stdout });
    return;
  }
  // The store (DATABASE_URL, else DATA_DIR) serves the platforms: scheduled briefings, unanswered questions, Slack
  // event dedupe, conversations on PostgreSQL. The terminal needs none.
  const store = await openStore(config);
  const subscriptions = createSubscriptionService({ store, defaults: config.briefing });
  const onUnanswered = (question: string) => void store.recordUnanswered(question).catch((error: unknown) => logger.warn({ error: String(error) }, 'could not record an unanswered question'));
  // A shared database also keeps conversations, so that a follow-up reaching another instance knows its topic.
  const conversations = store.conversations?.<ConversationState>({
    ttlMs: config.conversationTtlMs,
    onError: (error) => logger.warn({ error: String(error) }, 'conversations: the database failed; this follow-up starts afresh'),
  });
  const depeche = createDepeche({ commands: registry, knowledge, config, subscriptions, onUnanswered, conversations });
  // Health, graceful shutdown on SIGTERM/SIGINT and knowledge hot reload (src/ops).
  const ops = await startOperations({ config, depeche, logger });
  // A shared database that goes away degrades /healthz; questions are still answered.
  store.watch?.({ onState: ops.health.dependency('database') });
  const adapters = await startPlatforms(config, ops, logger, store);
  const posters = adapters.flatMap((adapter) => (adapter.poster ? [adapter.poster] : []));
  const scheduler = await startBriefings({ config: config.briefing, store, subscriptions, posters, depeche: ops.depeche, logger });
  // Before the adapters: no post starts once they are stopping.
  ops.shutdown.add('briefings', () => scheduler.stop(), 'platforms');
  ops.shutdown.add('store', () => store.close(), 'storage');
  for (const adapter of adapters) ops.shutdown.add(adapter.name, () => adapter.stop(), 'platforms');
}

async function startPlatforms(
  config: Config,
  ops: Operations,
  logger: ReturnType<typeof createLogger>,
  store: Store,
): Promise<RunningAdapter[]> {
  const { depeche } = ops;
  const started: RunningAdapter[] = [];
  // Imported on demand: the terminal chat should not pay for loading discord.js and Bolt.
  if (config.discord) {
    const { startDiscord } = await import('./discord/start.ts');
    started.push(await startDiscord({ config: config.discord, depeche, logger, ...ops.hooks('discord') }));
  }
  if (config.slack) {
    const { startSlack } = await import('./slack/start.ts');
    const customRoutes = config.slack.mode === 'http' ? [ops.healthRoute] : undefined;
    const sharedDeliveries = (key: string, ttlMs: number) => store.firstDelivery(key, ttlMs);
    started.push(await startSlack({ config: config.slack, depeche, logger, ...ops.hooks('slack'), customRoutes, sharedDeliveries }));
  }
  return started;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StoreError || error instanceof UnreachableError) {
    process.stderr.write(`depeche: ${error.message}\n`);
  } else {
    process.stderr.write(`depeche: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
