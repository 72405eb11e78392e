import { formatValue } from '../../domain/prose/figures.ts';
import { FILED_REPORT_STATES, periodLabel, periodRange, periodsInWindow } from '../../domain/schedule.ts';
import { listCommitments } from '../../store/commitments.ts';
import { findPlan } from '../../store/plans.ts';
import { getRegion } from '../../store/regions.ts';
import { listReports } from '../../store/reports.ts';
import { writeTaskSheet, type TaskSheetModel } from '../../render/taskSheetXlsx.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { WorkflowActor } from '../workflow/access.ts';
import { authorizeTaskSheet, findDepartment } from './access.ts';

const OPEN = new Set(['assigned', 'acknowledged', 'inProgress', 'closeRequested']);

/**
 * 任务填报表: the open commitments (without subtasks) a department leads or helps with in the plan
 * of the period's year that report monthly in that month, each with its target, unit and the department's last filed value before
 * the period, and empty columns for the new cumulative value and narrative.
 */
export async function exportTaskSheet(
  ctx: AppContext,
  o: { actor: WorkflowActor; regionCode: string; department: string; period: string },
): Promise<{ file: Buffer; model: TaskSheetModel; filename: string }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period)) throw new AppError('invalid_period', `期次应为“年-月”格式，如 2024-06：${o.period}`, `period must be YYYY-MM, e.g. 2024-06: ${o.period}`, 400);
  const region = await getRegion(ctx.db, o.regionCode);
  if (!region) throw new AppError('region_not_found', `行政区 ${o.regionCode} 不存在`, `region ${o.regionCode} not found`, 404);
  const dept = await findDepartment(ctx.db, region.code, o.department);
  authorizeTaskSheet(o.actor, dept, false);
  const year = Number(o.period.slice(0, 4));
  const plan = await findPlan(ctx.db, region.code, year);
  if (!plan) throw new AppError('plan_not_found', `${region.name}${year}年度计划不存在`, `${region.name} has no plan for ${year}`, 404);
  const all = await listCommitments(ctx.db, { regionCodes: [region.code], planId: plan.id });
  const parents = new Set(all.map((c) => c.parentId).filter((x) => x !== null));
  const mine = all.filter(
    (c) =>
      OPEN.has(c.state) && !parents.has(c.id) && (c.leadDepartmentId === dept.id || c.coDepartmentIds.includes(dept.id)) &&
      periodsInWindow(c.startDate, c.deadline, c.reportingFrequency).includes(o.period),
  );
  const reports = (await listReports(ctx.db, [region.code], mine.map((c) => c.id))).filter(
    (r) => r.departmentId === dept.id && FILED_REPORT_STATES.includes(r.state) && periodRange(r.period).end < periodRange(o.period).start,
  );
  const model: TaskSheetModel = {
    regionCode: region.code,
    regionName: region.name,
    period: o.period,
    department: { id: dept.id, name: dept.name },
    rows: mine.map((c) => {
      const last = reports.filter((r) => r.commitmentId === c.id && r.cumulativeValue !== null).sort((a, b) => (periodRange(a.period).end < periodRange(b.period).end ? -1 : 1)).pop();
      return {
        commitmentId: c.id,
        title: c.title,
        target: c.targetValue === null ? '' : formatValue(c.targetValue, c.unit),
        unit: c.unit ?? '',
        lastValue: last?.cumulativeValue ?? '',
        lastPeriod: last ? periodLabel(last.period) : '',
      };
    }),
  };
  return { file: await writeTaskSheet(model), model, filename: `${dept.name}${periodLabel(o.period)}任务填报表.xlsx` };
}
