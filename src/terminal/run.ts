import { commands as registry } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { createDepeche } from '../core/depeche.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import type { Logger } from '../logger.ts';
import { recordingIn } from '../recording.ts';
import { openExistingStore, openStore } from '../store/open.ts';
import { StoreError, type Store } from '../store/types.ts';
import { runTerminalChat } from './chat.ts';
import { exitQuietlyOnBrokenPipe } from './pipe.ts';

/** `npm start` without platform credentials (or with `--terminal`): the chat in the terminal. */
export async function runTerminal(config: Config, logger: Logger): Promise<void> {
  const knowledge = loadKnowledge(config.knowledgeDir, { variable: 'KNOWLEDGE_DIR' });
  exitQuietlyOnBrokenPipe();
  const store = await terminalStore(config, logger);
  // No rate limit: the terminal has one user, who may paste a list of questions at once.
  const chatConfig = { conversationTtlMs: config.conversationTtlMs, maxQuestionLength: config.maxQuestionLength };
  const depeche = createDepeche({ commands: registry, knowledge, config: chatConfig, ...(store && recordingIn(store, logger)) });
  try {
    await runTerminalChat({ depeche, input: process.stdin, output: process.stdout });
  } finally {
    await store?.close();
  }
}

/**
 * The chat's refusals and votes count with the bots' when there is a store: DATABASE_URL's, one a bot created in
 * DATA_DIR already, or one DATA_DIR asks for. Otherwise none is created (nor SQLite loaded): a fresh clone needs
 * none. A store that cannot be opened leaves the chat without recording, in one line: the chat always opens.
 */
async function terminalStore(config: Config, logger: Logger): Promise<Store | undefined> {
  try {
    return config.storeConfigured ? await openStore(config) : await openExistingStore(config);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    logger.warn(`${error.message}; the chat goes on without recording its refusals and votes`);
    return undefined;
  }
}
