import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import type { PostgresOptions } from '../../src/store/postgres-db.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { createDatabase } from '../postgres/cluster.ts';

/**
 * Where a store lives, empty at first; `open` connects one more store to it, as one more instance would.
 * Every store opened is closed by `closeAll` (after each test).
 */
export interface StorePlace {
  open(): Promise<Store>;
}

export interface StoreKind {
  name: string;
  place(): Promise<StorePlace>;
}

const opened: Store[] = [];

export async function closeAll(): Promise<void> {
  await Promise.all(opened.splice(0).map((store) => store.close()));
}

function track(store: Store): Store {
  opened.push(store);
  return store;
}

export const sqlite: StoreKind = {
  name: 'SQLite',
  async place() {
    const dataDir = mkdtempSync(join(tmpdir(), 'depeche-store-'));
    return { open: async () => track(openSqliteStore({ dataDir })) };
  },
};

/** A fresh database in the run's PostgreSQL cluster, as DATABASE_URL would name it. */
export async function freshDatabaseUrl(): Promise<string> {
  return createDatabase(inject('postgresAdminUrl'));
}

/** What `DATABASE_URL=url` configures. */
export function databaseConfig(url: string) {
  return parseConfig({ DATABASE_URL: url }).database!;
}

export async function openPostgres(url: string, options: Omit<PostgresOptions, 'database'> = {}): Promise<Store> {
  return track(await openPostgresStore({ database: databaseConfig(url), ...options }));
}

export const postgres: StoreKind = {
  name: 'PostgreSQL',
  async place() {
    const url = await freshDatabaseUrl();
    return { open: () => openPostgres(url) };
  },
};
