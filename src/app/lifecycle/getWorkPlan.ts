/** 办理方案 as filed on 签收: who files it, when, and its steps (GET /api/commitments/:id/work-plan). */
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { loadCommitmentFor, type WorkflowActor } from '../workflow/access.ts';
import { WorkPlan } from './acknowledgeCommitment.ts';

export const FiledWorkPlan = WorkPlan.extend({
  departmentId: z.string(),
  /** the account that filed it; null when filed by the system (import, demo) */
  filedBy: z.string().nullable(),
  filedAt: z.string(),
});
export type FiledWorkPlan = z.output<typeof FiledWorkPlan>;

/** The commitment's work plan, or null before 签收; to whoever may read the commitment. */
export async function getWorkPlan(ctx: AppContext, o: { actor: WorkflowActor; id: string }): Promise<FiledWorkPlan | null> {
  const c = await loadCommitmentFor(ctx.db, o.actor, o.id);
  const [row] = await ctx.db.query<FiledWorkPlan>(
    `select department_id as "departmentId", responsible_person as "responsiblePerson", contact, steps, filed_by as "filedBy", filed_at as "filedAt"
     from work_plan where commitment_id = $1`, [c.id]);
  return row ?? null;
}
