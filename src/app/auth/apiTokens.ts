/** API tokens for system-to-system use: created by a signed-in user, revocable, stored hashed. */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../store/audit.ts';
import { getApiToken, insertApiToken, revokeApiToken as storeRevoke, type ApiTokenRecord } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { isAdminOf, requireSignedIn } from '../policies/scope.ts';
import { newSecret, sha256 } from './secrets.ts';
import { changingCredentials } from './authenticate.ts';

/** Creates a token acting as the actor; the secret is returned once and only its hash is kept. */
export async function createApiToken(ctx: AppContext, options: { actor: Principal; name: string }): Promise<{ token: string; record: ApiTokenRecord }> {
  requireSignedIn(options.actor);
  const { actor } = options;
  const token = newSecret('dbt_');
  const record = await ctx.db.transaction(async (tx) => {
    const r = await insertApiToken(tx, { id: randomUUID(), regionCode: actor.regionCode!, userId: actor.id!, name: options.name, tokenHash: sha256(token) });
    await appendAudit(tx, { regionCode: r.regionCode, actor, action: 'apiToken.create', entity: 'apiToken', entityId: r.id, after: r });
    return r;
  });
  return { token, record };
}

/** Revokes a token: its owner or the office of its region may; others get 404. */
export async function revokeApiToken(ctx: AppContext, options: { actor: Principal; id: string }): Promise<ApiTokenRecord> {
  requireSignedIn(options.actor);
  return changingCredentials(ctx.db.transaction(async (tx) => {
    const before = await getApiToken(tx, options.id);
    if (!before || (before.userId !== options.actor.id && !isAdminOf(options.actor, before.regionCode))) throw notFound('API token', '令牌');
    const after = await storeRevoke(tx, options.id);
    await appendAudit(tx, { regionCode: after.regionCode, actor: options.actor, action: 'apiToken.revoke', entity: 'apiToken', entityId: after.id, before, after });
    return after;
  }));
}
