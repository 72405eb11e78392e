/**
 * Kept district figures (region_summary_group, migration 026): per district, plan and group the
 * counts of its supervised top-level commitments, added up in SQL for cities and provinces; their
 * freshness per district (region_summary: dirty on any write, or of another day or configuration;
 * a version that goes up whenever they are stored); and a scope's sums kept under the sum of its
 * districts' versions (scope_summary, migration 027).
 */
import { createHash } from 'node:crypto';
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

const columns = (g: GroupCounts) => ({
  total: g.total, ...Object.fromEntries(STATUSES.map((s) => [STATUS_COLUMNS[s], g.byStatus[s]])),
  overdue: g.overdue, reportOverdue: g.reportOverdue, deadlineOverdue: g.deadlineOverdue, rateSum: g.rateSum, rateCount: g.rateCount, done: g.done,
});

/**
 * Of the regions `codes`: those whose kept figures are missing, marked dirty, or made on another
 * day or under another configuration, and the sum of their versions (one statement, one snapshot).
 */
export async function summaryState(q: Queryable, codes: string[], asOf: string, configHash: string): Promise<{ stale: string[]; version: number }> {
  const [row] = await q.query<{ stale: string[] | null; version: number }>(
    `select array_agg(c.code) filter (where s.region_code is null or s.dirty or s.as_of is distinct from $2::date or s.config_hash is distinct from $3) as stale,
            coalesce(sum(s.version), 0)::bigint as version
     from unnest($1::text[]) as c(code) left join region_summary s on s.region_code = c.code`, [codes, asOf, configHash]);
  return { stale: row?.stale ?? [], version: Number(row?.version ?? 0) };
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
    await insertMany(tx, 'region_summary_group', groups.map((g) => ({ regionCode: code, planId: g.planId, kind: g.kind, key: g.key, ...columns(g) })));
    await tx.query('update region_summary set as_of = $2, config_hash = $3, version = version + 1 where region_code = $1', [code, asOf, configHash]);
  });
}

export interface ScopeSum {
  kind: 'total' | 'sector';
  key: string;
  counts: GroupCounts;
}
const scopeKey = (codes: string[]) => createHash('sha256').update([...codes].sort().join(',')).digest('hex');
const scopeSum = (r: Row): ScopeSum => ({ kind: r.kind as ScopeSum['kind'], key: String(r.key), counts: counts(r) });

/** The kept total and sector sums of the scope `codes`, when they were added up under `version`; null otherwise. */
export async function keptScopeSums(q: Queryable, codes: string[], version: number): Promise<ScopeSum[] | null> {
  const rows = await q.query<Row>(`select kind, key, ${COUNT_COLUMNS.join(', ')} from scope_summary where scope = $1 and version = $2`, [scopeKey(codes), version]);
  return rows.length ? rows.map(scopeSum) : null;
}

/**
 * Adds up the kept total and sector figures of `codes` over all their plans (with the sum of their
 * versions, in one statement) and keeps the sums for the scope; one writer per scope at a time.
 */
export async function storeScopeSums(db: Db, codes: string[]): Promise<ScopeSum[]> {
  const scope = scopeKey(codes);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`scope_summary:${scope}`]);
    const rows = await tx.query<Row>(
      `with v as (select coalesce(sum(version), 0)::bigint as version from region_summary where region_code = any($1)),
            s as (select kind, key, ${SUMS} from region_summary_group where region_code = any($1) and kind in ('total', 'sector') group by kind, key)
       select v.version, s.* from v left join s on true`, [codes]);
    const sums = rows.filter((r) => r.kind !== null).map(scopeSum);
    // an empty scope is kept too: its total row says so
    if (!sums.some((g) => g.kind === 'total')) sums.push(scopeSum({ kind: 'total', key: '', ...Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) }));
    await tx.query('delete from scope_summary where scope = $1', [scope]);
    await insertMany(tx, 'scope_summary', sums.map((g) => ({ scope, regionCode: codes[0], version: Number(rows[0]!.version), kind: g.kind, key: g.key, ...columns(g.counts) })));
    return sums;
  });
}

/** The kept groups of the kinds asked for of the plans `planIds` of the regions `codes`. */
export async function summaryGroupsOfPlans(q: Queryable, codes: string[], planIds: string[], kinds: GroupKind[]): Promise<KeptGroup[]> {
  const rows = await q.query<Row>(
    `select region_code, plan_id, kind, key, ${COUNT_COLUMNS.join(', ')} from region_summary_group
     where region_code = any($1) and plan_id = any($2::uuid[]) and kind = any($3)`, [codes, planIds, kinds]);
  return rows.map((r) => ({ regionCode: String(r.region_code), planId: String(r.plan_id), kind: r.kind as GroupKind, key: String(r.key), ...counts(r) }));
}
