/** Checks shared by the report use cases: loading with permission, and what a report may say. */
import type { Commitment, ProgressReport } from '../../domain/types.ts';
import { periodRange, periodsInWindow } from '../../domain/schedule.ts';
import { getCommitment } from '../../store/commitments.ts';
import type { Queryable } from '../../store/db.ts';
import { getReport } from '../../store/reports.ts';
import { AppError, notFound } from '../errors.ts';
import { reportPolicy } from '../policies/reports.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import type { Principal } from '../policies/principal.ts';
import { requireSignedIn } from '../policies/scope.ts';

/** Loads a report and its commitment, locking the report row; 404 unless the actor may read them. */
export async function loadReportFor(q: Queryable, actor: Principal, id: string): Promise<{ report: ProgressReport; commitment: Commitment }> {
  requireSignedIn(actor);
  const [locked] = await q.query('select id from progress_report where id = $1 for update', [id]);
  const report = locked ? await getReport(q, id) : undefined;
  const commitment = report ? await getCommitment(q, report.commitmentId) : undefined;
  if (!report || !commitment || !commitmentPolicy.readInternal(actor, commitment) || !reportPolicy.read(actor, report, commitment)) throw notFound('progress report', '进展报送');
  return { report, commitment };
}

/** Commitment states in which reports are taken: handed over and not finished. */
export const REPORTING_STATES = new Set<Commitment['state']>(['assigned', 'acknowledged', 'inProgress', 'closeRequested']);

export function checkReportable(c: Commitment, period: string, today: string): void {
  if (!REPORTING_STATES.has(c.state))
    throw new AppError('not_reporting', '该任务当前不接受进展报送（未交办、已办结或已取消）', 'this commitment takes no reports now (not assigned, closed or cancelled)', 409);
  if (!periodsInWindow(c.startDate, c.deadline, c.reportingFrequency).includes(period))
    throw new AppError('period_invalid', `期次 ${period} 不在该任务的报送周期内`, `period ${period} is not one of this commitment's reporting periods`);
  if (periodRange(period).start > today) throw new AppError('period_future', `期次 ${period} 尚未开始`, `period ${period} has not begun`);
}

/** The values of a report fit its commitment: known milestones; a value where one is measured. */
export function checkReportContent(c: Commitment, r: Pick<ProgressReport, 'cumulativeValue' | 'milestonesDone' | 'departmentId'>, submitting: boolean): void {
  const known = new Set(c.milestones.map((m) => m.id));
  if (r.milestonesDone.some((id) => !known.has(id))) throw new AppError('milestone_unknown', '所报节点不属于该任务', 'a reported milestone is not one of this commitment\'s');
  if (submitting && c.kind === 'quantitative' && r.departmentId === c.leadDepartmentId && r.cumulativeValue === null)
    throw new AppError('value_required', '牵头单位报送量化任务须填写累计完成值', 'the lead department must report a cumulative value for a quantitative commitment');
}

export const notEditable = (state: string) =>
  new AppError('report_not_editable', state === 'accepted' ? '报送已审核通过，不能再修改' : '报送已提交审核，不能再修改', `the report is ${state} and can no longer change`, 409);
