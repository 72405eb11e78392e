import { randomUUID } from 'node:crypto';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit, type Actor } from '../../store/audit.ts';
import { getCommitment, updateCommitment as storeUpdate } from '../../store/commitments.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { checkCommitment } from './checkCommitment.ts';
import { refusedEdit } from '../../domain/lifecycle.ts';
import { lifecycleFailure } from '../workflow/access.ts';
import { UpdateCommitmentInput } from './input.ts';
import { principalOf } from '../policies/principal.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import { authorize } from '../policies/scope.ts';

/**
 * Edits a commitment if `input.version` is current (else 409, nothing changed); audited with
 * before/after. Only the region's office may; those who cannot read it get 404. Which fields may
 * change depends on the lifecycle state (`editableFields`): a refused field gives 409.
 */
export async function updateCommitment(ctx: AppContext, options: { actor: Actor; id: string; input: UpdateCommitmentInput }): Promise<Commitment> {
  const { version, milestones: milestoneInput, ...fields } = UpdateCommitmentInput.parse(options.input);
  return ctx.db.transaction(async (tx) => {
    const before = await getCommitment(tx, options.id);
    if (!before) throw notFound('commitment', '目标任务');
    const actor = principalOf(options.actor);
    authorize(actor, commitmentPolicy.update(actor, before), commitmentPolicy.readInternal(actor, before), ['commitment', '目标任务']);
    const refused = refusedEdit(before, { ...fields, milestones: milestoneInput });
    if (refused) throw lifecycleFailure(refused);
    const milestones = milestoneInput?.map((m) => ({ ...m, id: m.id ?? randomUUID() }));
    const patch = { ...fields, ...(milestones ? { milestones } : {}) };
    await checkCommitment(tx, { ...before, ...patch });
    const after = await storeUpdate(tx, options.id, version, patch);
    await appendAudit(tx, { regionCode: after.regionCode, actor: options.actor, action: 'commitment.update', entity: 'commitment', entityId: after.id, before, after });
    return after;
  });
}
