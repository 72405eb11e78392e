import { appendAudit } from '../../store/audit.ts';
import { getHonour } from '../../store/honours.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { readsRegion, requireSignedIn } from '../policies/scope.ts';
import { principalOf, requireAdmin, type WorkflowActor } from '../workflow/access.ts';

/** 删除荣誉: the region's office removes an honour recorded in error; the audit trail keeps it. */
export async function removeHonour(ctx: AppContext, o: { actor: WorkflowActor; id: string }): Promise<void> {
  requireSignedIn(principalOf(o.actor));
  await ctx.db.transaction(async (tx) => {
    const h = await getHonour(tx, o.id);
    if (!h || !readsRegion(principalOf(o.actor), h.regionCode)) throw notFound('honour', '荣誉');
    requireAdmin(o.actor, h.regionCode);
    await tx.query('delete from honour where id = $1', [h.id]);
    await appendAudit(tx, { regionCode: h.regionCode, actor: principalOf(o.actor), action: 'honour.delete', entity: 'honour', entityId: h.id, before: h });
  });
}
