/** Accounts (app_user), sessions and API tokens. Secrets are stored only as SHA-256 hashes. */
import type { User } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel, camelAll } from './rows.ts';

/** An account as stored, with its login state (never sent to clients as is). */
export interface UserRecord extends User {
  passwordHash: string | null;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  passwordChangedAt: string | null;
}

/** The public face of an account. */
export const presentUser = (u: UserRecord) => ({
  id: u.id, regionCode: u.regionCode, username: u.username, displayName: u.displayName, role: u.role,
  departmentId: u.departmentId, active: u.active, version: u.version, mustChangePassword: u.mustChangePassword, lockedUntil: u.lockedUntil, createdAt: u.createdAt,
});

export async function getUser(q: Queryable, id: string): Promise<UserRecord | undefined> {
  const [row] = await q.query('select * from app_user where id = $1', [id]);
  return row ? camel<UserRecord>(row) : undefined;
}

/**
 * The form a username is stored and compared in: NFKC (full-width letters and digits become
 * ASCII) and lower case, so "Admin" and "ａｄｍｉｎ" cannot be accounts beside "admin"
 * (migration 010 keeps it unique).
 */
export const normalizeUsername = (username: string): string => username.trim().normalize('NFKC').toLowerCase();

export async function getUserByUsername(q: Queryable, username: string): Promise<UserRecord | undefined> {
  const [row] = await q.query('select * from app_user where username = $1', [normalizeUsername(username)]);
  return row ? camel<UserRecord>(row) : undefined;
}

export async function listUsers(q: Queryable, regionCodes: string[]): Promise<UserRecord[]> {
  return camelAll<UserRecord>(await q.query('select * from app_user where region_code = any($1) order by region_code, role, username', [regionCodes]));
}

export async function insertUser(q: Queryable, u: User & { passwordHash: string; mustChangePassword: boolean }): Promise<UserRecord> {
  const [row] = await q.query(
    `insert into app_user (id, region_code, username, display_name, role, department_id, password_hash, must_change_password)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [u.id, u.regionCode, normalizeUsername(u.username), u.displayName, u.role, u.departmentId, u.passwordHash, u.mustChangePassword],
  );
  return camel<UserRecord>(row);
}

export async function setPassword(q: Queryable, id: string, passwordHash: string, mustChange: boolean): Promise<UserRecord> {
  const [row] = await q.query(
    `update app_user set password_hash = $2, must_change_password = $3, password_changed_at = now(), failed_logins = 0, locked_until = null,
       version = version + 1 where id = $1 returning *`,
    [id, passwordHash, mustChange],
  );
  return camel<UserRecord>(row);
}

/** Counts a failed login (consecutive failures, shown in the audit trail); returns the new count. */
export async function recordFailedLogin(q: Queryable, id: string): Promise<number> {
  const [row] = await q.query<{ failed_logins: number }>('update app_user set failed_logins = failed_logins + 1 where id = $1 returning failed_logins', [id]);
  return row!.failed_logins;
}

export async function recordSuccessfulLogin(q: Queryable, id: string): Promise<void> {
  await q.query('update app_user set failed_logins = 0, locked_until = null where id = $1 and (failed_logins <> 0 or locked_until is not null)', [id]);
}

export interface SessionRecord {
  id: string;
  regionCode: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
}

export async function insertSession(q: Queryable, s: SessionRecord & { tokenHash: string; clientAddress: string | null }): Promise<void> {
  await q.query(
    `insert into user_session (id, region_code, user_id, token_hash, csrf_token, client_address, expires_at) values ($1, $2, $3, $4, $5, $6, $7)`,
    [s.id, s.regionCode, s.userId, s.tokenHash, s.csrfToken, s.clientAddress, s.expiresAt],
  );
}

/** The live session with this token hash, with its user (expired sessions and inactive users: undefined). */
export async function findSession(q: Queryable, tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
  const [row] = await q.query<Record<string, unknown>>(
    `select s.id as s_id, s.region_code as s_region_code, s.user_id as s_user_id, s.csrf_token as s_csrf_token, s.expires_at as s_expires_at,
            s.last_seen_at as s_last_seen_at, u.*
     from user_session s join app_user u on u.id = s.user_id where s.token_hash = $1 and s.expires_at > now() and u.active`,
    [tokenHash],
  );
  if (!row) return undefined;
  const session = { id: row.s_id, regionCode: row.s_region_code, userId: row.s_user_id, csrfToken: row.s_csrf_token, expiresAt: row.s_expires_at, lastSeenAt: row.s_last_seen_at } as SessionRecord;
  const user = camel<UserRecord>(Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('s_'))));
  return { session, user };
}

export async function touchSession(q: Queryable, id: string, expiresAt: string): Promise<void> {
  await q.query('update user_session set last_seen_at = now(), expires_at = $2 where id = $1', [id, expiresAt]);
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.query('delete from user_session where id = $1', [id]);
}

/** Ends every session of a user except `keepId` (after a password change or reset). */
export async function deleteUserSessions(q: Queryable, userId: string, keepId: string | null = null): Promise<void> {
  await q.query('delete from user_session where user_id = $1 and ($2::uuid is null or id <> $2)', [userId, keepId]);
}

export interface ApiTokenRecord {
  id: string;
  regionCode: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function insertApiToken(q: Queryable, t: { id: string; regionCode: string; userId: string; name: string; tokenHash: string }): Promise<ApiTokenRecord> {
  const [row] = await q.query(
    `insert into api_token (id, region_code, user_id, name, token_hash) values ($1, $2, $3, $4, $5)
     returning id, region_code, user_id, name, created_at, last_used_at, revoked_at`,
    [t.id, t.regionCode, t.userId, t.name, t.tokenHash],
  );
  return camel<ApiTokenRecord>(row);
}

export async function findApiToken(q: Queryable, tokenHash: string): Promise<{ token: ApiTokenRecord; user: UserRecord } | undefined> {
  const [row] = await q.query<Record<string, unknown>>(
    `select t.id as t_id, t.name as t_name, t.last_used_at as t_last_used_at, u.*
     from api_token t join app_user u on u.id = t.user_id where t.token_hash = $1 and t.revoked_at is null and u.active`,
    [tokenHash],
  );
  if (!row) return undefined;
  const user = camel<UserRecord>(Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('t_'))));
  return {
    token: { id: row.t_id as string, regionCode: user.regionCode, userId: user.id, name: row.t_name as string, createdAt: '', lastUsedAt: row.t_last_used_at as string | null, revokedAt: null },
    user,
  };
}

export async function getApiToken(q: Queryable, id: string): Promise<ApiTokenRecord | undefined> {
  const [row] = await q.query('select id, region_code, user_id, name, created_at, last_used_at, revoked_at from api_token where id = $1', [id]);
  return row ? camel<ApiTokenRecord>(row) : undefined;
}

export async function listApiTokens(q: Queryable, userId: string): Promise<ApiTokenRecord[]> {
  return camelAll<ApiTokenRecord>(
    await q.query('select id, region_code, user_id, name, created_at, last_used_at, revoked_at from api_token where user_id = $1 order by created_at', [userId]),
  );
}

export async function revokeApiToken(q: Queryable, id: string): Promise<ApiTokenRecord> {
  const [row] = await q.query(
    `update api_token set revoked_at = coalesce(revoked_at, now()) where id = $1 returning id, region_code, user_id, name, created_at, last_used_at, revoked_at`,
    [id],
  );
  return camel<ApiTokenRecord>(row);
}

/** Revokes every live API token of a user (password reset, deactivation); returns the ids revoked. */
export async function revokeUserApiTokens(q: Queryable, userId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>('update api_token set revoked_at = now() where user_id = $1 and revoked_at is null returning id', [userId]);
  return rows.map((r) => r.id);
}

export async function touchApiToken(q: Queryable, id: string): Promise<void> {
  await q.query('update api_token set last_used_at = now() where id = $1', [id]);
}

export async function setUserActive(q: Queryable, id: string, active: boolean, expectedVersion: number): Promise<UserRecord | undefined> {
  const [row] = await q.query('update app_user set active = $2, version = version + 1 where id = $1 and version = $3 returning *', [id, active, expectedVersion]);
  return row ? camel<UserRecord>(row) : undefined;
}

/** Drops a user's expired sessions and all but the `keep` most recent live ones (called at login); returns how many live ones ended. */
export async function pruneSessions(q: Queryable, userId: string, keep: number): Promise<number> {
  const rows = await q.query<{ live: boolean }>(
    `delete from user_session where user_id = $1 and (expires_at <= now() or id in (
       select id from user_session where user_id = $1 and expires_at > now() order by created_at desc, id offset $2))
     returning expires_at > now() as live`,
    [userId, keep],
  );
  return rows.filter((r) => r.live).length;
}
