/**
 * Idempotency keys: the first request with a key stores its answer; a retry with the same key
 * gets that answer back instead of acting twice. Claim and answer happen in the caller's
 * transaction, so a concurrent retry waits for the first to commit (or roll back).
 */
import type { Queryable } from './db.ts';

export type Claim<T> = { fresh: true } | { fresh: false; requestHash: string; response: T };

/** Claims `key` for the user; when it was claimed before, returns the stored request hash and answer. */
export async function claimIdempotencyKey<T>(q: Queryable, k: { regionCode: string; userId: string; key: string; requestHash: string }): Promise<Claim<T>> {
  const inserted = await q.query(
    `insert into idempotency_key (region_code, user_id, key, request_hash) values ($1, $2, $3, $4)
     on conflict (user_id, key) do nothing returning key`,
    [k.regionCode, k.userId, k.key, k.requestHash],
  );
  if (inserted.length) return { fresh: true };
  const [row] = await q.query<{ request_hash: string; response: T }>('select request_hash, response from idempotency_key where user_id = $1 and key = $2', [k.userId, k.key]);
  return { fresh: false, requestHash: row!.request_hash, response: row!.response };
}

export async function saveIdempotentResponse(q: Queryable, userId: string, key: string, response: unknown): Promise<void> {
  await q.query('update idempotency_key set response = $3 where user_id = $1 and key = $2', [userId, key, JSON.stringify(response)]);
}
