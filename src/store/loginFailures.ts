/**
 * The wrong-password counters (login_failure, migration 035): one row per key, shared by every
 * instance on the database. Times come from the caller's clock, never from the database's `now()`,
 * so the rules read the same in tests with a fixed clock.
 */
import type { Queryable } from './db.ts';

export interface LoginFailureKey {
  /** the account's region, or NO_ACCOUNT_REGION for a typed name that names no account */
  regionCode: string;
  kind: 'login' | 'password';
  /** SHA-256 (hex) of the key's parts */
  keyHash: string;
}

/** The region of a key whose typed username names no account (GB/T 2260 assigns no 000000). */
export const NO_ACCOUNT_REGION = '000000';

export async function readLoginFailure(q: Queryable, key: LoginFailureKey): Promise<{ failures: number; lastFailedAt: number } | undefined> {
  const [row] = await q.query<{ failures: number; last_failed_at: string }>(
    'select failures, last_failed_at from login_failure where region_code = $1 and key_hash = $2',
    [key.regionCode, key.keyHash],
  );
  return row && { failures: row.failures, lastFailedAt: Date.parse(row.last_failed_at) };
}

/**
 * Counts one failure at `at` in one statement: a new row, one more on a live row, or a fresh count
 * of 1 on a row whose last failure is more than `windowMs` old. Concurrent failures of one key
 * line up on the row (the upsert's row lock): each is counted. Returns the count.
 */
export async function recordLoginFailure(q: Queryable, key: LoginFailureKey, at: number, windowMs: number): Promise<number> {
  const [row] = await q.query<{ failures: number }>(
    `insert into login_failure as f (region_code, kind, key_hash, failures, last_failed_at)
     values ($1, $2, $3, 1, $4)
     on conflict (region_code, key_hash) do update
       set failures = case when f.last_failed_at < excluded.last_failed_at - $5::integer * interval '1 millisecond' then 1 else f.failures + 1 end,
           last_failed_at = greatest(f.last_failed_at, excluded.last_failed_at)
     returning failures`,
    [key.regionCode, key.kind, key.keyHash, new Date(at).toISOString(), windowMs],
  );
  return row!.failures;
}

export async function forgetLoginFailure(q: Queryable, key: LoginFailureKey): Promise<void> {
  await q.query('delete from login_failure where region_code = $1 and key_hash = $2', [key.regionCode, key.keyHash]);
}

/**
 * Deletes every row whose last failure is before `before`. Rows another statement holds (a failure
 * being counted on it) are skipped, not waited for: the sweep never waits, so it cannot deadlock
 * with the upserts, and a skipped row goes at the next sweep. Returns how many went.
 */
export async function sweepLoginFailures(q: Queryable, before: number): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `with gone as (
       delete from login_failure where ctid = any (array(
         select ctid from login_failure where last_failed_at < $1 for update skip locked))
       returning 1)
     select count(*)::int as n from gone`,
    [new Date(before).toISOString()],
  );
  return row!.n;
}
