import { z } from 'zod';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { loadCommitmentFor, type WorkflowActor } from '../workflow/access.ts';
import { applyTransition } from './applyTransition.ts';

/** Lifecycle moves that carry nothing but a comment: 开始推进, 退回办结申请, 办结销号, 取消 (office). */
export const SimpleAction = z.enum(['start', 'rejectClose', 'close', 'cancel']);
export type SimpleAction = z.infer<typeof SimpleAction>;

export const TransitionInput = z.object({
  version: z.number().int().describe('the version read / 版本号'),
  comment: z.string().max(2000).optional().describe('意见'),
});
export type TransitionInput = z.input<typeof TransitionInput>;

/**
 * Performs a simple lifecycle move. `close` and `rejectClose` also decide the pending 办结申请
 * (approved / refused, with the comment), in the same transaction.
 */
export async function transitionCommitment(
  ctx: AppContext,
  o: { actor: WorkflowActor; id: string; action: SimpleAction; input: TransitionInput },
): Promise<Commitment> {
  const { version, comment } = TransitionInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.id, true);
    const after = await applyTransition(tx, { actor: o.actor, commitment: c, action: o.action, version, note: comment });
    if (o.action === 'close' || o.action === 'rejectClose') {
      const rows = await tx.query<{ id: string }>(
        `update close_request set state = $2, decided_by = $3, decided_at = now(), decision_comment = $4
         where commitment_id = $1 and state = 'pending' returning id`,
        [c.id, o.action === 'close' ? 'approved' : 'refused', o.actor.id, comment ?? null],
      );
      for (const r of rows)
        await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: `closeRequest.${o.action === 'close' ? 'approve' : 'refuse'}`, entity: 'closeRequest', entityId: r.id, after: { comment } });
    }
    return after;
  });
}
