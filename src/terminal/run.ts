import { commands as registry } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { createDepeche } from '../core/depeche.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { runTerminalChat } from './chat.ts';
import { exitQuietlyOnBrokenPipe } from './pipe.ts';

/** `npm start` without platform credentials (or with `--terminal`): the chat in the terminal, with no store. */
export async function runTerminal(config: Config): Promise<void> {
  const knowledge = loadKnowledge(config.knowledgeDir, { variable: 'KNOWLEDGE_DIR' });
  exitQuietlyOnBrokenPipe();
  // No rate limit: the terminal has one user, who may paste a list of questions at once.
  const depeche = createDepeche({ commands: registry, knowledge, config: { conversationTtlMs: config.conversationTtlMs, maxQuestionLength: config.maxQuestionLength } });
  await runTerminalChat({ depeche, input: process.stdin, output: process.stdout });
}
