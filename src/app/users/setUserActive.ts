import { appendAudit, type Actor } from '../../store/audit.ts';
import { deleteUserSessions, getUser, presentUser, revokeUserApiTokens, setUserActive as storeSetActive } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { principalOf } from '../policies/principal.ts';
import { authorize } from '../policies/scope.ts';
import { userPolicy } from '../policies/users.ts';
import { changingCredentials } from '../auth/authenticate.ts';

/**
 * An office disables (or re-enables) an account of its region: a disabled account cannot sign in,
 * its sessions end and its API tokens are revoked (re-enabling does not bring them back: the user
 * makes new ones). The version read must be current (409).
 */
export async function setUserActive(ctx: AppContext, options: { actor: Actor; id: string; active: boolean; version: number }): Promise<ReturnType<typeof presentUser>> {
  const actor = principalOf(options.actor);
  return changingCredentials(ctx.db.transaction(async (tx) => {
    const before = await getUser(tx, options.id);
    if (!before) throw notFound('user', '用户');
    authorize(actor, userPolicy.manage(actor, before), actor.role === 'admin' && actor.regionCodes.includes(before.regionCode), ['user', '用户']);
    if (before.id === actor.id) throw new AppError('self_disable', '不能停用自己的账号', 'you cannot disable your own account');
    const after = await storeSetActive(tx, before.id, options.active, options.version);
    if (!after) throw conflict('user');
    let revokedTokens: string[] = [];
    if (!options.active) {
      await deleteUserSessions(tx, before.id);
      revokedTokens = await revokeUserApiTokens(tx, before.id);
    }
    await appendAudit(tx, {
      regionCode: before.regionCode, actor, action: options.active ? 'user.enable' : 'user.disable', entity: 'user', entityId: before.id,
      before: presentUser(before), after: options.active ? presentUser(after) : { ...presentUser(after), revokedTokens },
    });
    return presentUser(after);
  }));
}
