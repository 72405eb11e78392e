import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { validateChangeRequest } from '../../domain/lifecycle.ts';
import { ChangeRequestKind, CommitmentChanges } from '../../domain/types.ts';
import type { ChangeRequest } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { insertChangeRequest } from '../../store/changeRequests.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { lifecycleFailure, loadCommitmentFor, roleOn, type WorkflowActor } from '../workflow/access.ts';

export const FileChangeRequestInput = z.object({
  kind: ChangeRequestKind.describe('adjust 调整 / extend 延期 / cancel 取消'),
  changes: CommitmentChanges.default({}),
  reason: z.string().trim().min(1).max(2000).describe('申请理由'),
});
export type FileChangeRequestInput = z.input<typeof FileChangeRequestInput>;

/**
 * 变更申请: the lead department (or the office) asks to adjust, extend or cancel a commitment.
 * Nothing changes on the commitment until the office approves. One pending request at a time.
 */
export async function fileChangeRequest(ctx: AppContext, o: { actor: WorkflowActor; commitmentId: string; input: FileChangeRequestInput }): Promise<ChangeRequest> {
  const input = FileChangeRequestInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.commitmentId, true);
    const ok = validateChangeRequest(c, input, roleOn(o.actor, c));
    if (!ok.ok) throw lifecycleFailure(ok.error);
    const [pending] = await tx.query(`select id from change_request where commitment_id = $1 and state = 'pending'`, [c.id]);
    if (pending) throw new AppError('change_request_pending', '该任务已有待审批的变更申请', 'this commitment already has a pending change request', 409);
    const cr = await insertChangeRequest(tx, {
      id: randomUUID(), regionCode: c.regionCode, commitmentId: c.id, kind: input.kind, changes: input.changes, reason: input.reason, requestedBy: o.actor.id,
    });
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'changeRequest.create', entity: 'changeRequest', entityId: cr.id, after: cr });
    return cr;
  });
}
