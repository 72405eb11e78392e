import { z } from 'zod';
import { applyChangeRequest, decideChangeRequest as decide } from '../../domain/lifecycle.ts';
import type { ChangeRequest, Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { getChangeRequest, updateChangeRequest } from '../../store/changeRequests.ts';
import { updateCommitment } from '../../store/commitments.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { checkCommitment } from '../commitments/checkCommitment.ts';
import { checkVersion, lifecycleFailure, loadCommitmentFor, roleOn, type WorkflowActor } from '../workflow/access.ts';

export const DecideChangeRequestInput = z.object({
  decision: z.enum(['approve', 'refuse']).describe('批准 / 不予批准'),
  comment: z.string().max(2000).nullable().default(null).describe('审批意见'),
  version: z.number().int().describe('the change request’s version / 版本号'),
});
export type DecideChangeRequestInput = z.input<typeof DecideChangeRequestInput>;

/**
 * The office approves or refuses a pending change request. Approval applies it to the commitment
 * (new target fields, new deadline, or cancellation) in the same transaction; both are audited.
 */
export async function decideChangeRequest(
  ctx: AppContext,
  o: { actor: WorkflowActor; id: string; input: DecideChangeRequestInput },
): Promise<{ changeRequest: ChangeRequest; commitment: Commitment }> {
  const input = DecideChangeRequestInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const before = await getChangeRequest(tx, o.id);
    if (!before) throw notFound('change request', '变更申请');
    const c = await loadCommitmentFor(tx, o.actor, before.commitmentId, true).catch((e: { status?: number }) => {
      throw e.status === 404 ? notFound('change request', '变更申请') : e;
    });
    const d = decide(before.state, input.decision, roleOn(o.actor, c));
    if (!d.ok) throw lifecycleFailure(d.error);
    checkVersion(before, input.version, 'change request');
    const cr = await updateChangeRequest(tx, o.id, input.version, { state: d.value, decidedBy: o.actor.id, decisionComment: input.comment });
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: `changeRequest.${input.decision}`, entity: 'changeRequest', entityId: cr.id, before, after: cr });
    let commitment = c;
    if (cr.state === 'approved') {
      const applied = applyChangeRequest(c, cr);
      await checkCommitment(tx, applied);
      const patch = cr.kind === 'cancel' ? { state: applied.state } : cr.kind === 'extend' ? { deadline: applied.deadline } : { ...cr.changes };
      commitment = await updateCommitment(tx, c.id, c.version, patch);
      await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: `commitment.${cr.kind}`, entity: 'commitment', entityId: c.id, before: c, after: commitment });
    }
    return { changeRequest: cr, commitment };
  });
}
