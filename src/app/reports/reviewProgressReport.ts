import type { ProgressReport } from '../../domain/types.ts';
import { appendAudit, type Actor } from '../../store/audit.ts';
import { updateReport } from '../../store/reports.ts';
import type { AppContext } from '../context.ts';
import { assertPeriodOpen } from '../periods/periodLock.ts';
import { AppError } from '../errors.ts';
import { principalOf } from '../policies/principal.ts';
import { reportPolicy } from '../policies/reports.ts';
import { authorize } from '../policies/scope.ts';
import { ReviewReportInput } from './input.ts';
import { loadReportFor } from './rules.ts';

/**
 * 审核: the region's office accepts a submitted report (it then counts towards completion) or
 * returns it with a comment (退回; the department edits and resubmits). Only submitted reports are
 * reviewed (409 otherwise); the version read must be current (409); history is kept.
 */
export async function reviewProgressReport(ctx: AppContext, options: { actor: Actor; id: string; input: ReviewReportInput }): Promise<ProgressReport> {
  const actor = principalOf(options.actor);
  const { version, decision, comment } = ReviewReportInput.parse(options.input);
  return ctx.db.transaction(async (tx) => {
    const { report: before } = await loadReportFor(tx, actor, options.id);
    authorize(actor, reportPolicy.review(actor, before), true, ['progress report', '进展报送']);
    if (before.state !== 'submitted')
      throw new AppError('report_not_submitted', '只有已提交的报送可以审核', `only a submitted report can be reviewed; this one is ${before.state}`, 409);
    await assertPeriodOpen(tx, before.regionCode, before.period);
    if (decision === 'return' && !comment) throw new AppError('comment_required', '退回须填写审核意见', 'returning a report needs a comment');
    const after = await updateReport(tx, before.id, version, {
      state: decision === 'accept' ? 'accepted' : 'returned',
      reviewerId: actor.id,
      reviewComment: comment || null,
      reviewedAt: new Date().toISOString(),
    });
    await appendAudit(tx, { regionCode: after.regionCode, actor, action: decision === 'accept' ? 'report.accept' : 'report.return', entity: 'report', entityId: after.id, before, after });
    return after;
  });
}
