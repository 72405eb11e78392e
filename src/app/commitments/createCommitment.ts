import { randomUUID } from 'node:crypto';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit, type Actor } from '../../store/audit.ts';
import { insertCommitment } from '../../store/commitments.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkCommitment } from './checkCommitment.ts';
import { CreateCommitmentInput } from './input.ts';
import { principalOf } from '../policies/principal.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import { authorize, readsRegion } from '../policies/scope.ts';

/** Creates a commitment (立项, state draft) in the plan's region and records it in the audit trail. Only the region's office may. */
export async function createCommitment(ctx: AppContext, options: { actor: Actor; input: CreateCommitmentInput; state?: Commitment['state'] }): Promise<Commitment> {
  const input = CreateCommitmentInput.parse(options.input);
  return ctx.db.transaction(async (tx) => {
    const [plan] = await tx.query<{ region_code: string }>('select region_code from plan where id = $1', [input.planId]);
    if (!plan) throw new AppError('plan_not_found', '年度计划不存在', 'plan not found', 404);
    const actor = principalOf(options.actor);
    authorize(actor, commitmentPolicy.create(actor, plan.region_code), actor.role !== 'public' && readsRegion(actor, plan.region_code), ['plan', '年度计划']);
    const c = {
      ...input,
      id: randomUUID(),
      regionCode: plan.region_code,
      milestones: input.milestones.map((m) => ({ ...m, id: m.id ?? randomUUID() })),
      state: options.state ?? 'draft',
      // created in a later state (tests, tools) means handed over today
      assignedOn: (options.state ?? 'draft') === 'draft' ? null : ctx.today(),
      source: null,
    };
    await checkCommitment(tx, c);
    const stored = await insertCommitment(tx, c);
    await appendAudit(tx, { regionCode: stored.regionCode, actor: options.actor, action: 'commitment.create', entity: 'commitment', entityId: stored.id, after: stored });
    return stored;
  });
}
