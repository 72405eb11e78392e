/** The step every lifecycle use case shares: check the move with the state machine, update, audit. */
import { transition, type LifecycleAction } from '../../domain/lifecycle.ts';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { updateCommitment } from '../../store/commitments.ts';
import type { Queryable } from '../../store/db.ts';
import { checkVersion, lifecycleFailure, roleOn, type WorkflowActor } from '../workflow/access.ts';

/**
 * Moves `c` by `action` if the state machine allows it for the actor's role and `version` is
 * current; applies `patch` in the same update and appends `commitment.<action>` to the audit trail.
 * Call inside a transaction.
 */
export async function applyTransition(
  tx: Queryable,
  o: { actor: WorkflowActor; commitment: Commitment; action: LifecycleAction; version: number; patch?: Partial<Commitment>; note?: unknown },
): Promise<Commitment> {
  const result = transition(o.commitment.state, o.action, roleOn(o.actor, o.commitment));
  if (!result.ok) throw lifecycleFailure(result.error);
  checkVersion(o.commitment, o.version);
  const after = await updateCommitment(tx, o.commitment.id, o.version, { ...o.patch, state: result.value });
  await appendAudit(tx, {
    regionCode: after.regionCode, actor: o.actor, action: `commitment.${o.action}`, entity: 'commitment', entityId: after.id,
    before: o.commitment, after: o.note === undefined ? after : { ...after, note: o.note },
  });
  return after;
}
