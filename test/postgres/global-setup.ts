import type { TestProject } from 'vitest/node';
import { startCluster } from './cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's `postgres` database; tests make their own database in it (createDatabase). */
    postgresAdminUrl: string;
  }
}

/** One PostgreSQL cluster for the whole run, started before the first test file and stopped after the last. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
