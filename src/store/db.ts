/**
 * One SQL dialect (PostgreSQL) over two engines: embedded PGlite (default, a data directory)
 * or a PostgreSQL server (`DATABASE_URL`). Everything above this file sees only `Db`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { lockDataDir } from './dataDirLock.ts';
import { migrate } from './migrate.ts';

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** `pglite` or `postgres` */
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PostgreSQL only: the connection pool's state (for /metrics) */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** PGlite only: the data directory as a tarball (test templates) */
  dump?(): Promise<Blob>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for an in-memory database */
  dataDir?: string;
  /** PGlite: start from a data directory dump (fast clones in tests) */
  loadDataDir?: Blob | File;
  /** PostgreSQL: schema to use (created if missing); tests isolate themselves this way */
  schema?: string;
  /** run migrations on open (default true) */
  migrate?: boolean;
}

/**
 * The same value shapes from both engines: `date` as `YYYY-MM-DD`, `timestamptz` as an ISO
 * string, `bigint` (counts) as a number; `numeric` stays an exact decimal string.
 */
const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  1082: (v) => v,
  1184: (v) => new Date(v).toISOString(),
  20: (v) => Number(v),
};

/** Opens the database named by options or the environment (DATABASE_URL, DUBAN_DATA) and migrates it. */
export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL; // '' forces PGlite
  const db = databaseUrl
    ? await openPostgres(databaseUrl, options.schema)
    : await openPglite(options.dataDir ?? process.env.DUBAN_DATA ?? './data', options.loadDataDir);
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
  }
  return db;
}

async function openPglite(dataDir: string, loadDataDir?: Blob | File): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  let pg: PGlite;
  let unlock = () => {};
  if (dataDir.startsWith('memory://')) {
    pg = new PGlite(dataDir, { loadDataDir, parsers: TYPE_PARSERS });
  } else {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    // one process per data directory: a second one refuses here, before touching a file
    unlock = lockDataDir(dir);
    pg = new PGlite(dir, { loadDataDir, parsers: TYPE_PARSERS });
  }
  try {
    await pg.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  // PGlite is single-connection: serialize transactions so one never interleaves with another.
  let chain: Promise<unknown> = Promise.resolve();
  const queryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const outside = queryable(pg);
  return {
    engine: 'pglite',
    // A statement outside a transaction waits for running transactions, as on a server it would not
    // see their uncommitted rows.
    query: (sql, params) => {
      const run = chain.then(() => outside.query(sql, params));
      chain = run.catch(() => undefined);
      return run as never;
    },
    exec: (sql) => {
      const run = chain.then(() => outside.exec(sql));
      chain = run.catch(() => undefined);
      return run;
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const run = chain.then(() => pg.transaction((tx) => fn(queryable(tx))));
      chain = run.catch(() => undefined);
      return run as Promise<T>;
    },
    close: async () => {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
    dump: () => pg.dumpDataDir('none') as Promise<Blob>,
  };
}

/**
 * PostgreSQL: a statement text run again is sent as a named prepared statement, which each
 * connection parses and plans once instead of on every run (the hot paths' statements take
 * longer to plan than to execute). Texts seen once (bulk inserts, one-off scripts) stay unnamed;
 * at most MAX_PREPARED texts are named per process, as every connection keeps the ones it used.
 */
const MAX_PREPARED = 500;
/** statement text → its name; null: seen once so far */
const statementNames = new Map<string, string | null>();
let named = 0;

function statementName(sql: string): string | undefined {
  const known = statementNames.get(sql);
  if (known) return known;
  if (known === undefined) {
    if (statementNames.size < 4 * MAX_PREPARED) statementNames.set(sql, null);
    return undefined;
  }
  if (named >= MAX_PREPARED) return undefined;
  const name = `duban_${++named}`;
  statementNames.set(sql, name);
  return name;
}

async function openPostgres(url: string, schema?: string): Promise<Db> {
  const pg = (await import('pg')).default;
  // numeric and bigint come back as strings (exact); keep them so. int8 counts are parsed by callers.
  for (const [oid, parse] of Object.entries(TYPE_PARSERS)) pg.types.setTypeParser(Number(oid), parse);
  const pool: Pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DUBAN_PG_POOL ?? 10),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    await pool.query(`create schema if not exists ${schema}`);
  }
  const queryable = (c: Pool | PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const name = statementName(sql);
      return (await (name ? c.query({ name, text: sql, values: params }) : c.query(sql, params))).rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  return {
    engine: 'postgres',
    ...queryable(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(queryable(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}
