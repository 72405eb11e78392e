import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../store/audit.ts';
import { deleteExpiredSessions, getUserByUsername, insertSession, presentUser, recordFailedLogin, recordSuccessfulLogin } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { LOGIN_RULES, newSecret, sha256, verifyPassword } from './secrets.ts';
import type { LoginThrottle } from './throttle.ts';

const badCredentials = () => new AppError('bad_credentials', '用户名或密码错误', 'wrong username or password', 401);

/**
 * Signs a user in with username and password and opens a session. Five failures in a row lock the
 * account for 15 minutes (423); too many failures from one address are refused (429) before any
 * password is checked. Returns the session secret (cookie) and its CSRF token.
 */
export async function login(
  ctx: AppContext,
  options: { username: string; password: string; clientAddress: string | null; throttle?: LoginThrottle },
): Promise<{ sessionToken: string; csrfToken: string; expiresAt: string; user: ReturnType<typeof presentUser> }> {
  const address = options.clientAddress ?? 'unknown';
  const wait = options.throttle?.retryAfter(address) ?? 0;
  if (wait > 0)
    throw new AppError('too_many_attempts', `登录失败次数过多，请${Math.ceil(wait / 60_000)}分钟后再试`, `too many failed logins; retry in ${Math.ceil(wait / 60_000)} min`, 429, {
      retryAfterSeconds: Math.ceil(wait / 1000),
    });
  const user = await getUserByUsername(ctx.db, options.username);
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, options.password);
  const actor = { id: user?.id ?? null, role: user?.role ?? null, clientAddress: options.clientAddress };
  if (user?.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
    if (!ok) options.throttle?.fail(address);
    throw new AppError('account_locked', '账号已临时锁定，请稍后再试或联系督查室', 'the account is locked for a while; retry later or ask the office', 423, { lockedUntil: user.lockedUntil });
  }
  if (!user || !user.active || !ok) {
    options.throttle?.fail(address);
    if (user?.active) {
      await ctx.db.transaction(async (tx) => {
        const state = await recordFailedLogin(tx, user.id, LOGIN_RULES.maxFailures, LOGIN_RULES.lockMs);
        await appendAudit(tx, { regionCode: user.regionCode, actor, action: state.lockedUntil ? 'user.lock' : 'user.loginFailed', entity: 'user', entityId: user.id, after: state });
      });
    }
    throw badCredentials();
  }
  const sessionToken = newSecret('dbs_');
  const csrfToken = newSecret('csrf_');
  const expiresAt = new Date(Date.now() + LOGIN_RULES.sessionIdleMs).toISOString();
  await ctx.db.transaction(async (tx) => {
    await recordSuccessfulLogin(tx, user.id);
    await deleteExpiredSessions(tx, user.id);
    const id = randomUUID();
    await insertSession(tx, { id, regionCode: user.regionCode, userId: user.id, tokenHash: sha256(sessionToken), csrfToken, clientAddress: options.clientAddress, expiresAt, lastSeenAt: '' });
    await appendAudit(tx, { regionCode: user.regionCode, actor, action: 'user.login', entity: 'user', entityId: user.id, after: { sessionId: id } });
  });
  return { sessionToken, csrfToken, expiresAt, user: presentUser({ ...user, failedLogins: 0, lockedUntil: null }) };
}
