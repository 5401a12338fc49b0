import type { Config } from '../config.ts';
import type { Store } from './types.ts';

/**
 * The store `npm start` uses: PostgreSQL when DATABASE_URL is set (shared by every instance), else the SQLite file
 * in DATA_DIR. Each is imported on demand: one need not load the other's driver.
 */
export async function openStore(config: Pick<Config, 'database' | 'briefing'>): Promise<Store> {
  if (config.database) return (await import('./postgres.ts')).openPostgresStore({ database: config.database });
  return (await import('./sqlite.ts')).openSqliteStore({ dataDir: config.briefing.dataDir });
}
