/**
 * The wrong-password backoff kept in the database: its rules on a fixed clock, two instances (two
 * backoffs, on PostgreSQL two connection pools) sharing one count, concurrent failures each counted,
 * expired rows swept. No test waits: every time is the injected clock's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/db.ts';
import { NO_ACCOUNT_REGION } from '../../store/loginFailures.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { LOGIN_RULES } from './secrets.ts';
import { loginKey, passwordKey, StoredFailureBackoff, waitAfter, type FailureKey } from './throttle.ts';

const T0 = Date.parse('2026-12-04T08:00:00Z');
const MIN = 60_000;
const rules = LOGIN_RULES.backoff;
let n = 0;
/** a key no other test uses */
const freshKey = (regionCode: string | null = '430502') => loginKey({ regionCode, username: `user${++n}`, clientAddress: '10.0.0.1' });

describe('waitAfter', () => {
  it('is free for the first five failures, then waits 1 s, 2 s, 4 s … at most 15 minutes from the last failure', () => {
    expect(waitAfter(undefined, T0, rules)).toBe(0);
    expect(waitAfter({ failures: 4, lastFailedAt: T0 }, T0, rules)).toBe(0);
    expect([5, 6, 7, 8].map((failures) => waitAfter({ failures, lastFailedAt: T0 }, T0, rules))).toEqual([1000, 2000, 4000, 8000]);
    expect(waitAfter({ failures: 6, lastFailedAt: T0 }, T0 + 1500, rules)).toBe(500);
    expect(waitAfter({ failures: 40, lastFailedAt: T0 }, T0, rules)).toBe(15 * MIN);
    expect(waitAfter({ failures: 5000, lastFailedAt: T0 }, T0, rules)).toBe(15 * MIN);
    // 15 minutes without failure: forgotten
    expect(waitAfter({ failures: 40, lastFailedAt: T0 }, T0 + 15 * MIN + 1, rules)).toBe(0);
  });

  it('keys the same typed name and address alike, and apart from another address, kind or region', () => {
    const k = loginKey({ regionCode: null, username: 'zhangsan', clientAddress: '10.0.0.1' });
    expect(k).toEqual(loginKey({ regionCode: null, username: 'zhangsan', clientAddress: '10.0.0.1' }));
    expect(k.regionCode).toBe(NO_ACCOUNT_REGION);
    expect(k.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(k.keyHash).not.toBe(loginKey({ regionCode: null, username: 'zhangsan', clientAddress: '10.0.0.2' }).keyHash);
    expect(passwordKey({ regionCode: '430502', userId: 'zhangsan' }).keyHash).not.toBe(k.keyHash);
  });
});

describe.each(testEngines())('the stored backoff on %s', (engine) => {
  let db: Db;
  /** a second instance's own connection(s) to the same database (PGlite: the one connection) */
  let db2: Db;
  let clock = T0;
  let one: StoredFailureBackoff;
  let two: StoredFailureBackoff;
  beforeAll(async () => {
    db = await openTestDb(engine);
    if (engine === 'postgres') {
      const [{ schema }] = await db.query<{ schema: string }>('select current_schema() as schema');
      db2 = await openDb({ databaseUrl: process.env.DATABASE_URL, schema, migrate: false });
    } else db2 = db;
    one = new StoredFailureBackoff(db, rules, () => clock);
    two = new StoredFailureBackoff(db2, rules, () => clock);
  });
  afterAll(async () => {
    if (db2 && db2 !== db) await db2.close();
    await db?.close();
  });
  const stored = async (k: FailureKey) =>
    (await db.query<{ failures: number }>('select failures from login_failure where region_code = $1 and key_hash = $2', [k.regionCode, k.keyHash]))[0]?.failures;

  it('applies the rules: 5 free, then doubling waits; a success or 15 minutes without failure forgets', async () => {
    clock = T0;
    const k = freshKey();
    for (let i = 0; i < 5; i++) {
      expect(await one.retryAfter(k)).toBe(0);
      await one.fail(k);
    }
    expect(await one.retryAfter(k)).toBe(1000);
    clock += 1000;
    await one.fail(k);
    expect(await one.retryAfter(k)).toBe(2000);
    clock += 15 * MIN + 1;
    expect(await one.retryAfter(k)).toBe(0);
    await one.fail(k); // after the window the count starts again
    expect(await stored(k)).toBe(1);
    for (let i = 0; i < 5; i++) await one.fail(k);
    expect(await one.retryAfter(k)).toBe(2000);
    await one.succeed(k);
    expect(await stored(k)).toBeUndefined();
    expect(await one.retryAfter(k)).toBe(0);
  });

  it('two instances on one database count the same failures: five on one, the other makes the next wait', async () => {
    clock = T0 + 60 * MIN;
    const k = freshKey(null);
    for (let i = 0; i < 3; i++) await one.fail(k);
    for (let i = 0; i < 2; i++) await two.fail(k);
    expect(await two.retryAfter(k)).toBe(1000);
    expect(await one.retryAfter(k)).toBe(1000);
    // a restarted instance (a new backoff on the same database) remembers them
    expect(await new StoredFailureBackoff(db2, rules, () => clock).retryAfter(k)).toBe(1000);
    // and a success on either forgets them for both
    await two.succeed(k);
    expect(await one.retryAfter(k)).toBe(0);
  });

  it('counts every one of many failures sent at once from both instances', async () => {
    clock = T0 + 120 * MIN;
    const k = freshKey();
    const N = 40;
    await Promise.all(Array.from({ length: N }, (_, i) => (i % 2 ? one : two).fail(k)));
    expect(await stored(k)).toBe(N);
  });

  it('sweeps rows 15 minutes without failure at the first failure a minute after the last sweep, and keeps live ones', async () => {
    clock = T0 + 180 * MIN;
    const sweeper = new StoredFailureBackoff(db, rules, () => clock);
    const old = freshKey();
    const live = freshKey(null);
    await sweeper.fail(old); // this process's first failure sweeps (nothing old yet)
    clock += 10 * MIN;
    await sweeper.fail(live);
    clock += 5 * MIN + 1; // `old` is now 15 minutes and 1 ms without failure, `live` 5 minutes
    await sweeper.fail(freshKey());
    expect(await stored(old)).toBeUndefined();
    expect(await stored(live)).toBe(1);
    expect((await db.query<{ n: number }>('select count(*)::int as n from login_failure where last_failed_at < $1', [new Date(clock - 15 * MIN).toISOString()]))[0]!.n).toBe(0);
  });
});
