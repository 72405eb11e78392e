import { appendAudit, type Actor } from '../../store/audit.ts';
import { deleteUserSessions, getUser, presentUser, revokeUserApiTokens, setPassword } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { generateInitialPassword, hashPassword } from '../auth/secrets.ts';
import { principalOf } from '../policies/principal.ts';
import { authorize } from '../policies/scope.ts';
import { userPolicy } from '../policies/users.ts';
import { changingCredentials } from '../auth/authenticate.ts';

/**
 * An office gives one of its region's accounts a new one-time password (also lifting a lock);
 * the user's sessions end, the user's API tokens are revoked (whoever knew the old password may
 * have made one) and the password must be changed at the next login.
 */
export async function resetPassword(ctx: AppContext, options: { actor: Actor; id: string }): Promise<{ user: ReturnType<typeof presentUser>; initialPassword: string }> {
  const actor = principalOf(options.actor);
  const password = generateInitialPassword();
  const passwordHash = await hashPassword(password);
  return changingCredentials(ctx.db.transaction(async (tx) => {
    const before = await getUser(tx, options.id);
    if (!before) throw notFound('user', '用户');
    authorize(actor, userPolicy.manage(actor, before), actor.role === 'admin' && actor.regionCodes.includes(before.regionCode), ['user', '用户']);
    const after = await setPassword(tx, before.id, passwordHash, true);
    await deleteUserSessions(tx, before.id);
    const revokedTokens = await revokeUserApiTokens(tx, before.id);
    await appendAudit(tx, { regionCode: before.regionCode, actor, action: 'user.resetPassword', entity: 'user', entityId: before.id, before: presentUser(before), after: { ...presentUser(after), revokedTokens } });
    return { user: presentUser(after), initialPassword: password };
  }));
}
