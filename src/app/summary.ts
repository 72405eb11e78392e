/** Counts of evaluated commitments by status, sector and lead department (总览). */
import { STATUSES, type CommitmentState, type Status } from '../domain/types.ts';
import { groupBy, listEvaluatedCommitments, type EvaluatedCommitment, type EvaluatedFilter } from './evaluatedCommitments.ts';
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { AppContext } from './context.ts';

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

/** A group with the parts its average is made of, so groups of several districts add up. */
interface SummableGroup extends SummaryGroup {
  rateSum: number;
  rateCount: number;
}

const average = (sum: number, count: number) => (count ? Math.round((sum / count) * 10) / 10 : null);

function group(key: string, items: EvaluatedCommitment[]): SummableGroup {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let overdue = 0;
  let reportOverdue = 0;
  let deadlineOverdue = 0;
  const rates: number[] = [];
  for (const c of items) {
    byStatus[c.evaluation.status]++;
    if (c.evaluation.overdue) overdue++;
    if (c.evaluation.reportOverdue) reportOverdue++;
    if (c.evaluation.deadlineOverdue) deadlineOverdue++;
    if (c.evaluation.completionRate !== null) rates.push(Math.min(100, c.evaluation.completionRate));
  }
  const rateSum = rates.reduce((a, b) => a + b, 0);
  return { key, total: items.length, byStatus, overdue, reportOverdue, deadlineOverdue, averageCompletion: average(rateSum, rates.length), rateSum, rateCount: rates.length };
}

const zhCompare = new Intl.Collator('zh-CN').compare;

function groups(items: EvaluatedCommitment[], keyOf: (c: EvaluatedCommitment) => string): SummableGroup[] {
  return [...groupBy(items, keyOf)].sort(([a], [b]) => zhCompare(a, b)).map(([k, v]) => group(k, v));
}

interface SummableSummary {
  total: SummableGroup;
  bySector: SummableGroup[];
  byDepartment: SummableGroup[];
}

const strip = ({ rateSum: _s, rateCount: _c, ...g }: SummableGroup): SummaryGroup => g;
/** A kept summary as the API shows it (without the sums its averages are made of). */
export const publicSummary = (s: SummableSummary): Summary => ({ total: strip(s.total), bySector: s.bySector.map(strip), byDepartment: s.byDepartment.map(strip) });

/** Totals, and the same counts per sector and per lead department id ('' when unassigned). */
export function summarize(items: EvaluatedCommitment[]): Summary {
  return publicSummary(summarizeSummable(items));
}

function summarizeSummable(items: EvaluatedCommitment[]): SummableSummary {
  return {
    total: group('total', items),
    bySector: groups(items, (c) => c.sector),
    byDepartment: groups(items, (c) => c.leadDepartmentId ?? ''),
  };
}

/** Several districts' groups as one: counts add up, averages from the sums of their parts. */
function addGroups(key: string, gs: SummableGroup[]): SummableGroup {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let total = 0, overdue = 0, reportOverdue = 0, deadlineOverdue = 0, rateSum = 0, rateCount = 0;
  for (const g of gs) {
    total += g.total;
    overdue += g.overdue;
    reportOverdue += g.reportOverdue;
    deadlineOverdue += g.deadlineOverdue;
    rateSum += g.rateSum;
    rateCount += g.rateCount;
    for (const s of STATUSES) byStatus[s] += g.byStatus[s];
  }
  return { key, total, byStatus, overdue, reportOverdue, deadlineOverdue, averageCompletion: average(rateSum, rateCount), rateSum, rateCount };
}

function addAll(summaries: SummableSummary[]): SummableSummary {
  const merge = (lists: SummableGroup[][]) => [...groupBy(lists.flat(), (g) => g.key)].sort(([a], [b]) => zhCompare(a, b)).map(([k, gs]) => addGroups(k, gs));
  return { total: addGroups('total', summaries.map((s) => s.total)), bySector: merge(summaries.map((s) => s.bySector)), byDepartment: merge(summaries.map((s) => s.byDepartment)) };
}

/** The summary of the top-level commitments under supervision that match `f` (总览: GET /api/commitments/summary). */
export async function commitmentSummary(db: Db, ctx: AppContext, f: Omit<EvaluatedFilter, 'parentId' | 'states'>): Promise<Summary> {
  // several regions, all plans, today: add up the kept district summaries (a city's or a province's 总览)
  if (f.regionCodes.length > 1 && f.planId === undefined && f.livelihood === undefined && f.departmentId === undefined && (f.asOf ?? ctx.today()) === ctx.today())
    return publicSummary(addAll([...(await districtSummaries(db, ctx, f.regionCodes)).values()]));
  return summarize(await listEvaluatedCommitments(db, ctx, { ...f, parentId: null, states: SUPERVISED_STATES, unordered: true }));
}

/** Bumped when the summary's fields change: kept summaries of another shape are recomputed. */
const SUMMARY_SHAPE = 2;
/** The supervision configuration's and summary shape's fingerprint: kept summaries made under others are recomputed. */
const configHash = (ctx: AppContext) => createHash('sha256').update(`${SUMMARY_SHAPE}:${JSON.stringify(ctx.config)}`).digest('hex').slice(0, 16);

/**
 * Each region's summary today (all plans, under supervision), from region_summary: a row that is
 * dirty (a write since), of another day or another configuration is recomputed first. Regions
 * without commitments under supervision get none.
 */
export async function districtSummaries(db: Db, ctx: AppContext, regionCodes: string[]): Promise<Map<string, SummableSummary>> {
  const asOf = ctx.today();
  const hash = configHash(ctx);
  const rows = await db.query<{ region_code: string; dirty: boolean; as_of: string | null; config_hash: string | null; summary: SummableSummary | null }>(
    'select region_code, dirty, as_of, config_hash, summary from region_summary where region_code = any($1)', [regionCodes]);
  const kept = new Map(rows.filter((r) => !r.dirty && r.as_of === asOf && r.config_hash === hash && r.summary).map((r) => [r.region_code, r.summary!]));
  for (const code of regionCodes) {
    if (kept.has(code)) continue;
    // clean first, then read: a write committed after this marks the row dirty again; the
    // generation keeps a slower recomputation that started earlier from overwriting a newer one
    const [{ generation }] = (await db.query<{ generation: number }>(
      `insert into region_summary (region_code, dirty, generation) values ($1, false, 1)
       on conflict (region_code) do update set dirty = false, generation = region_summary.generation + 1 returning generation`, [code])) as [{ generation: number }];
    const summary = summarizeSummable(await listEvaluatedCommitments(db, ctx, { regionCodes: [code], parentId: null, states: SUPERVISED_STATES, unordered: true, asOf }));
    await db.query('update region_summary set summary = $2, as_of = $3, config_hash = $4 where region_code = $1 and generation = $5', [code, JSON.stringify(summary), asOf, hash, generation]);
    kept.set(code, summary);
  }
  for (const [code, s] of kept) if (s.total.total === 0) kept.delete(code);
  return kept;
}

/** The daily roll-over: the regions' kept summaries recomputed for the new day (readers would otherwise pay for it). */
export async function refreshDistrictSummaries(db: Db, ctx: AppContext, regionCodes: string[]): Promise<number> {
  return (await districtSummaries(db, ctx, regionCodes)).size;
}
