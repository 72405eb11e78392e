import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { layMilestones, MILESTONE_TEMPLATE_KINDS } from '../../domain/lifecycle.ts';
import { Milestone, Uuid } from '../../domain/types.ts';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { updateCommitment } from '../../store/commitments.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkVersion, loadCommitmentFor, roleOn, type WorkflowActor } from '../workflow/access.ts';

export const SetMilestonesInput = z
  .object({
    version: z.number().int(),
    milestones: z.array(Milestone.extend({ id: Uuid.optional() })).optional().describe('节点'),
    template: z.enum(MILESTONE_TEMPLATE_KINDS).optional().describe('lay the template’s steps across the window / 按模板生成'),
  })
  .refine((x) => (x.milestones === undefined) !== (x.template === undefined), { message: 'give milestones or a template / 须且只须给出节点或模板' });
export type SetMilestonesInput = z.input<typeof SetMilestonesInput>;

/** 设置节点: the office or the lead department sets a commitment's dated milestones (or lays a template). */
export async function setMilestones(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: SetMilestonesInput }): Promise<Commitment> {
  const input = SetMilestonesInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.id, true);
    const role = roleOn(o.actor, c);
    if (role !== 'admin' && role !== 'leadReporter') throw new AppError('forbidden', '仅督查室或牵头单位可设置节点', 'only the office or the lead department may set milestones', 403);
    if (c.state === 'closed' || c.state === 'cancelled') throw new AppError('commitment_finished', '任务已办结或取消', 'the commitment is closed or cancelled', 409);
    checkVersion(c, input.version);
    const milestones = input.template
      ? layMilestones(input.template, c.startDate, c.deadline)
      : input.milestones!.map((m) => ({ ...m, id: m.id ?? randomUUID() }));
    for (const m of milestones)
      if (m.dueDate < c.startDate || m.dueDate > c.deadline)
        throw new AppError('milestone_outside_window', `节点“${m.title}”不在任务期限内`, `milestone "${m.title}" lies outside the commitment's window`);
    const after = await updateCommitment(tx, c.id, input.version, { milestones });
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'commitment.setMilestones', entity: 'commitment', entityId: c.id, before: c, after });
    return after;
  });
}
