import type { ProgressReport } from '../../domain/types.ts';
import { appendAudit, type Actor } from '../../store/audit.ts';
import { updateReport } from '../../store/reports.ts';
import type { AppContext } from '../context.ts';
import { assertPeriodOpen } from '../periods/periodLock.ts';
import { principalOf } from '../policies/principal.ts';
import { reportPolicy } from '../policies/reports.ts';
import { authorize } from '../policies/scope.ts';
import { EditReportInput } from './input.ts';
import { checkReportable, checkReportContent, loadReportFor, notEditable } from './rules.ts';

/**
 * Edits a draft or returned report of the actor's own department and, with `submit`, submits it
 * (a returned report is resubmitted this way). The version read must be current (else 409); the
 * previous version is kept in the report's history (by the database).
 */
export async function editProgressReport(ctx: AppContext, options: { actor: Actor; id: string; input: EditReportInput }): Promise<ProgressReport> {
  const actor = principalOf(options.actor);
  const { version, submit, ...patch } = EditReportInput.parse(options.input);
  return ctx.db.transaction(async (tx) => {
    const { report: before, commitment } = await loadReportFor(tx, actor, options.id);
    authorize(actor, reportPolicy.edit(actor, before), true, ['progress report', '进展报送']);
    if (before.state !== 'draft' && before.state !== 'returned') throw notEditable(before.state);
    await assertPeriodOpen(tx, before.regionCode, before.period);
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ProgressReport;
    if (submit) checkReportable(commitment, before.period, ctx.today());
    checkReportContent(commitment, next, submit);
    const after = await updateReport(tx, before.id, version, {
      ...patch,
      ...(submit ? { state: 'submitted', submittedBy: actor.id, submittedAt: new Date().toISOString() } : {}),
    });
    const action = !submit ? 'report.update' : before.state === 'returned' ? 'report.resubmit' : 'report.submit';
    await appendAudit(tx, { regionCode: after.regionCode, actor, action, entity: 'report', entityId: after.id, before, after });
    return after;
  });
}
