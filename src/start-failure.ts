import { ConfigError } from './config.ts';
import { UnreachableError } from './core/unreachable.ts';
import { KnowledgeError } from './knowledge/load.ts';
import { StoreError } from './store/types.ts';

/**
 * What a process of `npm start` does when it cannot start: one line for the failures an operator can fix (a
 * setting, a knowledge file, the store, a platform refusing the token or out of reach), the stack for anything else.
 */
export function exitOnStartFailure(error: unknown, exitCode = 1): never {
  if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StoreError || error instanceof UnreachableError) {
    process.stderr.write(`depeche: ${error.message}\n`);
  } else {
    process.stderr.write(`depeche: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(exitCode);
}
