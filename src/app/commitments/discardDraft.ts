import { appendAudit } from '../../store/audit.ts';
import { deleteCommitment } from '../../store/commitments.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkVersion, loadCommitmentFor, requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { assertImportedDraft } from './importedDrafts.ts';

/** 舍弃: the office discards a draft created by report import (a misread sentence). The audit keeps the deleted row. */
export async function discardDraft(ctx: AppContext, o: { actor: WorkflowActor; id: string; version: number }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.id, true);
    requireAdmin(o.actor, c.regionCode);
    assertImportedDraft(c);
    checkVersion(c, o.version);
    const [child] = await tx.query('select 1 from commitment where parent_id = $1 limit 1', [c.id]);
    if (child) throw new AppError('draft_has_subtasks', '该草稿下有子任务，不能舍弃', 'the draft has subtasks', 409);
    await deleteCommitment(tx, c.id);
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'commitment.discard', entity: 'commitment', entityId: c.id, before: c });
  });
}
