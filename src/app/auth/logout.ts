import { appendAudit } from '../../store/audit.ts';
import { deleteSession } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../policies/principal.ts';
import { changingCredentials } from './authenticate.ts';

/** Ends one session (the cookie stops working at once). */
export async function logout(ctx: AppContext, options: { actor: Principal; sessionId: string }): Promise<void> {
  await changingCredentials(ctx.db.transaction(async (tx) => {
    await deleteSession(tx, options.sessionId);
    if (options.actor.id && options.actor.regionCode)
      await appendAudit(tx, { regionCode: options.actor.regionCode, actor: options.actor, action: 'user.logout', entity: 'user', entityId: options.actor.id, after: { sessionId: options.sessionId } });
  }));
}
