import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { layMilestones, MILESTONE_TEMPLATE_KINDS } from '../../domain/lifecycle.ts';
import { Milestone, Uuid } from '../../domain/types.ts';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { evaluateCommitment } from '../../domain/progress.ts';
import { updateCommitment } from '../../store/commitments.ts';
import { listReports } from '../../store/reports.ts';
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

/**
 * 设置节点: the office or the lead department sets a commitment's dated milestones (or lays a
 * template). Completion passes through the office's review: a lead department plans milestones
 * but does not mark them done here — it reports them done in a progress report, which counts once
 * the office accepts it — and its plan may not raise the completion rate (dropping the open
 * milestones would make the done ones 100%); such a change goes to the office as a change request
 * (变更申请). The office itself may set done dates: it is the reviewer.
 */
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
    if (role === 'leadReporter') {
      const stored = new Map(c.milestones.map((m) => [m.id, m.doneDate]));
      const marked = milestones.find((m) => m.doneDate !== (stored.get(m.id) ?? null));
      if (marked) {
        throw new AppError(
          'milestone_done_needs_review',
          `节点“${marked.title}”的完成须在进展报告中报送，经督查室审核通过后计入`,
          `milestone "${marked.title}": a department reports a milestone done in a progress report; it counts once the office accepts the report`,
          403,
        );
      }
      const reports = await listReports(tx, [c.regionCode], [c.id]);
      const rate = (m: typeof c.milestones) => evaluateCommitment({ ...c, milestones: m }, reports, ctx.today(), ctx.config).completionRate ?? 0;
      if (rate(milestones) > rate(c.milestones)) {
        throw new AppError(
          'milestone_change_raises_completion',
          '调整后的节点计划会提高完成率，须经督查室同意：请提交变更申请',
          'this milestone plan would raise the completion rate, which needs the office: file a change request',
          403,
        );
      }
    }
    const after = await updateCommitment(tx, c.id, input.version, { milestones });
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'commitment.setMilestones', entity: 'commitment', entityId: c.id, before: c, after });
    return after;
  });
}
