import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { getCommitment, updateCommitment } from '../../store/commitments.ts';
import type { AppContext } from '../context.ts';
import { checkVersion, loadCommitmentFor, requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { checkCommitment } from './checkCommitment.ts';
import { UpdateCommitmentInput } from './input.ts';
import { assertImportedDraft } from './importedDrafts.ts';

/**
 * 确认: the office confirms a draft created by report import, optionally correcting its fields in
 * the same step. It stays 立项 (draft) and can then be assigned; audited as `commitment.confirm`.
 */
export async function confirmDraft(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: UpdateCommitmentInput }): Promise<Commitment> {
  const { version, ...patch } = UpdateCommitmentInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.id, true);
    requireAdmin(o.actor, c.regionCode);
    assertImportedDraft(c);
    checkVersion(c, version);
    await checkCommitment(tx, { ...c, ...patch } as unknown as Commitment);
    await updateCommitment(tx, c.id, version, patch as unknown as Partial<Commitment>);
    await tx.query('update commitment set confirmed_at = now() where id = $1', [c.id]);
    const after = (await getCommitment(tx, c.id))!;
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'commitment.confirm', entity: 'commitment', entityId: c.id, before: c, after });
    return after;
  });
}
