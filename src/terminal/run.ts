import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { runTerminalChat } from './chat.ts';
import { exitQuietlyOnBrokenPipe } from './pipe.ts';

/** `npm start` without platform credentials (or with `--terminal`): the chat in the terminal. */
export async function runTerminal(config: Config, logger: Logger): Promise<void> {
  exitQuietlyOnBrokenPipe();
  // The chat's refusals and votes count with the bots' when there is a store: DATABASE_URL's, one a bot created in
  // DATA_DIR already, or one DATA_DIR asks for; otherwise none is created. No rate limit: the terminal has one user,
  // who may paste a list of questions at once.
  const app = await createApp(config, { logger, store: 'if-present', rateLimited: false });
  try {
    await runTerminalChat({ depeche: app.depeche, input: process.stdin, output: process.stdout });
  } finally {
    await app.close();
  }
}
