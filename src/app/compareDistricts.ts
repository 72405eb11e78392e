/**
 * 区县比较: for a city or province, each county below it side by side — commitments under
 * supervision, completion, 滞后, 逾期未报送 / 逾期未完成, 民生实事 done, and its key indicators
 * with its rank among them. Today's figures are the counties' kept ones (region_summary_group),
 * another day's are evaluated.
 */
import { regionAndDescendants, listCounties } from '../store/regions.ts';
import { plansOfYear } from '../store/plans.ts';
import { summaryGroupsOfPlans, type GroupCounts, type KeptGroup } from '../store/regionSummary.ts';
import { listIndicatorValues } from '../store/economy.ts';
import type { AppContext } from './context.ts';
import { groupBy, listEvaluatedCommitments } from './evaluatedCommitments.ts';
import { principalOf } from './policies/principal.ts';
import { requireReadRegions } from './policies/scope.ts';
import { countGroup, districtGroups, refreshDistrictSummaries, summaryGroup, SUPERVISED_STATES } from './summary.ts';
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

/** A county's row from its plan's kept (or freshly counted) total and 民生实事 groups. */
function districtRow(r: { code: string; name: string }, planId: string | null, total: GroupCounts | undefined, livelihood: GroupCounts | undefined): DistrictRow {
  const t = summaryGroup('total', total ?? countGroup([]));
  return {
    regionCode: r.code,
    name: r.name,
    planId,
    commitments: t.total,
    completed: t.byStatus.completed + t.byStatus.exceeded,
    averageCompletion: t.averageCompletion,
    lagging: t.byStatus.lagging,
    seriouslyLagging: t.byStatus.seriouslyLagging,
    reportOverdue: t.reportOverdue,
    deadlineOverdue: t.deadlineOverdue,
    livelihood: { total: livelihood?.total ?? 0, done: livelihood?.done ?? 0 },
  };
}

export async function compareDistricts(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; year: number; asOf?: string }): Promise<DistrictComparison> {
  const codes = await regionAndDescendants(ctx.db, o.regionCode);
  requireReadRegions(principalOf(o.actor), codes);
  const asOf = o.asOf ?? ctx.today();
  const regions = await listCounties(ctx.db, codes);
  const counties = regions.map((r) => r.code);
  const planOf = new Map((await plansOfYear(ctx.db, counties, o.year)).map((p) => [p.regionCode, p.id]));
  // today: the kept figures (a few rows per county); another day: each county's plan evaluated
  let groups: KeptGroup[];
  if (asOf === ctx.today()) {
    await refreshDistrictSummaries(ctx.db, ctx, counties);
    groups = await summaryGroupsOfPlans(ctx.db, counties, [...planOf.values()], ['total', 'livelihood']);
  } else {
    groups = [];
    for (const [code, planId] of planOf) {
      const items = await listEvaluatedCommitments(ctx.db, ctx, { regionCodes: [code], planId, parentId: null, states: SUPERVISED_STATES, asOf, unordered: true });
      groups.push(...districtGroups(items).map((g) => ({ ...g, regionCode: code })));
    }
  }
  const byRegion = groupBy(groups, (g) => g.regionCode);
  const districts = regions.map((r) => {
    const mine = byRegion.get(r.code) ?? [];
    return districtRow(r, planOf.get(r.code) ?? null, mine.find((g) => g.kind === 'total'), mine.find((g) => g.kind === 'livelihood'));
  });
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
