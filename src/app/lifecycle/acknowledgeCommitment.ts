import { z } from 'zod';
import { IsoDate } from '../../domain/types.ts';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadCommitmentFor, type WorkflowActor } from '../workflow/access.ts';
import { applyTransition } from './applyTransition.ts';

/** 办理方案: the lead department's plan of steps, dates and responsible person. */
export const WorkPlan = z.object({
  responsiblePerson: z.string().trim().min(1).max(50).describe('责任人'),
  contact: z.string().max(50).nullable().default(null).describe('联系方式'),
  steps: z
    .array(z.object({
      title: z.string().trim().min(1).max(200).describe('步骤'),
      startDate: IsoDate,
      endDate: IsoDate,
      responsiblePerson: z.string().max(50).nullable().default(null),
    }))
    .min(1)
    .describe('工作步骤'),
});
export type WorkPlan = z.output<typeof WorkPlan>;

export const AcknowledgeInput = z.object({ version: z.number().int(), workPlan: WorkPlan });
export type AcknowledgeInput = z.input<typeof AcknowledgeInput>;

/**
 * 签收: the lead department accepts an assigned commitment and files its 办理方案. Steps must be
 * dated inside the commitment's window, each ending no earlier than it starts.
 */
export async function acknowledgeCommitment(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: AcknowledgeInput }): Promise<Commitment & { workPlan: WorkPlan }> {
  const { version, workPlan } = AcknowledgeInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.id, true);
    const after = await applyTransition(tx, { actor: o.actor, commitment: c, action: 'acknowledge', version });
    for (const [i, s] of workPlan.steps.entries()) {
      if (s.endDate < s.startDate) throw new AppError('step_dates', `第${i + 1}步结束日期早于开始日期`, `step ${i + 1} ends before it starts`);
      if (s.startDate < c.startDate || s.endDate > c.deadline)
        throw new AppError('step_outside_window', `第${i + 1}步不在任务期限（${c.startDate}至${c.deadline}）内`, `step ${i + 1} lies outside ${c.startDate}–${c.deadline}`);
    }
    await tx.query(
      `insert into work_plan (commitment_id, region_code, department_id, responsible_person, contact, steps, filed_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (commitment_id) do update set department_id = excluded.department_id, responsible_person = excluded.responsible_person,
         contact = excluded.contact, steps = excluded.steps, filed_by = excluded.filed_by, filed_at = now()`,
      [c.id, c.regionCode, c.leadDepartmentId, workPlan.responsiblePerson, workPlan.contact, JSON.stringify(workPlan.steps), o.actor.id],
    );
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'workPlan.file', entity: 'commitment', entityId: c.id, after: workPlan });
    return { ...after, workPlan };
  });
}
