/** Counts of evaluated commitments by status, sector and lead department (总览). */
import { STATUSES, type CommitmentState, type Status } from '../domain/types.ts';
import { groupBy, listEvaluatedCommitments, loadEvaluator, type EvaluatedCommitment, type EvaluatedFilter } from './evaluatedCommitments.ts';
import { listPlans } from '../store/plans.ts';
import { trendMonthEnds } from '../domain/dates.ts';
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { AppContext } from './context.ts';
import {
  beginSummaryRecompute, keptComparison, keptDistrictGroups, keptScopeFigures, keptScopeSums, scopeState, storedTrendMonths, storeDistrictEvaluation, storeScopeSums, summaryState,
  type GroupCounts, type GroupKind, type KeptCounty, type KeptEvaluation, type KeptGroup, type KeptItem, type ScopeFigures, type ScopeSum, type TrendCounts,
} from '../store/regionSummary.ts';

/** States of commitments under supervision: drafts (立项, not yet handed over) and cancelled ones are not counted. */
export const SUPERVISED_STATES: CommitmentState[] = ['assigned', 'acknowledged', 'inProgress', 'closeRequested', 'closed'];

export interface SummaryGroup {
  key: string;
  total: number;
  byStatus: Record<Status, number>;
  overdue: number;
  /** 逾期未报送: a report missing past its due date */
  reportOverdue: number;
  /** 逾期未完成: past the deadline, not done */
  deadlineOverdue: number;
  /** mean completion rate of those with one, capped at 100 each */
  averageCompletion: number | null;
}

export interface Summary {
  total: SummaryGroup;
  bySector: SummaryGroup[];
  byDepartment: SummaryGroup[];
}

/** The mean completion rate from a sum and a count, to one decimal; null of none. */
export const average = (sum: number, count: number) => (count ? Math.round((sum / count) * 10) / 10 : null);

/** The counts of a group of evaluated commitments, in a form that adds up. */
export function countGroup(items: readonly EvaluatedCommitment[]): GroupCounts {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let overdue = 0;
  let reportOverdue = 0;
  let deadlineOverdue = 0;
  let done = 0;
  const rates: number[] = [];
  for (const c of items) {
    byStatus[c.evaluation.status]++;
    if (c.evaluation.overdue) overdue++;
    if (c.evaluation.reportOverdue) reportOverdue++;
    if (c.evaluation.deadlineOverdue) deadlineOverdue++;
    if (DONE.has(c.evaluation.status) || c.state === 'closed') done++;
    if (c.evaluation.completionRate !== null) rates.push(Math.min(100, c.evaluation.completionRate));
  }
  return { total: items.length, byStatus, overdue, reportOverdue, deadlineOverdue, rateSum: rates.reduce((a, b) => a + b, 0), rateCount: rates.length, done };
}
const DONE = new Set<Status>(['completed', 'exceeded']);

/** A group as the API shows it. */
export const summaryGroup = (key: string, c: GroupCounts): SummaryGroup => ({
  key, total: c.total, byStatus: c.byStatus, overdue: c.overdue, reportOverdue: c.reportOverdue, deadlineOverdue: c.deadlineOverdue, averageCompletion: average(c.rateSum, c.rateCount),
});

const zhCompare = new Intl.Collator('zh-CN').compare;

function groups(items: EvaluatedCommitment[], keyOf: (c: EvaluatedCommitment) => string): SummaryGroup[] {
  return [...groupBy(items, keyOf)].sort(([a], [b]) => zhCompare(a, b)).map(([k, v]) => summaryGroup(k, countGroup(v)));
}

/**
 * Totals, and the same counts per sector and per lead department id ('' when unassigned). Over
 * several regions there is no department breakdown: a department belongs to one district (its
 * own 总览 and the 区县比较 show it), and a province's would list thousands.
 */
export function summarize(items: EvaluatedCommitment[], severalRegions = false): Summary {
  return {
    total: summaryGroup('total', countGroup(items)),
    bySector: groups(items, (c) => c.sector),
    byDepartment: severalRegions ? [] : groups(items, (c) => c.leadDepartmentId ?? ''),
  };
}

/** The summary of the top-level commitments under supervision that match `f` (总览: GET /api/commitments/summary). */
export async function commitmentSummary(db: Db, ctx: AppContext, f: Omit<EvaluatedFilter, 'parentId' | 'states'>): Promise<Summary> {
  const several = f.regionCodes.length > 1;
  // all plans, today, no other filter: from kept figures
  const whole = Object.entries(f).every(([k, v]) => v === undefined || k === 'regionCodes' || k === 'unordered' || (k === 'asOf' && v === ctx.today()));
  // a city's or a province's 总览: the districts' kept figures added up
  if (several && whole) return scopeSummary(await scopeSums(db, ctx, f.regionCodes));
  // a district's: its kept groups while current, else evaluated once (and today's groups kept)
  if (whole && f.regionCodes.length === 1) return districtSummary(db, ctx, f.regionCodes[0]!);
  return summarize(await listEvaluatedCommitments(db, ctx, { ...f, parentId: null, states: SUPERVISED_STATES, unordered: true }), several);
}

/**
 * A district's 总览 of all its plans today: its kept groups while they are those of its data (a
 * steady read is one statement of a few rows per sector and department, whatever the number of
 * commitments). After a write, only the commitments written to are evaluated again: their kept
 * evaluations are replaced and their plans' groups added up again from the kept ones, which is
 * the answer. Without kept evaluations of today (a new day, another configuration, none yet) its
 * commitments are evaluated once, as the answer, and kept after it. The lists are kept with the
 * evaluations; the trend's month-ends are left to the next city or province reader.
 */
async function districtSummary(db: Db, ctx: AppContext, code: string): Promise<Summary> {
  const asOf = ctx.today();
  const hash = configHash(ctx);
  const kept = await keptDistrictGroups(db, code, asOf, hash);
  if (kept) return groupsSummary(kept);
  // the marks are taken before the evaluation: a write that committed before is evaluated
  const { generation, evaluationKept, marked } = await beginSummaryRecompute(db, code, hash, asOf);
  const recomputation = { generation, asOf, hash };
  if (evaluationKept) {
    const stored = await storeMarked(db, ctx, code, recomputation, marked, null);
    if (stored) return groupsSummary(stored);
    // a newer recomputation began meanwhile (it evaluates whole: the marks this one took are not
    // in the kept rows) and will store its figures: this reader evaluates whole, as before
  }
  const items = await listEvaluatedCommitments(db, ctx, { ...supervised(code), asOf });
  if (!evaluationKept) {
    // the answer does not wait for the evaluations to be kept (40–60 ms at 4,000 commitments): they
    // are stored once it is on its way; a newer recomputation, or a failure, only means the next
    // read evaluates again (the generation decides which figures are stored)
    setImmediate(() => {
      storeEvaluated(db, code, recomputation, items, 'all', null)
        .catch((err: unknown) => console.warn(`[duban] keeping the 总览 evaluations of ${code} failed: ${(err as Error).message ?? err}`));
    });
  }
  return summarize(items);
}

/** A district's supervised top-level commitments (the filter of its 总览 and kept figures). */
const supervised = (code: string) => ({ regionCodes: [code], parentId: null, states: SUPERVISED_STATES, unordered: true });

type Recomputation = { generation: number; asOf: string; hash: string };
type KeptTrend = Parameters<typeof storeDistrictEvaluation>[5]['trend'];

/**
 * Stores `items` evaluated at the recomputation's day as the district's kept evaluations and list
 * rows — replacing all of them, or those of the commitments `replace` names and of `items` — and
 * its plans' groups added up again, under the generation check: the district's groups, or null
 * when a newer recomputation began meanwhile.
 */
const storeEvaluated = (db: Db, code: string, r: Recomputation, items: EvaluatedCommitment[], replace: 'all' | string[], trend: KeptTrend) =>
  storeDistrictEvaluation(db, code, r.generation, r.asOf, r.hash, {
    replace: replace === 'all' ? 'all' : [...new Set([...replace, ...items.map((c) => c.id)])], evaluations: items.map(keptEvaluation), items: districtItems(items), trend,
  });

/** The commitments `marked` (written to) and the trees above them evaluated and stored (`storeEvaluated`). */
async function storeMarked(db: Db, ctx: AppContext, code: string, r: Recomputation, marked: string[], trend: KeptTrend) {
  const items = marked.length ? await listEvaluatedCommitments(db, ctx, { ...supervised(code), asOf: r.asOf, above: marked }) : [];
  return storeEvaluated(db, code, r, items, marked, trend);
}

/** A district's 总览 from its groups (summed over its plans). */
function groupsSummary(groups: { kind: GroupKind; key: string; counts: GroupCounts }[]): Summary {
  const of = (kind: GroupKind) => groups.filter((g) => g.kind === kind).sort((a, b) => zhCompare(a.key, b.key)).map((g) => summaryGroup(g.key, g.counts));
  return { total: summaryGroup('total', groups.find((g) => g.kind === 'total')?.counts ?? countGroup([])), bySector: of('sector'), byDepartment: of('department') };
}

/** A supervised top-level commitment's evaluation as kept: what its groups count (as `countGroup`) and their keys. */
export function keptEvaluation(c: EvaluatedCommitment): KeptEvaluation {
  const e = c.evaluation;
  return {
    commitmentId: c.id, planId: c.planId, sector: c.sector, lead: c.leadDepartmentId ?? '', livelihood: Boolean(c.livelihood), status: e.status,
    overdue: Boolean(e.overdue), reportOverdue: Boolean(e.reportOverdue), deadlineOverdue: Boolean(e.deadlineOverdue),
    done: DONE.has(e.status) || c.state === 'closed', rate: e.completionRate === null ? null : Math.min(100, e.completionRate),
  };
}

/** Bumped when the kept figures' meaning changes: figures kept under another are recomputed. */
const SUMMARY_SHAPE = 6; // 5: groups per lead department; 6: kept evaluations per commitment
/** The supervision configuration's and summary shape's fingerprint: kept figures made under others are recomputed. */
export const configHash = (ctx: AppContext) => createHash('sha256').update(`${SUMMARY_SHAPE}:${JSON.stringify(ctx.config)}`).digest('hex').slice(0, 16);

/**
 * A district's groups per plan, as kept: the total, each sector, each lead department ('' for none)
 * and its 民生实事, of its supervised top-level commitments. The store adds them up in SQL from the
 * kept evaluations (`keptEvaluation`); this is the same count from evaluated commitments (tests compare the two).
 */
export function districtGroups(items: EvaluatedCommitment[]): Omit<KeptGroup, 'regionCode'>[] {
  const out: Omit<KeptGroup, 'regionCode'>[] = [];
  for (const [planId, ofPlan] of groupBy(items, (c) => c.planId)) {
    out.push({ planId, kind: 'total', key: '', ...countGroup(ofPlan) });
    for (const [sector, ofSector] of groupBy(ofPlan, (c) => c.sector)) out.push({ planId, kind: 'sector', key: sector, ...countGroup(ofSector) });
    for (const [lead, ofLead] of groupBy(ofPlan, (c) => c.leadDepartmentId ?? '')) out.push({ planId, kind: 'department', key: lead, ...countGroup(ofLead) });
    out.push({ planId, kind: 'livelihood', key: '', ...countGroup(ofPlan.filter((c) => c.livelihood)) });
  }
  return out;
}

/** A commitment as a city's or province's 总览 lists it. */
export type ListedCommitment = Pick<EvaluatedCommitment, 'id' | 'regionCode' | 'planId' | 'title' | 'sector' | 'leadDepartmentId' | 'evaluation'>;

const BEHIND = new Set<Status>(['lagging', 'seriouslyLagging']);

/** A district's commitments the 总览 lists: 滞后 or 严重滞后, or 逾期. */
export function districtItems(items: EvaluatedCommitment[]): KeptItem[] {
  return items
    .filter((c) => BEHIND.has(c.evaluation.status) || c.evaluation.overdue)
    .map((c) => {
      const item: ListedCommitment = { id: c.id, regionCode: c.regionCode, planId: c.planId, title: c.title, sector: c.sector, leadDepartmentId: c.leadDepartmentId, evaluation: c.evaluation };
      return { planId: c.planId, commitmentId: c.id, behind: BEHIND.has(c.evaluation.status), overdue: c.evaluation.overdue, lag: c.evaluation.lag, item };
    });
}

/** A plan's figures at a month-end, from its commitments evaluated at that date. */
export function trendCounts(planId: string, monthEnd: string, items: EvaluatedCommitment[]): TrendCounts {
  const c = countGroup(items);
  return { planId, monthEnd, total: c.total, behind: c.byStatus.lagging + c.byStatus.seriouslyLagging, rateSum: c.rateSum, rateCount: c.rateCount };
}

/**
 * Recomputes the kept figures of the regions `stale` for today: counts and lists from today's
 * evaluation — of the commitments written to only, while today's per-commitment evaluations are
 * kept, else of all — and the trend's month-ends of each plan's year (all of them after a write,
 * else only those not kept yet: a past month-end's evaluation changes only with the data), each of
 * them an evaluation of the whole district.
 */
async function recompute(db: Db, ctx: AppContext, stale: string[]): Promise<void> {
  const asOf = ctx.today(); // one day for the whole run, evaluated and stored alike
  const hash = configHash(ctx);
  for (const code of stale) {
    // the marks are taken before anything is loaded
    const { generation, trendCurrent, evaluationKept, marked } = await beginSummaryRecompute(db, code, hash, asOf);
    const wanted = (await listPlans(db, [code])).flatMap((p) => trendMonthEnds(p.year, asOf).map((monthEnd) => ({ planId: p.id, monthEnd })));
    const stored = trendCurrent ? new Set((await storedTrendMonths(db, code)).map((t) => `${t.planId}|${t.monthEnd}`)) : new Set<string>();
    const missing = wanted.filter((w) => !stored.has(`${w.planId}|${w.monthEnd}`));
    const evaluate = missing.length || !evaluationKept ? await loadEvaluator(db, ctx, supervised(code)) : null;
    const rows: TrendCounts[] = [];
    for (const [monthEnd, plans] of groupBy(missing, (w) => w.monthEnd)) {
      const byPlan = groupBy(evaluate!(monthEnd), (c) => c.planId);
      for (const { planId } of plans) rows.push(trendCounts(planId, monthEnd, byPlan.get(planId) ?? []));
    }
    const trend = { rows, keep: trendCurrent ? wanted : undefined };
    const r = { generation, asOf, hash };
    await (evaluationKept ? storeMarked(db, ctx, code, r, marked, trend) : storeEvaluated(db, code, r, evaluate!(asOf), 'all', trend));
  }
}

/** The kept figures of `regionCodes` made current: a region's that are dirty (a write since), of another day or another configuration are recomputed. */
export async function refreshDistrictSummaries(db: Db, ctx: AppContext, regionCodes: string[]): Promise<number> {
  const { stale } = await summaryState(db, regionCodes, ctx.today(), configHash(ctx));
  await recompute(db, ctx, stale);
  return stale.length;
}

/**
 * The total and sector sums of several regions' kept figures (all their plans): the scope's kept
 * sums while no district changed since they were added up (a steady read: one row per district to
 * learn that, then the few rows of sums), else the districts made current and added up again.
 */
export async function scopeSums(db: Db, ctx: AppContext, regionCodes: string[]): Promise<ScopeSum[]> {
  const { stale, version } = await summaryState(db, regionCodes, ctx.today(), configHash(ctx));
  if (stale.length) await recompute(db, ctx, stale);
  else {
    const kept = await keptScopeSums(db, regionCodes, version);
    if (kept) return kept;
  }
  return (await storeScopeSums(db, regionCodes)).sums;
}

/** The region `root` and every region below it, those of them whose kept figures are stale today, and the sum of their versions. */
export const scopeStateOf = (db: Db, ctx: AppContext, root: string) => scopeState(db, root, ctx.today(), configHash(ctx));

/**
 * A year's 总览 of the regions `codes` (a region and those below it, in the state `scopeStateOf`
 * gave): while no district changed since, the scope's kept sums, trend and first `listed` of each
 * list, in one statement; else the stale districts made current and all added up again.
 */
export async function scopeFigures(db: Db, ctx: AppContext, codes: string[], state: { stale: string[]; version: number }, year: number, listed: number): Promise<ScopeFigures> {
  if (state.stale.length) await recompute(db, ctx, state.stale);
  else {
    const kept = await keptScopeFigures(db, codes, state.version, year);
    if (kept) return kept;
  }
  return storeScopeSums(db, codes, year, listed);
}

/**
 * The 区县比较's kept rows of `root` and the regions below it (`authorize` checks their codes
 * first), the stale counties among them made current; with `root`'s scope version read with them,
 * and whether every county's figures were current in that read (a write may land in between).
 */
export async function comparisonRows(db: Db, ctx: AppContext, root: string, year: number, authorize: (codes: string[]) => void): Promise<{ rows: KeptCounty[]; version: number; current: boolean }> {
  const read = () => keptComparison(db, root, year, ctx.today(), configHash(ctx));
  const staleOf = (rows: KeptCounty[]) => rows.filter((r) => r.stale && r.level === 'county').map((r) => r.code);
  let kept = await read();
  authorize(kept.rows.map((r) => r.code)); // before any recomputation
  const stale = staleOf(kept.rows);
  if (stale.length) {
    await recompute(db, ctx, stale);
    kept = await read();
  }
  return { ...kept, current: !staleOf(kept.rows).length };
}

/** The summary of several regions from their sums (no department breakdown). */
export function scopeSummary(sums: ScopeSum[]): Summary {
  const total = sums.find((g) => g.kind === 'total')?.counts ?? countGroup([]);
  const bySector = sums.filter((g) => g.kind === 'sector').sort((a, b) => zhCompare(a.key, b.key)).map((g) => summaryGroup(g.key, g.counts));
  return { total: summaryGroup('total', total), bySector, byDepartment: [] };
}
