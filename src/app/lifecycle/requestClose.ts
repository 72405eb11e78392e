import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Uuid } from '../../domain/types.ts';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadCommitmentFor, type WorkflowActor } from '../workflow/access.ts';
import { applyTransition } from './applyTransition.ts';

export const RequestCloseInput = z.object({
  version: z.number().int(),
  summary: z.string().trim().min(1).max(5000).describe('完成情况说明'),
  evidenceIds: z.array(Uuid).min(1).describe('证明材料: evidence already attached to this commitment’s reports'),
});
export type RequestCloseInput = z.input<typeof RequestCloseInput>;

/**
 * 办结申请: the lead department asks the office to close the commitment, with a summary and the
 * evidence (files of this commitment's submitted or accepted progress reports; a cited file can no
 * longer be removed).
 */
export async function requestClose(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: RequestCloseInput }): Promise<Commitment & { closeRequestId: string }> {
  const input = RequestCloseInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.id, true);
    const after = await applyTransition(tx, { actor: o.actor, commitment: c, action: 'requestClose', version: input.version });
    const found = await tx.query<{ id: string; state: string }>(
      `select e.id, r.state from evidence e join progress_report r on r.id = e.report_id where r.commitment_id = $1 and e.id = any($2)`,
      [c.id, input.evidenceIds],
    );
    const missing = input.evidenceIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length)
      throw new AppError('evidence_not_found', '证明材料不属于该任务的进展报送', `evidence not attached to this commitment: ${missing.join(', ')}`, 400);
    // only what the office has been sent: a draft's files may still change or vanish
    const unsent = found.filter((f) => f.state !== 'submitted' && f.state !== 'accepted').map((f) => f.id);
    if (unsent.length)
      throw new AppError('evidence_not_submitted', '只能引用已提交或已通过审核的报送中的证明材料', `only evidence of submitted or accepted reports may be cited: ${unsent.join(', ')}`, 400);
    const id = randomUUID();
    await tx.query(
      'insert into close_request (id, region_code, commitment_id, summary, evidence_ids, requested_by) values ($1, $2, $3, $4, $5, $6)',
      [id, c.regionCode, c.id, input.summary, input.evidenceIds, o.actor.id],
    );
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'closeRequest.create', entity: 'closeRequest', entityId: id, after: input });
    return { ...after, closeRequestId: id };
  });
}
