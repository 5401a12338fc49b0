import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { migrate } from './postgres-schema.ts';
import { inTransaction } from './postgres-transaction.ts';
import { watchDatabase, type DatabaseWatch } from './postgres-watch.ts';
import { StoreError, type StoreListener } from './types.ts';

export interface PostgresOptions {
  database: DatabaseConfig;
  /** Connections in the pool (default 10): queries are short, and a pool this size serves thousands per second. */
  poolSize?: number;
  /** How often to try the database again once it is lost (default 2 s). */
  retryMs?: number;
  /** How long to wait for a connection (default 5 s): an unreachable host must not hang the start. */
  connectTimeoutMs?: number;
  /**
   * How long a query may wait for its answer (default 5 s). A database that stops answering without closing the
   * connection (a network partition) must fail the query, not hold the Slack event or the briefing pass for good.
   */
  queryTimeoutMs?: number;
}

/** An open, migrated database: the pool, queries that notice a lost database, and the watch on it. */
export interface PostgresDatabase {
  /** `postgres://host:port/name`: for messages, with neither user nor password. */
  readonly location: string;
  /** `down` once a query or the watch lost the database, until it answers again. */
  readonly state: 'up' | 'down';
  query<Row extends pg.QueryResultRow>(query: pg.QueryConfig): Promise<pg.QueryResult<Row>>;
  /** `work` inside one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  watch(listener: StoreListener): void;
  close(): Promise<void>;
}

/**
 * Connects, brings the schema up to date and starts watching. A failure is one StoreError naming the host and the
 * database (never the password), so that `npm start` prints one line.
 */
export async function openPostgres(options: PostgresOptions): Promise<PostgresDatabase> {
  const { database } = options;
  const location = `postgres://${database.host}:${database.port}/${database.name}`;
  const connection = {
    connectionString: database.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // A dead peer is noticed by TCP keep-alives too, not only when a query waits forever.
    keepAlive: true,
    application_name: 'depeche',
  };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10, query_timeout: options.queryTimeoutMs ?? 5000 });
  let watch: DatabaseWatch | undefined;
  // An idle connection the server ends reports here; without a listener it would crash the process.
  pool.on('error', () => watch?.failed());
  try {
    await migrate(pool, location);
    watch = await watchDatabase({ clientConfig: connection, probe: () => pool.query('SELECT 1'), retryMs: options.retryMs ?? 2000 });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error instanceof StoreError ? error : new StoreError(location, describeOpenError(database, error), { cause: error });
  }
  const watching = watch;
  let closing: Promise<void> | undefined;
  return {
    location,
    get state() {
      return watching.state;
    },
    async query<Row extends pg.QueryResultRow>(query: pg.QueryConfig) {
      // Known lost: fail at once rather than make every question wait for a timeout; the watch's probe brings it back.
      if (watching.state === 'down') throw new DatabaseUnavailable(location);
      try {
        return await pool.query<Row>(query);
      } catch (error) {
        if (isUnavailable(error)) watching.failed();
        throw error;
      }
    },
    transaction: (work) => inTransaction(pool, work),
    watch: (listener) => watching.add(listener),
    close() {
      closing ??= watching.close().then(() => pool.end());
      return closing;
    },
  };
}

/** A query not even tried: the database is known to be lost. */
export class DatabaseUnavailable extends Error {
  override name = 'DatabaseUnavailable';
  constructor(location: string) {
    super(`the database ${location} is unreachable; trying again in the background`);
  }
}

/**
 * Whether an error means "no database" rather than "this query was wrong": no connection, a connection that broke,
 * or the server going away (SQLSTATE classes 08, 57P01-57P03).
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  return /^(08|57P0[123])/.test(error.code ?? '');
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);

function describeOpenError(database: DatabaseConfig, error: unknown): string {
  const where = `"${database.name}" on ${database.host}:${database.port}`;
  const code = (error as { code?: string }).code;
  const text = error instanceof Error ? error.message : String(error);
  // No server message carries the password; this is for a client library's that one day might.
  const message = database.password ? text.split(database.password).join('[redacted]') : text;
  if ((code && UNREACHABLE.has(code)) || /timeout|terminated/i.test(message)) {
    return `cannot reach the database ${where} (${code ?? message}); check DATABASE_URL and that PostgreSQL is running there`;
  }
  if (code === '28P01' || code === '28000') return `the database server refused the login to ${where} (${code}); check the user and password in DATABASE_URL`;
  if (code === '3D000') return `the database ${where} does not exist (${code}); create it (createdb ${database.name}) or fix DATABASE_URL`;
  if (code === '42501') return `the user in DATABASE_URL may not create Depeche's tables in ${where} (${code}); grant it CREATE on the schema`;
  return `cannot open the database ${where} (${code ?? 'error'}: ${message})`;
}
