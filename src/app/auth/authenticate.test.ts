import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { upsertRegion } from '../../store/regions.ts';
import { insertApiToken, insertUser } from '../../store/users.ts';
import { sha256 } from './secrets.ts';

// a short cache time for this file (read when the module loads)
process.env.DUBAN_AUTH_CACHE_MS = '2000';
const { authenticateToken } = await import('./authenticate.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testEngines())('credential cache on %s', (engine) => {
  let db: Db;
  let lookups = 0;
  const counted = () => ({ ...db, query: (sql: string, params?: unknown[]) => (lookups++, db.query(sql, params)) }) as Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
    await upsertRegion(db, { code: '140802', name: '盐湖区', level: 'county', parentCode: null });
  });
  afterAll(async () => db?.close());

  async function newToken() {
    const user = await insertUser(db, { id: randomUUID(), regionCode: '140802', username: `sys${randomUUID().slice(0, 8)}`, displayName: '对接系统', role: 'leader', departmentId: null, passwordHash: 'x', mustChangePassword: false });
    const secret = `dbt_${randomUUID()}`;
    const token = await insertApiToken(db, { id: randomUUID(), regionCode: '140802', userId: user.id, name: '对接', tokenHash: sha256(secret) });
    return { secret, token };
  }

  it('a steady client is looked up again in the background, before its entry expires', async () => {
    const { secret } = await newToken();
    expect(await authenticateToken(counted(), secret, null)).toBeDefined();
    const first = lookups;
    expect(first).toBeGreaterThan(0);
    await authenticateToken(counted(), secret, null);
    expect(lookups).toBe(first); // within the cache time: no lookup
    // past half the cache time: answered from the cache at once, the lookup runs behind it
    await sleep(1500);
    expect(await authenticateToken(counted(), secret, null)).toBeDefined();
    await sleep(200);
    const afterRefresh = lookups;
    expect(afterRefresh).toBeGreaterThan(first);
    // past the first entry's expiry: the refreshed entry answers without a lookup
    await sleep(400);
    expect(await authenticateToken(counted(), secret, null)).toBeDefined();
    expect(lookups).toBe(afterRefresh);
  });

  it('a token revoked by another process is refused once a lookup sees it, and never later than the cache time', async () => {
    const { secret, token } = await newToken();
    expect(await authenticateToken(db, secret, null)).toBeDefined();
    await db.query('update api_token set revoked_at = now() where id = $1', [token.id]); // not through this process
    await sleep(1500);
    await authenticateToken(db, secret, null); // starts the background lookup
    await sleep(400);
    expect(await authenticateToken(db, secret, null)).toBeUndefined();
    // and without use in between: expired after the cache time
    const other = await newToken();
    expect(await authenticateToken(db, other.secret, null)).toBeDefined();
    await db.query('update api_token set revoked_at = now() where id = $1', [other.token.id]);
    await sleep(2100);
    expect(await authenticateToken(db, other.secret, null)).toBeUndefined();
  });
});
