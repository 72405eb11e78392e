/**
 * 区县比较: for a city or province, each county below it side by side — commitments under
 * supervision, completion, 滞后, 逾期未报送 / 逾期未完成, 民生实事 done, and its key indicators
 * with its rank among them. Today it evaluates every county's plan of the year; the one function
 * `compareDistricts` is what a precomputed version would replace.
 */
import { regionAndDescendants, listRegions } from '../store/regions.ts';
import { findPlan } from '../store/plans.ts';
import { listIndicatorValues } from '../store/economy.ts';
import type { AppContext } from './context.ts';
import { listEvaluatedCommitments } from './evaluatedCommitments.ts';
import { principalOf } from './policies/principal.ts';
import { requireReadRegions } from './policies/scope.ts';
import { SUPERVISED_STATES, summarize } from './summary.ts';
import type { WorkflowActor } from './workflow/access.ts';

export interface DistrictRow {
  regionCode: string;
  name: string;
  /** the county's plan of the year; null when it has none (its figures are then all zero) */
  planId: string | null;
  commitments: number;
  completed: number;
  averageCompletion: number | null;
  lagging: number;
  seriouslyLagging: number;
  reportOverdue: number;
  deadlineOverdue: number;
  livelihood: { total: number; done: number };
}

export interface IndicatorComparison {
  indicator: string;
  unit: string;
  /** per county that reports it: the latest value of the year, its YoY growth and its rank (by growth, else value; 1 = best) */
  values: Record<string, { period: string; value: string | null; yoyGrowth: number | null; rank: number }>;
}

export interface DistrictComparison {
  regionCode: string;
  year: number;
  asOf: string;
  districts: DistrictRow[];
  indicators: IndicatorComparison[];
}

const DONE = new Set(['completed', 'exceeded']);

export async function compareDistricts(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; year: number; asOf?: string }): Promise<DistrictComparison> {
  const codes = await regionAndDescendants(ctx.db, o.regionCode);
  requireReadRegions(principalOf(o.actor), codes);
  const asOf = o.asOf ?? ctx.today();
  const regions = (await listRegions(ctx.db)).filter((r) => codes.includes(r.code) && r.level === 'county');
  const districts: DistrictRow[] = [];
  for (const r of regions) {
    const plan = await findPlan(ctx.db, r.code, o.year);
    const items = plan ? await listEvaluatedCommitments(ctx.db, ctx, { regionCodes: [r.code], planId: plan.id, parentId: null, states: SUPERVISED_STATES, asOf, unordered: true }) : [];
    const { total } = summarize(items);
    const livelihood = items.filter((c) => c.livelihood);
    districts.push({
      regionCode: r.code,
      name: r.name,
      planId: plan?.id ?? null,
      commitments: total.total,
      completed: total.byStatus.completed + total.byStatus.exceeded,
      averageCompletion: total.averageCompletion,
      lagging: total.byStatus.lagging,
      seriouslyLagging: total.byStatus.seriouslyLagging,
      reportOverdue: total.reportOverdue,
      deadlineOverdue: total.deadlineOverdue,
      livelihood: { total: livelihood.length, done: livelihood.filter((c) => DONE.has(c.evaluation.status) || c.state === 'closed').length },
    });
  }
  districts.sort((a, b) => (b.averageCompletion ?? -1) - (a.averageCompletion ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));

  // the latest value of the year of each indicator in each county, ranked among the counties reporting it
  const latest = new Map<string, Map<string, { period: string; value: string | null; yoyGrowth: number | null; unit: string }>>();
  for (const v of await listIndicatorValues(ctx.db, regions.map((r) => r.code))) {
    if (v.period.slice(0, 4) !== String(o.year)) continue;
    const by = latest.get(v.indicator) ?? new Map();
    latest.set(v.indicator, by);
    const cur = by.get(v.regionCode);
    if (!cur || v.period > cur.period) by.set(v.regionCode, { period: v.period, value: v.value, yoyGrowth: v.yoyGrowth, unit: v.unit });
  }
  const indicators: IndicatorComparison[] = [];
  for (const [indicator, by] of latest) {
    if (by.size < 2) continue; // a rank of one says nothing
    const entries = [...by.entries()];
    const score = (e: (typeof entries)[number][1]) => e.yoyGrowth ?? (e.value === null ? -Infinity : Number(e.value));
    const ordered = [...entries].sort((a, b) => score(b[1]) - score(a[1]));
    const values: IndicatorComparison['values'] = {};
    ordered.forEach(([code, e], i) => {
      // equal scores share a rank (并列)
      const rank = i > 0 && score(ordered[i - 1]![1]) === score(e) ? values[ordered[i - 1]![0]]!.rank : i + 1;
      values[code] = { period: e.period, value: e.value, yoyGrowth: e.yoyGrowth, rank };
    });
    indicators.push({ indicator, unit: entries[0]![1].unit, values });
  }
  return { regionCode: o.regionCode, year: o.year, asOf, districts, indicators };
}
