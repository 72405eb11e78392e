import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../store/audit.ts';
import { getUserByUsername, insertSession, normalizeUsername, presentUser, pruneSessions, recordFailedLogin, recordSuccessfulLogin } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { LOGIN_RULES, newSecret, sha256, verifyPassword } from './secrets.ts';
import { loginKey, type FailureBackoff } from './throttle.ts';
import { forgetCredentials } from './authenticate.ts';

const badCredentials = () => new AppError('bad_credentials', '用户名或密码错误', 'wrong username or password', 401);

/** The refusal while a key waits out its backoff (429, with the seconds to wait). */
export function tooManyAttempts(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  const zh = seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
  const en = seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return new AppError('too_many_attempts', `密码错误次数过多，请${zh}后再试`, `too many wrong passwords; retry in ${en}`, 429, { retryAfterSeconds: seconds });
}

/**
 * Signs a user in with username and password and opens a session. Wrong passwords slow down the
 * next tries for this username from this client address (`FailureBackoff`, counted in the database
 * for every instance: 429 while waiting, before any password is checked); an unknown username, a disabled account and a wrong password
 * all answer the same 401, and a waiting key the same 429 whether or not the account exists.
 * Signing in ends the account's oldest sessions beyond `LOGIN_RULES.maxSessions`. Returns the
 * session secret (cookie) and its CSRF token.
 */
export async function login(
  ctx: AppContext,
  options: { username: string; password: string; clientAddress: string | null; throttle?: FailureBackoff },
): Promise<{ sessionToken: string; csrfToken: string; expiresAt: string; user: ReturnType<typeof presentUser> }> {
  const user = await getUserByUsername(ctx.db, options.username);
  // kept under the account's region when the name is one (no region otherwise); the answer is the same
  const key = loginKey({ regionCode: user?.regionCode ?? null, username: normalizeUsername(options.username), clientAddress: options.clientAddress });
  const wait = (await options.throttle?.retryAfter(key)) ?? 0;
  if (wait > 0) throw tooManyAttempts(wait);
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, options.password);
  const actor = { id: user?.id ?? null, role: user?.role ?? null, clientAddress: options.clientAddress };
  if (!user || !user.active || !ok) {
    await options.throttle?.fail(key);
    if (user?.active) {
      await ctx.db.transaction(async (tx) => {
        const failedLogins = await recordFailedLogin(tx, user.id);
        await appendAudit(tx, { regionCode: user.regionCode, actor, action: 'user.loginFailed', entity: 'user', entityId: user.id, after: { failedLogins } });
      });
    }
    throw badCredentials();
  }
  await options.throttle?.succeed(key);
  const sessionToken = newSecret('dbs_');
  const csrfToken = newSecret('csrf_');
  const expiresAt = new Date(Date.now() + LOGIN_RULES.sessionIdleMs).toISOString();
  const ended = await ctx.db.transaction(async (tx) => {
    await recordSuccessfulLogin(tx, user.id);
    const id = randomUUID();
    await insertSession(tx, { id, regionCode: user.regionCode, userId: user.id, tokenHash: sha256(sessionToken), csrfToken, clientAddress: options.clientAddress, expiresAt, lastSeenAt: '' });
    const ended = await pruneSessions(tx, user.id, LOGIN_RULES.maxSessions);
    await appendAudit(tx, { regionCode: user.regionCode, actor, action: 'user.login', entity: 'user', entityId: user.id, after: { sessionId: id, ...(ended ? { endedSessions: ended } : {}) } });
    return ended;
  });
  if (ended) forgetCredentials(); // the ended sessions stop at once
  return { sessionToken, csrfToken, expiresAt, user: presentUser({ ...user, failedLogins: 0, lockedUntil: null }) };
}
