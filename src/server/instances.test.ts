/**
 * Several `duban serve` processes on one database (behind nginx): whatever one instance stored —
 * a session, an idempotent submission, a sign-out, wrong passwords — holds on the other, which
 * shares nothing with it but the database. (On PGlite both servers share the one connection, as they cannot share a
 * data directory; on PostgreSQL each has its own pool.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { LOGIN_RULES } from '../app/auth/secrets.ts';
import { StoredFailureBackoff, type BackoffRules } from '../app/auth/throttle.ts';
import { openDb, type Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildServer } from './app.ts';
import { signIn, TEST_PASSWORD, type Session } from './testing.ts';
import { buildWorld, TODAY, type World } from './world.ts';

describe.each(testEngines())('two instances on %s', (engine) => {
  let w: World;
  let db2: Db;
  let b: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
    if (engine === 'postgres') {
      const [{ schema }] = await w.db.query<{ schema: string }>('select current_schema() as schema');
      db2 = await openDb({ databaseUrl: process.env.DATABASE_URL, schema, migrate: false });
    } else db2 = w.db;
    b = await buildServer(createContext(db2, undefined, () => TODAY));
  });
  afterAll(async () => {
    await b?.close();
    if (db2 && db2 !== w?.db) await db2.close();
    await w?.app.close();
    await w?.db.close();
  });

  it('a session made on one instance works on the other, and a sign-out on one ends it on the other', async () => {
    const s: Session = await signIn(w.app, 'x-leader');
    expect((await b.inject({ url: '/api/auth/me', headers: s })).statusCode).toBe(200);
    const fresh: Session = await signIn(w.app, 'x-leader');
    expect((await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: fresh })).statusCode).toBeLessThan(300);
    // the other instance had not seen this session: it asks the database and refuses it at once
    expect((await b.inject({ url: '/api/auth/me', headers: fresh })).statusCode).toBe(401);
  });

  it('a submission retried on the other instance with the same Idempotency-Key is answered, not stored twice', async () => {
    const c = await w.commitment('own');
    const key = `k-${randomUUID()}`;
    const s = w.sessions.reporter as Session;
    const send = (app: typeof b, value: string) => app.inject({ method: 'POST', url: `/api/commitments/${c.id}/reports`, headers: { ...s, 'idempotency-key': key }, payload: { period: '2024-04', cumulativeValue: value } });
    const first = await send(w.app, '400');
    const again = await send(b, '400');
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await send(b, '999')).json().error.code).toBe('idempotency_key_reused');
    expect(await w.db.query('select id from progress_report where commitment_id = $1', [c.id])).toHaveLength(1);
  });

  /** Both instances' sign-in backoff on one fixed clock (no test waits), with these rules. */
  function clocked(rules: BackoffRules = LOGIN_RULES.backoff) {
    const clock = { now: Date.parse('2026-12-04T08:00:00Z') };
    w.app.loginThrottle = new StoredFailureBackoff(w.db, rules, () => clock.now);
    b.loginThrottle = new StoredFailureBackoff(db2, rules, () => clock.now);
    return clock;
  }
  const login = (app: typeof b, username: string, password: string, ip: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } });

  it('wrong passwords sent to one instance make the other answer 429, for a real and an unknown name alike; a success on either forgets them', async () => {
    const clock = clocked();
    for (const username of ['x-leader', 'nobody-here']) {
      for (let i = 0; i < 5; i++) expect((await login(i % 2 ? b : w.app, username, 'Wrong-pass-1', '10.20.0.1')).statusCode).toBe(401);
    }
    const waits = [await login(b, 'x-leader', TEST_PASSWORD, '10.20.0.1'), await login(b, 'nobody-here', TEST_PASSWORD, '10.20.0.1')];
    expect(waits.map((r) => r.statusCode)).toEqual([429, 429]);
    expect(waits[0]!.json()).toEqual(waits[1]!.json());
    expect(waits[0]!.headers['retry-after']).toBe('1');
    expect((await login(w.app, 'x-leader', TEST_PASSWORD, '10.20.0.1')).statusCode).toBe(429);
    clock.now += 1000;
    expect((await login(b, 'x-leader', TEST_PASSWORD, '10.20.0.1')).statusCode).toBe(200);
    // forgotten on both: the next wrong one is a plain 401 again, on the other instance
    expect((await login(w.app, 'x-leader', 'Wrong-pass-2', '10.20.0.1')).statusCode).toBe(401);
  });

  it('wrong passwords sent at once to both instances are each counted', async () => {
    const N = 12;
    clocked({ ...LOGIN_RULES.backoff, freeFailures: N }); // all N are free, so none is refused before it is counted
    const answers = await Promise.all(Array.from({ length: N }, (_, i) => login(i % 2 ? b : w.app, 'x-leader', `Wrong-pass-${i}`, '10.20.0.2')));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(N).fill(401));
    // N counted, not fewer: the next try waits, even with the right password
    const next = await login(b, 'x-leader', TEST_PASSWORD, '10.20.0.2');
    expect(next.statusCode).toBe(429);
    expect(next.json().error.details).toEqual({ retryAfterSeconds: 1 });
  });
});
