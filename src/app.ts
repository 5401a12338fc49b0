/**
 * The composition root: the one place that builds Depeche from the configuration — the knowledge, the store (its
 * writes kept for a retry), the conversations, the subscriptions, the metrics and the core. The bots (serve.ts), the
 * terminal chat, the `ask` CLI and the benches all build it here, each saying only what differs for them.
 */
import { commands as registry } from '../commands/index.ts';
import { createSubscriptionService, type SubscriptionService } from './briefing/subscriptions.ts';
import type { Config } from './config.ts';
import type { ConversationState } from './core/conversations.ts';
import { createDepeche, type Depeche } from './core/depeche.ts';
import { loadKnowledge } from './knowledge/load.ts';
import type { Knowledge } from './knowledge/types.ts';
import type { Logger } from './logger.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { recordingIn } from './recording.ts';
import { keepWrites, type KeptWrites } from './store/kept-writes.ts';
import { createdByThisStart, openExistingStore, openStore } from './store/open.ts';
import { StoreError, type Store } from './store/types.ts';

export interface AppOptions {
  logger: Logger;
  /**
   * `serve`: the store is needed (the bots: subscriptions, dedupe, votes), opened or created, and removed again if the
   * start fails; `if-present`: the terminal records into a store that exists or that DATA_DIR asks for, and goes on
   * without one in one line when it cannot be opened; `none`: nothing is recorded (the ask CLI, benches).
   */
  store: 'serve' | 'if-present' | 'none';
  /** The per-user rate limit; off where one person pastes many questions (terminal, CLI). */
  rateLimited: boolean;
}

export interface App {
  knowledge: Knowledge;
  depeche: Depeche;
  store?: Store;
  writes?: KeptWrites;
  subscriptions?: SubscriptionService;
  metrics: Metrics;
  /** Undoes what opening the store created, for a start that failed. */
  undoStore(): void;
  close(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const knowledge = loadKnowledge(config.knowledgeDir, { variable: 'KNOWLEDGE_DIR' });
  const metrics = createMetrics();
  const undoStore = options.store === 'serve' ? createdByThisStart(config) : () => {};
  const opened = await openFor(config, options);
  // Questions and votes whose write fails are kept for a retry, and /healthz says so (src/store/kept-writes.ts).
  const writes = opened && keepWrites(opened, { logger, onFailure: metrics.storeError });
  const store = writes?.store;
  const subscriptions = store && options.store === 'serve' ? createSubscriptionService({ store, defaults: config.briefing, maxPerChannel: config.briefing.maxPerChannel }) : undefined;
  // A shared database also keeps conversations, so that a follow-up reaching another instance knows its topic.
  const conversations = store?.conversations?.<ConversationState>({
    ttlMs: config.conversationTtlMs,
    onError: (error) => logger.warn({ error: String(error) }, 'conversations: the database failed; this follow-up starts afresh'),
  });
  const core = options.rateLimited ? config : { conversationTtlMs: config.conversationTtlMs, maxQuestionLength: config.maxQuestionLength };
  const depeche = createDepeche({
    commands: registry,
    knowledge,
    config: core,
    subscriptions,
    conversations,
    ...(store && recordingIn(store, logger)),
    onRequest: metrics.request,
    onVote: metrics.vote,
  });
  return {
    knowledge,
    depeche,
    store,
    writes,
    subscriptions,
    metrics,
    undoStore,
    async close() {
      writes?.stop();
      await store?.close();
    },
  };
}

async function openFor(config: Config, options: AppOptions): Promise<Store | undefined> {
  if (options.store === 'none') return undefined;
  if (options.store === 'serve') return openStore(config);
  try {
    return config.storeConfigured ? await openStore(config) : await openExistingStore(config);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    options.logger.warn(`${error.message}; the chat goes on without recording its refusals and votes`);
    return undefined;
  }
}
