import { z } from 'zod';
import { Uuid } from '../../domain/types.ts';
import type { Commitment } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { WorkflowActor } from '../workflow/access.ts';
import { AssignInput, assignIn } from './assignCommitment.ts';

export const BulkAssignInput = z.object({
  items: z.array(AssignInput.extend({ id: Uuid })).min(1).max(500),
});
export type BulkAssignInput = z.input<typeof BulkAssignInput>;

/** 批量交办: assigns every listed commitment, or none if any one is refused (the error names it). */
export async function bulkAssign(ctx: AppContext, o: { actor: WorkflowActor; input: BulkAssignInput }): Promise<Commitment[]> {
  const { items } = BulkAssignInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const out: Commitment[] = [];
    for (const [i, { id, ...input }] of items.entries()) {
      try {
        out.push(await assignIn(tx, o.actor, id, input, ctx.today()));
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, `第${i + 1}项：${e.zh}`, `item ${i + 1}: ${e.en}`, e.status, { index: i, id });
        throw e;
      }
    }
    return out;
  });
}
