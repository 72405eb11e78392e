import { z } from 'zod';
import { Uuid } from '../../domain/types.ts';
import type { Commitment } from '../../domain/types.ts';
import type { Queryable } from '../../store/db.ts';
import { checkCommitment } from '../commitments/checkCommitment.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadCommitmentFor, type WorkflowActor } from '../workflow/access.ts';
import { applyTransition } from './applyTransition.ts';

export const AssignInput = z.object({
  version: z.number().int().describe('the version read / 版本号'),
  leadDepartmentId: Uuid.optional().describe('牵头单位 (default: as set)'),
  coDepartmentIds: z.array(Uuid).optional().describe('配合单位'),
  responsibleLeader: z.string().max(50).nullable().optional().describe('责任领导'),
});
export type AssignInput = z.input<typeof AssignInput>;

/**
 * Assigns one commitment inside an open transaction (shared with bulk assignment), recording
 * `today` as its 交办日期: periods that ended before it are not owed.
 */
export async function assignIn(tx: Queryable, actor: WorkflowActor, id: string, input: z.output<typeof AssignInput>, today: string): Promise<Commitment> {
  const c = await loadCommitmentFor(tx, actor, id, true);
  const { version, ...fields } = input;
  const patch = { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), assignedOn: today } as Partial<Commitment>;
  const next = { ...c, ...patch };
  if (!next.leadDepartmentId) throw new AppError('lead_missing', '交办前须确定牵头单位', 'set a lead department before assigning');
  await checkCommitment(tx, next);
  return applyTransition(tx, { actor, commitment: c, action: 'assign', version, patch });
}

/** 交办: hands a draft commitment to its lead department (optionally setting lead, co-departments and leader). */
export async function assignCommitment(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: AssignInput }): Promise<Commitment> {
  const input = AssignInput.parse(o.input);
  return ctx.db.transaction((tx) => assignIn(tx, o.actor, o.id, input, ctx.today()));
}
