/**
 * A city's or province's 总览 (the region and every region below it, one plan year): counts by
 * status and sector, the most-behind 滞后 and 逾期 commitments, and the monthly trend of average
 * completion — all read from the scope's kept figures (migrations 027, 030: added up from the
 * districts' kept ones, 026 and 029), made current for the districts written to since (and by the
 * daily roll-over), never by evaluating every commitment of the province per request.
 */
import { plansOfYear } from '../store/plans.ts';
import { keptItems } from '../store/regionSummary.ts';
import type { AppContext } from './context.ts';
import { principalOf } from './policies/principal.ts';
import { forbidden, requireReadRegions } from './policies/scope.ts';
import { average, scopeFigures, scopeStateOf, scopeSummary, type ListedCommitment, type Summary } from './summary.ts';
import type { WorkflowActor } from './workflow/access.ts';

export interface TrendPoint {
  /** YYYY-MM */
  month: string;
  averageCompletion: number | null;
  /** 滞后 + 严重滞后 at the month's end */
  behind: number;
}

export interface ScopeOverview {
  regionCode: string;
  year: number;
  asOf: string;
  summary: Summary;
  /** 滞后 and 严重滞后: how many, and the most behind first */
  lagging: { count: number; items: ListedCommitment[] };
  /** 逾期 (either kind): how many, and the most behind first */
  overdue: { count: number; items: ListedCommitment[] };
  trend: TrendPoint[];
}

/** How many of each list the 总览 shows (the rest are a click away in the filtered list). */
export const LISTED = 8;

export async function scopeOverview(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; year: number; limit?: number }): Promise<ScopeOverview> {
  // the region, those below it and their freshness in one statement; authorised before anything is recomputed
  const state = await scopeStateOf(ctx.db, ctx, o.regionCode);
  const p = principalOf(o.actor);
  requireReadRegions(p, state.codes);
  // a department sees its own commitments, not a whole region's lists
  if (p.departmentId) throw forbidden('部门账号不能查看汇总总览', 'a department account has no aggregate overview');
  // steady: the scope's kept sums, trend and first LISTED of each list, one statement
  const kept = await scopeFigures(ctx.db, ctx, state.codes, state, o.year, LISTED);
  const summary = scopeSummary(kept.sums);
  const limit = o.limit ?? LISTED;
  let [lagging, overdue] = [kept.behind.slice(0, limit), kept.overdue.slice(0, limit)];
  if (limit > LISTED) {
    const plans = (await plansOfYear(ctx.db, state.codes, o.year)).map((x) => x.id);
    [lagging, overdue] = [await keptItems(ctx.db, state.codes, plans, 'behind', limit), await keptItems(ctx.db, state.codes, plans, 'overdue', limit)];
  }
  return {
    regionCode: o.regionCode,
    year: o.year,
    asOf: ctx.today(),
    summary,
    lagging: { count: summary.total.byStatus.lagging + summary.total.byStatus.seriouslyLagging, items: lagging as unknown as ListedCommitment[] },
    overdue: { count: summary.total.overdue, items: overdue as unknown as ListedCommitment[] },
    trend: kept.trend.map((t) => ({ month: t.monthEnd.slice(0, 7), averageCompletion: average(t.rateSum, t.rateCount), behind: t.behind })),
  };
}
