import { appendAudit } from '../../store/audit.ts';
import { deleteUserSessions, getUser, setPassword } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { requireSignedIn } from '../policies/scope.ts';
import { checkPasswordRules, hashPassword, verifyPassword } from './secrets.ts';
import { changingCredentials } from './authenticate.ts';
import { tooManyAttempts } from './login.ts';
import { passwordKey, type FailureBackoff } from './throttle.ts';

/**
 * Changes the actor's own password after checking the current one; clears the must-change flag
 * of a one-time initial password and ends the user's other sessions. The user's API tokens keep
 * working: they are separate credentials the user revokes one by one (an office's reset revokes them).
 */
export async function changePassword(
  ctx: AppContext,
  options: { actor: Principal; currentPassword: string; newPassword: string; keepSessionId?: string | null; throttle?: FailureBackoff },
): Promise<void> {
  requireSignedIn(options.actor);
  const user = options.actor.id ? await getUser(ctx.db, options.actor.id) : undefined;
  if (!user) throw new AppError('unauthorized', '请先登录', 'sign in first', 401);
  // guesses of the current password (with a stolen session) slow down like logins, per account
  const key = passwordKey({ regionCode: user.regionCode, userId: user.id });
  const wait = (await options.throttle?.retryAfter(key)) ?? 0;
  if (wait > 0) throw tooManyAttempts(wait);
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    await options.throttle?.fail(key);
    throw new AppError('bad_credentials', '当前密码错误', 'the current password is wrong', 400);
  }
  await options.throttle?.succeed(key);
  checkPasswordRules(options.newPassword);
  if (options.newPassword === options.currentPassword)
    throw new AppError('password_unchanged', '新密码不能与当前密码相同', 'the new password must differ from the current one');
  const passwordHash = await hashPassword(options.newPassword);
  await changingCredentials(ctx.db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash, false);
    await deleteUserSessions(tx, user.id, options.keepSessionId ?? null);
    await appendAudit(tx, { regionCode: user.regionCode, actor: options.actor, action: 'user.changePassword', entity: 'user', entityId: user.id });
  }));
}
