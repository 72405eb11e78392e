/**
 * 区县比较: for a city or province, each county below it side by side — commitments under
 * supervision, completion, 滞后, 逾期未报送 / 逾期未完成, 民生实事 done, and its key indicators
 * with its rank among them. Today's figures are the counties' kept ones (region_summary_group),
 * read with their plans and indicator values in one statement (a row per county), and today's
 * table is kept by each server process while its region's scope version stays the same (a steady
 * read asks one row, whatever the number of counties); another day's are evaluated.
 */
import { regionAndDescendants } from '../store/regions.ts';
import { keptComparison, scopeVersion, type GroupCounts, type KeptCounty } from '../store/regionSummary.ts';
import type { Db } from '../store/db.ts';
import type { AppContext } from './context.ts';
import { groupBy, listEvaluatedCommitments } from './evaluatedCommitments.ts';
import { principalOf } from './policies/principal.ts';
import { requireReadRegions } from './policies/scope.ts';
import { average, comparisonRows, configHash, districtGroups, SUPERVISED_STATES } from './summary.ts';
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

/** A county's row from its plan's kept (or freshly counted) total and 民生实事 counts. */
function districtRow(r: { code: string; name: string }, planId: string | null, t: KeptCounty['total'], livelihood: KeptCounty['livelihood']): DistrictRow {
  return {
    regionCode: r.code,
    name: r.name,
    planId,
    commitments: t?.total ?? 0,
    completed: t?.completed ?? 0,
    averageCompletion: t ? average(t.rateSum, t.rateCount) : null,
    lagging: t?.lagging ?? 0,
    seriouslyLagging: t?.seriouslyLagging ?? 0,
    reportOverdue: t?.reportOverdue ?? 0,
    deadlineOverdue: t?.deadlineOverdue ?? 0,
    livelihood: { total: livelihood?.total ?? 0, done: livelihood?.done ?? 0 },
  };
}

/** The 区县比较's counts of a group counted afresh. */
const rowCounts = (g: GroupCounts | undefined): KeptCounty['total'] => (g ? {
  total: g.total, completed: g.byStatus.completed + g.byStatus.exceeded, lagging: g.byStatus.lagging, seriouslyLagging: g.byStatus.seriouslyLagging,
  reportOverdue: g.reportOverdue, deadlineOverdue: g.deadlineOverdue, rateSum: g.rateSum, rateCount: g.rateCount,
} : null);

/** Ranks each indicator's latest values of the year among the counties reporting it (two at least). */
function rankIndicators(values: { code: string; v: KeptCounty['indicators'][number] }[]): IndicatorComparison[] {
  // the counties that reported first come first (their unit is the indicator's), as the values were listed by period
  const byIndicator = groupBy([...values].sort((a, b) => (a.v.firstPeriod < b.v.firstPeriod ? -1 : a.v.firstPeriod > b.v.firstPeriod ? 1 : a.code < b.code ? -1 : 1)), (x) => x.v.indicator);
  const indicators: IndicatorComparison[] = [];
  for (const indicator of [...byIndicator.keys()].sort()) {
    const entries = byIndicator.get(indicator)!;
    if (entries.length < 2) continue; // a rank of one says nothing
    const score = (e: (typeof entries)[number]) => e.v.yoyGrowth ?? (e.v.value === null ? -Infinity : Number(e.v.value));
    const ordered = [...entries].sort((a, b) => score(b) - score(a));
    const out: IndicatorComparison['values'] = {};
    ordered.forEach((e, i) => {
      // equal scores share a rank (并列)
      const rank = i > 0 && score(ordered[i - 1]!) === score(e) ? out[ordered[i - 1]!.code]!.rank : i + 1;
      out[e.code] = { period: e.v.period, value: e.v.value, yoyGrowth: e.v.yoyGrowth, rank };
    });
    indicators.push({ indicator, unit: entries[0]!.v.unit, values: out });
  }
  return indicators;
}

const zhCompare = new Intl.Collator('zh-CN').compare;

/**
 * Today's tables this process made, per database and (region, year, day, configuration), with the
 * scope version they were made at and the codes to authorize: valid while the version is the
 * database's (every instance checks it there, so a write through another instance counts too). A
 * few dozen are kept, the least recently read dropped first. The answer is shared: not to be changed.
 */
const keptTables = new WeakMap<Db, Map<string, { version: number; codes: string[]; table: DistrictComparison }>>();
const KEPT_TABLES = 32;

export async function compareDistricts(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; year: number; asOf?: string }): Promise<DistrictComparison> {
  const asOf = o.asOf ?? ctx.today();
  const authorize = (codes: string[]) => requireReadRegions(principalOf(o.actor), codes);
  if (asOf !== ctx.today()) return evaluatedTable(ctx, o, asOf, authorize);
  let kept = keptTables.get(ctx.db);
  if (!kept) keptTables.set(ctx.db, (kept = new Map()));
  const key = `${o.regionCode}|${o.year}|${asOf}|${configHash(ctx)}`;
  const hit = kept.get(key);
  if (hit && hit.version === (await scopeVersion(ctx.db, o.regionCode))) {
    authorize(hit.codes);
    kept.delete(key);
    kept.set(key, hit); // most recently read last
    return hit.table;
  }
  // one statement gives each county its plan, kept total and 民生实事 and indicator values (stale ones recomputed first)
  const { rows, version, current } = await comparisonRows(ctx.db, ctx, o.regionCode, o.year, authorize);
  const counties = rows.filter((r) => r.level === 'county');
  const table = comparisonTable(o, asOf, counties, counties.map((r) => districtRow(r, r.planId, r.total, r.livelihood)));
  if (current) {
    kept.set(key, { version, codes: rows.map((r) => r.code), table });
    if (kept.size > KEPT_TABLES) kept.delete(kept.keys().next().value!);
  }
  return table;
}

/** Another day's table: each county's plan evaluated at that date. */
async function evaluatedTable(ctx: AppContext, o: { regionCode: string; year: number }, asOf: string, authorize: (codes: string[]) => void): Promise<DistrictComparison> {
  const codes = await regionAndDescendants(ctx.db, o.regionCode);
  authorize(codes);
  const counties = (await keptComparison(ctx.db, o.regionCode, o.year, asOf, '')).rows.filter((r) => r.level === 'county');
  const districts: DistrictRow[] = [];
  for (const r of counties) {
    const items = r.planId ? await listEvaluatedCommitments(ctx.db, ctx, { regionCodes: [r.code], planId: r.planId, parentId: null, states: SUPERVISED_STATES, asOf, unordered: true }) : [];
    const groups = r.planId ? districtGroups(items) : [];
    const livelihood = groups.find((g) => g.kind === 'livelihood');
    districts.push(districtRow(r, r.planId, rowCounts(groups.find((g) => g.kind === 'total')), livelihood ? { total: livelihood.total, done: livelihood.done } : null));
  }
  return comparisonTable(o, asOf, counties, districts);
}

/** The table: counties by average completion (then name), indicators ranked. */
function comparisonTable(o: { regionCode: string; year: number }, asOf: string, counties: KeptCounty[], districts: DistrictRow[]): DistrictComparison {
  districts.sort((a, b) => (b.averageCompletion ?? -1) - (a.averageCompletion ?? -1) || zhCompare(a.name, b.name));
  const indicators = rankIndicators(counties.flatMap((r) => r.indicators.map((v) => ({ code: r.code, v }))));
  return { regionCode: o.regionCode, year: o.year, asOf, districts, indicators };
}
