import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { STORE_FILE, type Store } from './types.ts';

/**
 * The store `npm start` uses: PostgreSQL when DATABASE_URL is set (shared by every instance), else the SQLite file
 * in DATA_DIR. Each is imported on demand: one need not load the other's driver, and what runs without a store (the
 * terminal chat on a fresh clone) loads neither.
 */
export async function openStore(config: Pick<Config, 'database' | 'briefing'>): Promise<Store> {
  if (config.database) return (await import('./postgres.ts')).openPostgresStore({ database: config.database });
  return (await import('./sqlite.ts')).openSqliteStore({ dataDir: config.briefing.dataDir });
}

/**
 * The configured store if there is one already, else undefined, and nothing is created: PostgreSQL when DATABASE_URL
 * is set, the SQLite file in DATA_DIR when it exists. For readers such as reports.
 */
export async function openExistingStore(config: Pick<Config, 'database' | 'briefing'>): Promise<Store | undefined> {
  if (!config.database && !existsSync(join(config.briefing.dataDir, STORE_FILE))) return undefined;
  return openStore(config);
}

/**
 * Undoes what opening the store created, for a start that failed (a bad token, Slack out of reach): the SQLite file
 * and its folder, when this start made them. A store that was there before is left as it was.
 */
export function createdByThisStart(config: Pick<Config, 'database' | 'briefing'>): () => void {
  if (config.database) return () => {};
  const dir = config.briefing.dataDir;
  const file = join(dir, STORE_FILE);
  const hadDir = existsSync(dir);
  const hadFile = existsSync(file);
  return () => {
    if (hadFile) return;
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    if (!hadDir) rmSync(dir, { recursive: true, force: true });
  };
}
