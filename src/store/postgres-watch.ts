import pg from 'pg';
import type { StoreListener } from './types.ts';

/** The channel of PostgreSQL's LISTEN/NOTIFY on which a change of subscriptions is announced to every instance. */
export const CHANGES_CHANNEL = 'depeche_changes';

export interface DatabaseWatch {
  /** `down` from a lost connection or a failed query until a probe gets through. */
  readonly state: 'up' | 'down';
  /** A query failed for want of the database: it is down until a probe gets through. */
  failed(): void;
  add(listener: StoreListener): void;
  close(): Promise<void>;
}

/**
 * Opens one connection of its own that LISTENs for changes made by other instances, and tells whether the database is
 * there. When it or a query loses the database, the state turns `down` and a probe retries every `retryMs`;
 * once through, the state is `up` again and listeners hear `onChange` (what was missed meanwhile: a briefing whose
 * claim failed, a subscription made elsewhere) so that they look again.
 */
export async function watchDatabase(options: { clientConfig: pg.ClientConfig; probe: () => Promise<unknown>; retryMs: number }): Promise<DatabaseWatch> {
  const listeners: StoreListener[] = [];
  let state: 'up' | 'down' = 'up';
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const setState = (next: 'up' | 'down') => {
    if (state === next || closed) return;
    state = next;
    for (const listener of listeners) listener.onState?.(next);
  };
  const changed = () => {
    for (const listener of listeners) listener.onChange?.();
  };

  async function listen(): Promise<void> {
    const listening = new pg.Client(options.clientConfig);
    const lost = () => {
      if (client !== listening) return;
      client = undefined;
      listening.end().catch(() => undefined);
      failed();
    };
    // Without an 'error' listener, a connection the server ends would crash the process.
    listening.on('error', lost);
    listening.on('end', lost);
    listening.on('notification', changed);
    try {
      await listening.connect();
      await listening.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      await listening.end().catch(() => undefined);
      throw error;
    }
    if (closed) await listening.end();
    else client = listening;
  }

  function failed(): void {
    setState('down');
    if (retry || closed) return;
    retry = setTimeout(() => {
      retry = undefined;
      void (async () => {
        if (!client) await listen();
        await options.probe();
      })().then(
        () => {
          if (closed) return;
          setState('up');
          changed();
        },
        () => failed(),
      );
    }, options.retryMs);
  }

  // Listening before the store is handed out: a change made by another instance from then on is heard.
  await listen();
  return {
    get state() {
      return state;
    },
    failed,
    add: (listener) => void listeners.push(listener),
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
