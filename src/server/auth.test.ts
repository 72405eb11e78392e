import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { buildServer } from './app.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { upsertDepartment, upsertRegion } from '../store/regions.ts';
import { makeUser, signIn, TEST_PASSWORD } from './testing.ts';
import { loginKey, StoredFailureBackoff, type FailureKey } from '../app/auth/throttle.ts';
import { LOGIN_RULES } from '../app/auth/secrets.ts';

describe.each(testEngines())('accounts and sessions on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const dept = randomUUID();
  beforeAll(async () => {
    db = await openTestDb(engine);
    await upsertRegion(db, { code: '430502', name: '双清区', level: 'county', parentCode: null });
    await upsertDepartment(db, { id: dept, regionCode: '430502', name: '区人社局', shortName: '人社局' });
    const ctx = createContext(db);
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    await makeUser(ctx, { username: 'victim', displayName: '张三', role: 'reporter', regionCode: '430502', departmentId: dept });
    app = await buildServer(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('signs in with HttpOnly SameSite=Strict cookies, Secure only over TLS, and signs out', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'duban_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session.secure).toBeFalsy();
    const csrf = res.cookies.find((c) => c.name === 'duban_csrf')!;
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.value).toBe(res.json().csrfToken);
    // the token is stored hashed only
    expect(await db.query('select 1 from user_session where token_hash = $1', [session.value])).toHaveLength(0);

    const tls = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'office', password: TEST_PASSWORD } });
    expect(tls.cookies.find((c) => c.name === 'duban_session')!.secure).toBe(true);

    const cookie = `duban_session=${session.value}; duban_csrf=${csrf.value}`;
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { username: 'office', role: 'admin' }, via: 'session' });
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf.value } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated change without the CSRF token, and a wrong one', async () => {
    const s = await signIn(app, 'office');
    const payload = { username: 'csrf-victim', displayName: '李四', role: 'leader' };
    const none = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: s.cookie }, payload });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toMatchObject({ code: 'csrf_failed', zh: expect.stringContaining('CSRF') });
    const wrong = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: s.cookie, 'x-csrf-token': 'csrf_forged' }, payload });
    expect(wrong.statusCode).toBe(403);
    expect(await db.query("select 1 from app_user where username = 'csrf-victim'")).toHaveLength(0);
    const ok = await app.inject({ method: 'POST', url: '/api/users', headers: s, payload });
    expect(ok.statusCode).toBe(201);
  });

  it('an admin-created account gets a one-time password that must be changed first', async () => {
    const admin = await signIn(app, 'office');
    const created = await app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'newbie', displayName: '王五', role: 'reporter', departmentId: dept } });
    expect(created.statusCode).toBe(201);
    const { initialPassword, user } = created.json();
    expect(user.mustChangePassword).toBe(true);
    const s = await signIn(app, 'newbie', initialPassword);
    const blocked = await app.inject({ url: '/api/commitments?region=430502', headers: s });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const weak = await app.inject({ method: 'POST', url: '/api/auth/password', headers: s, payload: { currentPassword: initialPassword, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    const changed = await app.inject({ method: 'POST', url: '/api/auth/password', headers: s, payload: { currentPassword: initialPassword, newPassword: 'Newbie-2024-ok' } });
    expect(changed.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/commitments?region=430502', headers: s })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'newbie', password: initialPassword } })).statusCode).toBe(401);
    await signIn(app, 'newbie', 'Newbie-2024-ok');
  });

  it('wrong passwords slow down that username from that address, the same for real and unknown accounts; the owner elsewhere still signs in', async () => {
    let clock = Date.now();
    app.loginThrottle = new StoredFailureBackoff(db, LOGIN_RULES.backoff, () => clock);
    const attempt = (username: string, password: string, ip: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } });
    for (const username of ['victim', 'no-such-user']) {
      for (let i = 0; i < 5; i++) {
        const r = await attempt(username, 'wrong-password-1', '10.0.0.1');
        expect(r.statusCode).toBe(401);
        expect(r.json().error).toMatchObject({ code: 'bad_credentials', zh: '用户名或密码错误' });
      }
    }
    // counted in the database: the account's under its region, the unknown name's under none, and
    // neither name nor address in clear (what is typed as a username is sometimes a password)
    const counted = async (k: FailureKey) =>
      (await db.query<{ failures: number }>('select failures from login_failure where region_code = $1 and key_hash = $2', [k.regionCode, k.keyHash]))[0]?.failures;
    expect(await counted(loginKey({ regionCode: '430502', username: 'victim', clientAddress: '10.0.0.1' }))).toBe(5);
    expect(await counted(loginKey({ regionCode: null, username: 'no-such-user', clientAddress: '10.0.0.1' }))).toBe(5);
    expect(await db.query("select 1 from login_failure where key_hash !~ '^[0-9a-f]{64}$'")).toEqual([]);
    // the sixth try from that address waits, even with the right password, and says the same for both names
    const waits = [await attempt('victim', TEST_PASSWORD, '10.0.0.1'), await attempt('no-such-user', TEST_PASSWORD, '10.0.0.1')];
    expect(waits.map((r) => r.statusCode)).toEqual([429, 429]);
    expect(waits[0]!.json()).toEqual(waits[1]!.json());
    expect(waits[0]!.json().error).toMatchObject({ code: 'too_many_attempts', details: { retryAfterSeconds: 1 } });
    expect(waits[0]!.headers['retry-after']).toBe('1');
    // the owner at another address is not locked out
    expect((await attempt('victim', TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    // each further failure doubles the wait: 1 s, 2 s, 4 s …
    for (const seconds of [1, 2, 4, 8]) {
      clock += seconds * 1000;
      expect((await attempt('victim', 'wrong-password-2', '10.0.0.1')).statusCode).toBe(401);
      expect((await attempt('victim', TEST_PASSWORD, '10.0.0.1')).json().error.details.retryAfterSeconds).toBe(seconds * 2);
    }
    // once the wait is over, the right password works and clears the backoff
    clock += 16_000;
    expect((await attempt('victim', TEST_PASSWORD, '10.0.0.1')).statusCode).toBe(200);
    expect((await attempt('victim', 'wrong-password-3', '10.0.0.1')).statusCode).toBe(401);
    const [row] = await db.query<{ locked_until: string | null }>("select locked_until from app_user where username = 'victim'");
    expect(row!.locked_until).toBeNull();
    const actions = (await db.query<{ action: string }>("select action from audit_event where entity = 'user' and entity_id = (select id::text from app_user where username = 'victim') order by id")).map((r) => r.action);
    expect(actions).toEqual(['user.create', ...Array(5).fill('user.loginFailed'), 'user.login', ...Array(4).fill('user.loginFailed'), 'user.login', 'user.loginFailed']);
    app.loginThrottle = new StoredFailureBackoff(db);
  });

  it('failures under many usernames from one address do not lock out the others behind it (a shared NAT address)', async () => {
    for (let i = 0; i < 30; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { username: `nobody${i}`, password: 'x' } });
      expect(r.statusCode).toBe(401);
    }
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'office', password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For from a client that is not a local proxy', async () => {
    app.loginThrottle = new StoredFailureBackoff(db, LOGIN_RULES.backoff, () => Date.parse('2026-12-04T08:00:00Z'));
    const codes = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.7', headers: { 'x-forwarded-for': `172.16.0.${i}` }, payload: { username: 'ghost', password: 'x' } })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    app.loginThrottle = new StoredFailureBackoff(db);
  });

  it('API tokens: hashed at rest, no CSRF needed, revocable', async () => {
    const admin = await signIn(app, 'office');
    const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: admin, payload: { name: '政务服务平台' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(await db.query('select 1 from api_token where token_hash = $1', [token])).toHaveLength(0);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: '/api/auth/me', headers: bearer })).json()).toMatchObject({ user: { username: 'office' }, via: 'token' });
    const write = await app.inject({ method: 'POST', url: '/api/users', headers: bearer, payload: { username: 'by-token', displayName: '赵六', role: 'leader' } });
    expect(write.statusCode).toBe(201);
    expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: admin })).statusCode).toBe(200);
    const after = await app.inject({ url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_token');
    // someone else's token is not even visible
    const other = await signIn(app, 'newbie', 'Newbie-2024-ok');
    const mine = (await app.inject({ method: 'POST', url: '/api/tokens', headers: admin, payload: { name: 'x' } })).json();
    expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${mine.id}`, headers: other })).statusCode).toBe(404);
  });

  it('a disabled account cannot sign in, and its sessions and tokens stop working', async () => {
    const admin = await signIn(app, 'office');
    const s = await signIn(app, 'newbie', 'Newbie-2024-ok');
    const token = (await app.inject({ method: 'POST', url: '/api/tokens', headers: s, payload: { name: 'y' } })).json().token;
    const [u] = (await app.inject({ url: '/api/users', headers: admin })).json().items.filter((x: { username: string }) => x.username === 'newbie');
    const off = await app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: admin, payload: { active: false, version: u.version } });
    expect(off.statusCode).toBe(200);
    expect((await app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: admin, payload: { active: true, version: u.version } })).statusCode).toBe(409);
    expect((await app.inject({ url: '/api/auth/me', headers: s })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'newbie', password: 'Newbie-2024-ok' } })).statusCode).toBe(401);
  });
});
