import type { DepecheOptions } from './core/depeche.ts';
import type { Logger } from './logger.ts';
import type { Store } from './store/types.ts';

/** What the core records in the store: refused questions and votes on answers. A failure is logged, never shown to users. */
export function recordingIn(store: Store, logger: Logger): Pick<DepecheOptions, 'onUnanswered' | 'feedback'> {
  return {
    onUnanswered: (question) => void store.recordUnanswered(question).catch((error: unknown) => logger.warn({ error: String(error) }, 'could not record an unanswered question')),
    feedback: { store, onError: (error, what) => logger.warn({ error: String(error) }, `store: ${what} failed`) },
  };
}
