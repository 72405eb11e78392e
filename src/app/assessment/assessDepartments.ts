import { departmentRecords, rankAssessments, scoreDepartment, type RankedAssessment } from '../../domain/assessment.ts';
import { periodRange } from '../../domain/schedule.ts';
import { minDate } from '../../domain/dates.ts';
import { Period } from '../../domain/types.ts';
import { listDepartments } from '../../store/regions.ts';
import type { AppContext } from '../context.ts';
import { principalOf, type WorkflowActor } from '../workflow/access.ts';
import { forbidden, requireReadRegions } from '../policies/scope.ts';
import { loadSnapshot } from '../workflow/snapshot.ts';

export type RankedDepartment = RankedAssessment & { departmentName: string };

/**
 * 考核排名: every lead department of the region scored for `period` (completion against 序时进度,
 * timeliness, returned share; weights from the configuration), completion evaluated at the period's
 * end (or today if earlier), timeliness over the period's reports due by today; ranked with ties. Offices and leaders of the region (or above) read it.
 */
export async function assessDepartments(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; period: string }): Promise<{ period: string; asOf: string; items: RankedDepartment[] }> {
  const period = Period.parse(o.period);
  const p = principalOf(o.actor);
  requireReadRegions(p, [o.regionCode]);
  if (p.role !== 'admin' && p.role !== 'leader') throw forbidden('考核排名仅供督查室和领导查看', 'the ranking is for offices and leaders');
  const asOf = minDate(periodRange(period).end, ctx.today());
  const items = await loadSnapshot(ctx.db, ctx, [o.regionCode], asOf);
  const records = departmentRecords(
    items.filter((i) => i.commitment.subtaskCount === 0).map((i) => ({ commitment: i.commitment, reports: i.reports, evaluation: i.commitment.evaluation })),
    // reports count as on time or late once due: a month's reports fall due in the next month
    period, ctx.today(), ctx.config,
  );
  const names = new Map((await listDepartments(ctx.db, o.regionCode)).map((d) => [d.id, d.shortName ?? d.name]));
  const ranked = rankAssessments(records.map((r) => scoreDepartment(r, period, ctx.config)));
  return { period, asOf, items: ranked.map((a) => ({ ...a, departmentName: names.get(a.departmentId) ?? '' })) };
}
