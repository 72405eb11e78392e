/**
 * Kept district figures (region_summary_group, migration 026): per district, plan and group the
 * counts of its supervised top-level commitments, added up in SQL for cities and provinces; and
 * their freshness per district (region_summary: dirty on any write, or of another day or configuration).
 */
import { STATUSES, type Status } from '../domain/types.ts';
import type { Db, Queryable } from './db.ts';
import { insertMany } from './rows.ts';

/** A group's counts, in a form that adds up (averages come from rateSum / rateCount). */
export interface GroupCounts {
  total: number;
  byStatus: Record<Status, number>;
  overdue: number;
  reportOverdue: number;
  deadlineOverdue: number;
  rateSum: number;
  rateCount: number;
  /** completed, exceeded or closed (办结) */
  done: number;
}

export type GroupKind = 'total' | 'sector' | 'livelihood';

export interface KeptGroup extends GroupCounts {
  regionCode: string;
  planId: string;
  kind: GroupKind;
  key: string;
}

const STATUS_COLUMNS: Record<Status, string> = {
  notStarted: 'not_started', onTrack: 'on_track', lagging: 'lagging', seriouslyLagging: 'seriously_lagging', completed: 'completed', exceeded: 'exceeded',
};
const COUNT_COLUMNS = ['total', ...STATUSES.map((s) => STATUS_COLUMNS[s]), 'overdue', 'report_overdue', 'deadline_overdue', 'rate_sum', 'rate_count', 'done'];
const SUMS = COUNT_COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', ');

type Row = Record<string, number | string>;
function counts(r: Row): GroupCounts {
  return {
    total: Number(r.total),
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, Number(r[STATUS_COLUMNS[s]])])) as Record<Status, number>,
    overdue: Number(r.overdue),
    reportOverdue: Number(r.report_overdue),
    deadlineOverdue: Number(r.deadline_overdue),
    rateSum: Number(r.rate_sum),
    rateCount: Number(r.rate_count),
    done: Number(r.done),
  };
}

/** Regions among `codes` whose kept figures are missing, marked dirty, or made on another day or under another configuration. */
export async function staleSummaryRegions(q: Queryable, codes: string[], asOf: string, configHash: string): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `select c.code from unnest($1::text[]) as c(code) left join region_summary s on s.region_code = c.code
     where s.region_code is null or s.dirty or s.as_of is distinct from $2::date or s.config_hash is distinct from $3`, [codes, asOf, configHash]);
  return rows.map((r) => r.code);
}

/**
 * Marks `code` clean before its figures are recomputed (a write committed after this marks it
 * dirty again) and returns the generation the recomputation must still hold to store its result,
 * so a slower one that began earlier cannot overwrite a newer one.
 */
export async function beginSummaryRecompute(q: Queryable, code: string): Promise<number> {
  const [row] = await q.query<{ generation: number }>(
    `insert into region_summary (region_code, dirty, generation) values ($1, false, 1)
     on conflict (region_code) do update set dirty = false, generation = region_summary.generation + 1 returning generation`, [code]);
  return Number(row!.generation);
}

/** Stores a district's recomputed groups (all its plans) unless a newer recomputation began since. */
export async function storeSummaryGroups(db: Db, code: string, generation: number, asOf: string, configHash: string, groups: Omit<KeptGroup, 'regionCode'>[]): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ generation: number }>('select generation from region_summary where region_code = $1 for update', [code]);
    if (Number(row?.generation) !== generation) return;
    await tx.query('delete from region_summary_group where region_code = $1', [code]);
    await insertMany(tx, 'region_summary_group', groups.map((g) => ({
      regionCode: code, planId: g.planId, kind: g.kind, key: g.key, total: g.total,
      ...Object.fromEntries(STATUSES.map((s) => [STATUS_COLUMNS[s], g.byStatus[s]])),
      overdue: g.overdue, reportOverdue: g.reportOverdue, deadlineOverdue: g.deadlineOverdue, rateSum: g.rateSum, rateCount: g.rateCount, done: g.done,
    })));
    await tx.query('update region_summary set as_of = $2, config_hash = $3 where region_code = $1', [code, asOf, configHash]);
  });
}

/** The kept groups of the kinds asked for, added up over `codes` and all their plans: one row per kind and key. */
export async function sumSummaryGroups(q: Queryable, codes: string[], kinds: GroupKind[]): Promise<{ kind: GroupKind; key: string; counts: GroupCounts }[]> {
  const rows = await q.query<Row>(
    `select kind, key, ${SUMS} from region_summary_group where region_code = any($1) and kind = any($2) group by kind, key`, [codes, kinds]);
  return rows.map((r) => ({ kind: r.kind as GroupKind, key: String(r.key), counts: counts(r) }));
}

/** Each region's kept groups of the kinds asked for, for its plan of `year`. */
export async function summaryGroupsOfYear(q: Queryable, codes: string[], year: number, kinds: GroupKind[]): Promise<KeptGroup[]> {
  const rows = await q.query<Row>(
    `select g.region_code, g.plan_id, g.kind, g.key, ${COUNT_COLUMNS.map((c) => `g.${c}`).join(', ')}
     from region_summary_group g join plan p on p.id = g.plan_id
     where g.region_code = any($1) and p.year = $2 and g.kind = any($3)`, [codes, year, kinds]);
  return rows.map((r) => ({ regionCode: String(r.region_code), planId: String(r.plan_id), kind: r.kind as GroupKind, key: String(r.key), ...counts(r) }));
}
