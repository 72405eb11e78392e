/** What happens to an account's sessions and API tokens when its password changes or it is disabled. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X } from './world.ts';
import { getUser } from '../store/users.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { signIn, TEST_PASSWORD, type Session } from './testing.ts';
import { buildWorld, type World } from './world.ts';
import { StoredFailureBackoff } from '../app/auth/throttle.ts';
import { LOGIN_RULES } from '../app/auth/secrets.ts';

describe.each(testEngines())('credentials on %s', (engine) => {
  let w: World;
  let admin: Session;
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
    admin = w.sessions.admin as Session;
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });

  /** A fresh account with two browser sessions and an API token. */
  async function account() {
    const id = await w.user('own');
    const { username } = (await getUser(w.db, id))!;
    const first = await signIn(w.app, username);
    const second = await signIn(w.app, username);
    const made = await w.app.inject({ method: 'POST', url: '/api/tokens', headers: first, payload: { name: '对接系统' } });
    expect(made.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${made.json().token}` };
    return { id, username, first, second, bearer };
  }
  const status = async (headers: Record<string, string>) => (await w.app.inject({ url: '/api/auth/me', headers })).statusCode;

  it("an office's password reset ends the account's sessions and revokes its API tokens", async () => {
    const a = await account();
    expect([await status(a.first), await status(a.second), await status(a.bearer)]).toEqual([200, 200, 200]);
    const reset = await w.app.inject({ method: 'POST', url: `/api/users/${a.id}/reset-password`, headers: admin });
    expect(reset.statusCode).toBe(200);
    expect([await status(a.first), await status(a.second), await status(a.bearer)]).toEqual([401, 401, 401]);
    const [row] = await w.db.query<{ revoked_at: string | null }>('select revoked_at from api_token where user_id = $1', [a.id]);
    expect(row!.revoked_at).not.toBeNull();
  });

  it('disabling an account revokes its API tokens for good: re-enabling it does not bring them back', async () => {
    const a = await account();
    const user = (await getUser(w.db, a.id))!;
    const off = await w.app.inject({ method: 'PATCH', url: `/api/users/${a.id}`, headers: admin, payload: { active: false, version: user.version } });
    expect(off.statusCode).toBe(200);
    expect([await status(a.first), await status(a.second), await status(a.bearer)]).toEqual([401, 401, 401]);
    const on = await w.app.inject({ method: 'PATCH', url: `/api/users/${a.id}`, headers: admin, payload: { active: true, version: off.json().version } });
    expect(on.statusCode).toBe(200);
    expect(await status(a.bearer)).toBe(401);
    expect(await status(await signIn(w.app, a.username))).toBe(200);
  });

  it("a password change ends the user's other sessions, keeps this one and the user's API tokens", async () => {
    const a = await account();
    const changed = await w.app.inject({ method: 'POST', url: '/api/auth/password', headers: a.first, payload: { currentPassword: TEST_PASSWORD, newPassword: 'New-pass-2025' } });
    expect(changed.statusCode).toBe(204);
    expect([await status(a.first), await status(a.second), await status(a.bearer)]).toEqual([200, 401, 200]);
  });

  it('guesses of the current password slow down like logins: after 5 wrong ones the next waits, even the right one', async () => {
    const a = await account();
    let clock = Date.now();
    w.app.loginThrottle = new StoredFailureBackoff(w.db, LOGIN_RULES.backoff, () => clock);
    const change = (currentPassword: string) =>
      w.app.inject({ method: 'POST', url: '/api/auth/password', headers: a.first, payload: { currentPassword, newPassword: 'New-pass-2025' } });
    for (let i = 0; i < 5; i++) expect((await change(`Guess-${i}-2024`)).json().error.code).toBe('bad_credentials');
    const waiting = await change(TEST_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    // from another session of the same account too: the backoff is the account's
    expect((await w.app.inject({ method: 'POST', url: '/api/auth/password', headers: a.second, payload: { currentPassword: TEST_PASSWORD, newPassword: 'New-pass-2025' } })).statusCode).toBe(429);
    clock += 1000;
    expect((await change(TEST_PASSWORD)).statusCode).toBe(204);
    w.app.loginThrottle = new StoredFailureBackoff(w.db);
  });

  it(`signing in more than ${LOGIN_RULES.maxSessions} times ends the oldest sessions`, async () => {
    const a = await account();
    const sessions = [a.first, a.second];
    for (let i = 2; i < LOGIN_RULES.maxSessions + 2; i++) sessions.push(await signIn(w.app, a.username));
    const codes = [];
    for (const s of sessions) codes.push(await status(s));
    expect(codes).toEqual([401, 401, ...Array(LOGIN_RULES.maxSessions).fill(200)]);
    expect(await status(a.bearer)).toBe(200);
  });

  it('usernames compare in NFKC and lower case: case and full-width variants are the same account, at creation and sign-in', async () => {
    const admin = w.sessions.admin as Session;
    const create = (username: string) =>
      w.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username, displayName: '张三', role: 'reporter', departmentId: w.dept.X1 } });
    const made = await create('ZhangSan');
    expect(made.statusCode).toBe(201);
    expect(made.json().user.username).toBe('zhangsan');
    for (const twin of ['zhangsan', 'ZHANGSAN', 'ｚｈａｎｇｓａｎ', 'ＺｈａｎｇＳａｎ', ' zhangsan ']) {
      const res = await create(twin);
      expect(res.statusCode, twin).toBe(409);
      expect(res.json().error.code).toBe('username_taken');
    }
    const { initialPassword } = made.json();
    for (const typed of ['zhangsan', 'ZhangSan', 'ＺＨＡＮＧＳＡＮ']) {
      const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: typed, password: initialPassword } });
      expect(res.statusCode, typed).toBe(200);
    }
    // the database refuses a variant whatever code path writes it
    await expect(w.db.query(`insert into app_user (id, region_code, username, display_name, role, password_hash, must_change_password) values (gen_random_uuid(), $1, 'ZHANGSAN', 'x', 'leader', 'x', false)`, [X]))
      .rejects.toMatchObject({ code: '23505' });
  });

  it('migration 010 makes existing names normal, renaming the later of two that collide', async () => {
    await w.db.exec('drop index app_user_username_normalized');
    const ids: string[] = [];
    for (const [username, at] of [['LiSi', '2024-01-01'], ['ｌｉｓｉ', '2024-02-01'], ['WangWu', '2024-01-01']] as const) {
      const [row] = await w.db.query<{ id: string }>(
        `insert into app_user (id, region_code, username, display_name, role, password_hash, must_change_password, created_at) values (gen_random_uuid(), $1, $2, 'x', 'leader', 'x', false, $3) returning id`,
        [X, username, at],
      );
      ids.push(row!.id);
    }
    await w.db.exec(readFileSync(join(import.meta.dirname, '../store/migrations/010_username_normalized.sql'), 'utf8'));
    const names = await Promise.all(ids.map(async (id) => (await getUser(w.db, id))!.username));
    expect(names).toEqual(['lisi', `lisi-${ids[1]!.slice(0, 8)}`, 'wangwu']);
  });
});
