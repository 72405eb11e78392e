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

/** True for errors that mean the database cannot be reached now (down, restarting, failing over). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|08\w{3}|57P0[1-3]|25006)$/.test(e.code)) return true;
  // 25006: read-only transaction (a standby not yet promoted); node-postgres' own connection errors carry no code
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(e.message ?? '');
}

/**
 * A libpq multi-host connection string (`postgres://u@db1:5432,db2:5432/duban?target_session_attrs=read-write`,
 * as pg_auto_failover's `pg_autoctl show uri` prints it) as one URL per host, in order; a single
 * host gives the URL itself. node-postgres connects to one host, so openPostgres picks the writable one.
 */
export function splitHosts(url: string): string[] {
  const m = /^(postgres(?:ql)?:\/\/)([^@/]*@)?([^/?#]*)(.*)$/.exec(url);
  if (!m || !m[3]!.includes(',')) return [url];
  const rest = m[4]!.replace(/([?&])target_session_attrs=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return m[3]!.split(',').map((host) => `${m[1]}${m[2] ?? ''}${host}${rest}`);
}

/**
 * Of one pool per host, the one whose server takes writes (not a standby, not read-only), as
 * libpq's target_session_attrs=read-write chooses: looked for at start and again after a
 * connection error (at most every 500 ms, one search at a time). Until a standby is promoted
 * the old choice stays, and requests fail as unavailable (503 with Retry-After).
 */
function writablePool(pools: Pool[]) {
  let current = 0;
  let searching: Promise<void> | null = null;
  let searchedAt = 0;
  const takesWrites = async (p: Pool) => {
    try {
      // a standby being promoted by pg_auto_failover stays read-only until the old primary is known to be down
      return (await p.query<{ writable: boolean }>(`select not pg_is_in_recovery() and current_setting('transaction_read_only') = 'off' as writable`)).rows[0]?.writable === true;
    } catch {
      return false;
    }
  };
  const find = (): Promise<void> =>
    (searching ??= (async () => {
      for (let i = 0; i < pools.length; i++) {
        if (await takesWrites(pools[i]!)) {
          current = i;
          break;
        }
      }
      searchedAt = Date.now();
    })().finally(() => (searching = null)));
  return {
    pool: () => pools[current]!,
    find,
    lost() {
      if (pools.length > 1 && !searching && Date.now() - searchedAt > 500) void find();
    },
  };
}

async function openPostgres(url: string, schema?: string): Promise<Db> {
  const pg = (await import('pg')).default;
  // numeric and bigint come back as strings (exact); keep them so. int8 counts are parsed by callers.
  for (const [oid, parse] of Object.entries(TYPE_PARSERS)) pg.types.setTypeParser(Number(oid), parse);
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const urls = splitHosts(url);
  const pools: Pool[] = urls.map((connectionString) => {
    const pool = new pg.Pool({
      connectionString,
      max: Number(process.env.DUBAN_PG_POOL ?? 10),
      // with several hosts a host that does not answer must not hold a request for minutes
      ...(urls.length > 1 ? { connectionTimeoutMillis: 10_000 } : {}),
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // an idle connection that dies (server restart, failover) is dropped by the pool and replaced on
    // the next request; without a listener its error would end the process
    pool.on('error', () => primary.lost());
    return pool;
  });
  const primary = writablePool(pools);
  if (pools.length > 1) await primary.find();
  if (schema) await primary.pool().query(`create schema if not exists ${schema}`);
  const watch = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (isDatabaseUnavailable(err)) primary.lost();
      throw err;
    }
  };
  const queryable = (c: () => Pool | PoolClient): Queryable => ({
    query: <T>(sql: string, params?: unknown[]) =>
      watch(async () => {
        const name = statementName(sql);
        return (await (name ? c().query({ name, text: sql, values: params }) : c().query(sql, params))).rows as T[];
      }),
    exec: (sql: string) => watch(async () => void (await c().query(sql))),
  });
  return {
    engine: 'postgres',
    ...queryable(primary.pool),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
      watch(async () => {
        const client = await primary.pool().connect();
        try {
          await client.query('begin');
          const result = await fn(queryable(() => client));
          await client.query('commit');
          return result;
        } catch (err) {
          await client.query('rollback').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      }),
    poolStats: () => {
      const p = primary.pool();
      return { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount };
    },
    close: async () => void (await Promise.all(pools.map((p) => p.end()))),
  };
}
