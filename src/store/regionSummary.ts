/**
 * Kept district figures (region_summary_group, migration 026): per district, plan and group the
 * counts of its supervised top-level commitments, added up in SQL for cities and provinces; their
 * freshness per district (region_summary: dirty on any write, or of another day or configuration;
 * a version that goes up whenever they are stored); and a scope's sums kept under the sum of its
 * districts' versions (scope_summary, migration 027). The groups are added up from each supervised
 * top-level commitment's kept evaluation (region_summary_commitment, migration 034), replaced for
 * the commitments a write marked (region_summary_mark) rather than the district evaluated whole.
 */
import { createHash } from 'node:crypto';
import { STATUSES, type Status } from '../domain/types.ts';
import type { Db, Queryable } from './db.ts';
import { insertMany, snake } from './rows.ts';

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

export type GroupKind = 'total' | 'sector' | 'livelihood' | 'department';

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
 * Kept figures to recompute before use: none, written to since, a recomputation begun and not
 * stored (its figures may be those of before a write), of another day or configuration; with
 * `lists`, also those whose lists and trend were left stale.
 */
const STALE = (s: string, lists = true) =>
  `(${s}.region_code is null or ${s}.dirty${lists ? ` or ${s}.lists_stale` : ''} or ${s}.generation <> ${s}.stored_generation or ${s}.as_of is distinct from $2::date or ${s}.config_hash is distinct from $3)`;

/**
 * Of the regions `codes`: those whose kept figures are missing, marked dirty, being recomputed (or
 * left so), with lists and trend left stale, or made on another day or under another configuration,
 * and the sum of their versions (one statement, one snapshot).
 */
export async function summaryState(q: Queryable, codes: string[], asOf: string, configHash: string): Promise<{ stale: string[]; version: number }> {
  const [row] = await q.query<{ stale: string[] | null; version: number }>(
    `select array_agg(c.code) filter (where ${STALE('s')}) as stale,
            coalesce(sum(s.version), 0)::bigint as version
     from unnest($1::text[]) as c(code) left join region_summary s on s.region_code = c.code`, [codes, asOf, configHash]);
  return { stale: row?.stale ?? [], version: Number(row?.version ?? 0) };
}

/** The region `root` and every region below it, the statement's first CTE (`r`: code, name, level). */
const SUBTREE = `with recursive r as (select code, name, level from region where code = $1
  union all select c.code, c.name, c.level from region c join r on c.parent_code = r.code)`;

/**
 * The region `root` and every region below it (sorted), those of them whose kept figures are
 * stale (as `summaryState`), and the sum of their versions: one statement, the hierarchy walked in
 * SQL rather than its codes sent back and forth.
 */
export async function scopeState(q: Queryable, root: string, asOf: string, configHash: string): Promise<{ codes: string[]; stale: string[]; version: number }> {
  const [row] = await q.query<{ codes: string[] | null; stale: string[] | null; version: number }>(
    `${SUBTREE}
     select array_agg(r.code order by r.code) as codes, array_agg(r.code) filter (where ${STALE('s')}) as stale, coalesce(sum(s.version), 0)::bigint as version
     from r left join region_summary s on s.region_code = r.code`, [root, asOf, configHash]);
  return { codes: row?.codes ?? [], stale: row?.stale ?? [], version: Number(row?.version ?? 0) };
}

/** A county's row of the 区县比较 as kept: its plan of the year, its total and 民生实事 counts, its indicator values of the year. */
export interface KeptCounty {
  code: string;
  name: string;
  level: string;
  stale: boolean;
  planId: string | null;
  /** the plan's kept total group (null when none is kept: no plan, or none of its commitments supervised) */
  total: { total: number; completed: number; lagging: number; seriouslyLagging: number; reportOverdue: number; deadlineOverdue: number; rateSum: number; rateCount: number } | null;
  livelihood: { total: number; done: number } | null;
  /** per indicator: the latest value of the year, and the first period of the year it was reported for */
  indicators: { indicator: string; unit: string; period: string; firstPeriod: string; value: string | null; yoyGrowth: number | null }[];
}

/**
 * The 区县比较's figures of `root` and every region below it, one row each, in one statement: its
 * freshness (as `summaryState`), its plan of `year`, that plan's kept total and 民生实事 counts,
 * and the latest value of `year` of each of its indicators — only the values the table shows; and
 * `root`'s scope version in the same snapshot (`scopeVersion`).
 */
export async function keptComparison(q: Queryable, root: string, year: number, asOf: string, configHash: string): Promise<{ rows: KeptCounty[]; version: number }> {
  type R = { code: string; name: string; level: string; stale: boolean; plan_id: string | null; total: number | null; completed: number; lagging: number; seriously_lagging: number;
    report_overdue: number; deadline_overdue: number; rate_sum: number; rate_count: number; l_total: number | null; l_done: number; indicators: unknown; scope_version: string | null };
  const rows = await q.query<R>(
    `${SUBTREE},
     ind as (select region_code, json_agg(json_build_array(indicator, unit, period, first_period, value::text, yoy_growth)) as indicators
       from (select distinct on (region_code, indicator) region_code, indicator, unit, period, value, yoy_growth, min(period) over (partition by region_code, indicator) as first_period
             from indicator_value where region_code in (select code from r where level = 'county') and period like $5 order by region_code, indicator, period collate "C" desc) v
       group by region_code)
     select r.code, r.name, r.level, ${STALE('s', false)} as stale, p.id as plan_id, g.total, g.completed + g.exceeded as completed, g.lagging, g.seriously_lagging,
       g.report_overdue, g.deadline_overdue, g.rate_sum, g.rate_count, l.total as l_total, l.done as l_done, i.indicators,
       (select version from scope_version where region_code = $1) as scope_version
     from r left join region_summary s on s.region_code = r.code
     left join plan p on p.region_code = r.code and p.year = $4
     left join region_summary_group g on g.region_code = r.code and g.plan_id = p.id and g.kind = 'total' and g.key = ''
     left join region_summary_group l on l.region_code = r.code and l.plan_id = p.id and l.kind = 'livelihood' and l.key = ''
     left join ind i on i.region_code = r.code
     order by r.code`, [root, asOf, configHash, year, `${year}%`]);
  return { version: Number(rows[0]?.scope_version ?? 0), rows: rows.map((r) => {
    const ind = (typeof r.indicators === 'string' ? JSON.parse(r.indicators) : r.indicators) as [string, string, string, string, string | null, number | null][] | null;
    return {
      code: r.code, name: r.name, level: r.level, stale: r.stale, planId: r.plan_id,
      total: r.total === null ? null : {
        total: r.total, completed: r.completed, lagging: r.lagging, seriouslyLagging: r.seriously_lagging,
        reportOverdue: r.report_overdue, deadlineOverdue: r.deadline_overdue, rateSum: r.rate_sum, rateCount: r.rate_count,
      },
      livelihood: r.l_total === null ? null : { total: r.l_total, done: r.l_done },
      indicators: (ind ?? []).map(([indicator, unit, period, firstPeriod, value, yoyGrowth]) => ({ indicator, unit, period, firstPeriod, value, yoyGrowth })),
    };
  }) };
}

/** The scope version of `root` (migration 036): raised whenever anything its 区县比较 shows may have changed below it. */
export async function scopeVersion(q: Queryable, root: string): Promise<number> {
  const [row] = await q.query<{ version: string }>('select version from scope_version where region_code = $1', [root]);
  return Number(row?.version ?? 0);
}

/**
 * Marks `code` clean before its figures are recomputed (a write committed after this marks it
 * dirty again) and returns the generation the recomputation must still hold to store its result,
 * so a slower one that began earlier cannot overwrite a newer one; whether the stored trend is
 * still that of the data (no write since it was stored, nor a recomputation that never stored,
 * under the same configuration), so only month-ends not stored yet need evaluating; and the
 * commitments marked as written to since (the changed ones, their parents, reports' commitments),
 * taken in the same transaction, after the district's row is locked: a write holding that lock
 * has committed by then and its mark is taken (and its data seen by the evaluation that follows),
 * a later one marks anew. `evaluationKept`: the kept per-commitment evaluation is of `asOf` and
 * `configHash` and was stored by the last recomputation begun, so evaluating the marked
 * commitments again brings it up to date (marks taken by a recomputation that never stored are
 * lost: the next one evaluates whole).
 */
export async function beginSummaryRecompute(db: Db, code: string, configHash: string, asOf: string): Promise<{ generation: number; trendCurrent: boolean; evaluationKept: boolean; marked: string[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ generation: number; current: boolean | null; kept: boolean | null }>(
      `with prev as (select dirty, lists_stale, generation, stored_generation, config_hash, as_of from region_summary where region_code = $1)
       insert into region_summary (region_code, dirty, generation) values ($1, false, 1)
       on conflict (region_code) do update set dirty = false, generation = region_summary.generation + 1
       returning generation, (select not dirty and not lists_stale and generation = stored_generation and config_hash = $2 from prev) as current,
         (select as_of = $3::date and config_hash = $2 and generation = stored_generation from prev) as kept`, [code, configHash, asOf]);
    const marks = await tx.query<{ id: string }>('delete from region_summary_mark where region_code = $1 returning commitment_id as id', [code]);
    return { generation: Number(row!.generation), trendCurrent: row!.current === true, evaluationKept: row!.kept === true, marked: marks.map((m) => m.id) };
  });
}

/** A supervised top-level commitment's evaluation of the day as kept: its group keys and what its groups count. */
export interface KeptEvaluation {
  commitmentId: string;
  planId: string;
  sector: string;
  /** the lead department's id, '' when none */
  lead: string;
  livelihood: boolean;
  status: Status;
  overdue: boolean;
  reportOverdue: boolean;
  deadlineOverdue: boolean;
  /** completed, exceeded or closed (办结) */
  done: boolean;
  /** the completion rate capped at 100, null without one */
  rate: number | null;
}

/** A district's groups (total, sector, department, 民生实事 per plan) added up from its kept evaluations of the plans `$2` (all when null). */
const GROUPS_OF_EVALUATIONS = `
  insert into region_summary_group (region_code, plan_id, kind, key, ${COUNT_COLUMNS.join(', ')})
  select $1, c.plan_id, g.kind, g.key, count(*) filter (where g.counted),
    ${STATUSES.map((s) => `count(*) filter (where g.counted and c.status = '${s}')`).join(', ')},
    count(*) filter (where g.counted and c.overdue), count(*) filter (where g.counted and c.report_overdue), count(*) filter (where g.counted and c.deadline_overdue),
    coalesce(sum(c.rate) filter (where g.counted), 0), count(c.rate) filter (where g.counted), count(*) filter (where g.counted and c.done)
  from region_summary_commitment c
    cross join lateral (values ('total', '', true), ('sector', c.sector, true), ('department', c.lead, true), ('livelihood', '', c.livelihood)) g(kind, key, counted)
  where c.region_code = $1 and ($2::uuid[] is null or c.plan_id = any($2::uuid[]))
  group by c.plan_id, g.kind, g.key`;

/**
 * Stores a district's evaluation, unless a newer recomputation began since: its commitments'
 * evaluations (`replace`: all of them, or those of the commitments named, whose kept rows are
 * replaced by `evaluations`' — a commitment no longer supervised or top-level simply has none),
 * the listed items likewise, and the groups of the plans touched added up again from the kept
 * evaluations. Unless `trend`
 * is null, the trend too: it replaces the stored one, or with `keep` is added to it and the stored
 * month-ends not in `keep` are dropped; without it the stored trend is left and marked stale
 * (lists_stale), for the next city or province reader to recompute. Returns the district's groups
 * over all its plans as stored (null when not stored), in the same transaction.
 */
export async function storeDistrictEvaluation(
  db: Db, code: string, generation: number, asOf: string, configHash: string,
  o: {
    replace: 'all' | string[];
    evaluations: KeptEvaluation[];
    items: KeptItem[];
    trend: { rows: TrendCounts[]; keep?: { planId: string; monthEnd: string }[] } | null;
  },
): Promise<{ kind: GroupKind; key: string; counts: GroupCounts }[] | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ generation: number }>('select generation from region_summary where region_code = $1 for update', [code]);
    if (Number(row?.generation) !== generation) return null;
    const all = o.replace === 'all';
    // the plans whose groups change: those of the rows replaced and of the new ones
    const old = await tx.query<{ plan_id: string }>(
      `delete from region_summary_commitment where region_code = $1 ${all ? '' : 'and commitment_id = any($2::uuid[])'} returning plan_id`, all ? [code] : [code, o.replace]);
    // one parameter for all rows (a full evaluation stores thousands)
    const rows = o.evaluations.map((e) => Object.fromEntries(Object.entries({ regionCode: code, ...e }).map(([k, v]) => [snake(k), v])));
    if (rows.length) await tx.query('insert into region_summary_commitment select * from json_populate_recordset(null::region_summary_commitment, $1)', [JSON.stringify(rows)]);
    const plans = all ? null : [...new Set([...old.map((r) => r.plan_id), ...o.evaluations.map((e) => e.planId)])];
    await tx.query(`delete from region_summary_group where region_code = $1 ${all ? '' : 'and plan_id = any($2::uuid[])'}`, all ? [code] : [code, plans]);
    if (all || plans!.length) await tx.query(GROUPS_OF_EVALUATIONS, [code, plans]);
    await tx.query(`delete from region_summary_item where region_code = $1 ${all ? '' : 'and commitment_id = any($2::uuid[])'}`, all ? [code] : [code, o.replace]);
    await insertMany(tx, 'region_summary_item', o.items.map((i) => ({ regionCode: code, ...i })), { json: ['item'] });
    if (o.trend) {
      const { rows: trend, keep } = o.trend;
      if (keep) {
        await tx.query(
          `delete from region_summary_trend where region_code = $1 and (plan_id, month_end) not in (select * from unnest($2::uuid[], $3::date[]))`,
          [code, keep.map((k) => k.planId), keep.map((k) => k.monthEnd)]);
      } else await tx.query('delete from region_summary_trend where region_code = $1', [code]);
      await insertMany(tx, 'region_summary_trend', trend.map((t) => ({ regionCode: code, ...t })));
    }
    await tx.query(
      `update region_summary set as_of = $2, config_hash = $3, version = version + 1, stored_generation = generation, lists_stale = $4 where region_code = $1`,
      [code, asOf, configHash, o.trend === null]);
    const groups = await tx.query<Row>(`select kind, key, ${SUMS} from region_summary_group where region_code = $1 and kind in ('total', 'sector', 'department') group by kind, key`, [code]);
    return groups.map((r) => ({ kind: r.kind as GroupKind, key: String(r.key), counts: counts(r) }));
  });
}

/** A commitment as a city's or province's 总览 lists it (滞后 or 逾期), kept with its district's figures. */
export interface KeptItem {
  planId: string;
  commitmentId: string;
  behind: boolean;
  overdue: boolean;
  lag: number | null;
  item: Record<string, unknown>;
}

/**
 * A district's kept total, sector and department groups over all its plans, when they are those of
 * its data today: not written to since, no recomputation begun since they were stored, of `asOf`
 * and `configHash`; null otherwise. One statement, so freshness and groups are of one snapshot.
 */
export async function keptDistrictGroups(q: Queryable, code: string, asOf: string, configHash: string): Promise<{ kind: GroupKind; key: string; counts: GroupCounts }[] | null> {
  const rows = await q.query<Row & { fresh: boolean }>(
    `select f.fresh, g.* from (select coalesce((select not ${STALE('s', false)} from region_summary s where s.region_code = $1), false) as fresh) f
     left join lateral (select kind, key, ${SUMS} from region_summary_group where f.fresh and region_code = $1 and kind in ('total', 'sector', 'department') group by kind, key) g on true`,
    [code, asOf, configHash]);
  if (!rows[0]?.fresh) return null;
  return rows.filter((r) => r.kind !== null).map((r) => ({ kind: r.kind as GroupKind, key: String(r.key), counts: counts(r) }));
}

/** A month-end's figures of a district's plan: how many, how many behind (滞后 + 严重滞后), completion rates summed. */
export interface TrendCounts {
  planId: string;
  monthEnd: string;
  total: number;
  behind: number;
  rateSum: number;
  rateCount: number;
}

/** The month-ends of `code`'s stored trend, per plan. */
export async function storedTrendMonths(q: Queryable, code: string): Promise<{ planId: string; monthEnd: string }[]> {
  return q.query(`select plan_id as "planId", to_char(month_end, 'YYYY-MM-DD') as "monthEnd" from region_summary_trend where region_code = $1`, [code]);
}

export interface ScopeSum {
  kind: 'total' | 'sector';
  key: string;
  counts: GroupCounts;
}
const scopeKey = (codes: string[], year: number | undefined) => createHash('sha256').update(`${[...codes].sort().join(',')}${year === undefined ? '' : `:${year}`}`).digest('hex');
/** the plans a scope's sums count: all, or those of a year */
const plansOf = (year: number | undefined, p: string) => (year === undefined ? '' : `and plan_id in (select id from plan where region_code = any($1) and year = ${p})`);
const scopeSum = (r: Row): ScopeSum => ({ kind: r.kind as ScopeSum['kind'], key: String(r.key), counts: counts(r) });

/** The kept total and sector sums of the scope `codes` (its plans of `year`, or all), when they were added up under `version`; null otherwise. */
export async function keptScopeSums(q: Queryable, codes: string[], version: number, year?: number): Promise<ScopeSum[] | null> {
  const rows = await q.query<Row>(`select kind, key, ${COUNT_COLUMNS.join(', ')} from scope_summary where scope = $1 and version = $2`, [scopeKey(codes, year), version]);
  return rows.length ? rows.map(scopeSum) : null;
}

/** A year's 总览 of a scope as kept: its sums, its trend and the first few of its 滞后 and 逾期 lists. */
export interface ScopeFigures {
  sums: ScopeSum[];
  trend: Omit<TrendCounts, 'planId'>[];
  behind: Record<string, unknown>[];
  overdue: Record<string, unknown>[];
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const trendRow = (r: Row): Omit<TrendCounts, 'planId'> => ({ monthEnd: String(r.month_end), total: Number(r.total), behind: Number(r.behind), rateSum: Number(r.rate_sum), rateCount: Number(r.rate_count) });
function figures(sums: ScopeSum[], trend: Row[], items: [list: string, item: Record<string, unknown>][]): ScopeFigures {
  return { sums, trend: trend.map(trendRow), behind: items.filter(([l]) => l === 'behind').map(([, i]) => i), overdue: items.filter(([l]) => l === 'overdue').map(([, i]) => i) };
}

/** The kept 总览 of the scope `codes` of `year` (sums, trend, lists), when it was added up under `version`; null otherwise. One statement. */
export async function keptScopeFigures(q: Queryable, codes: string[], version: number, year: number): Promise<ScopeFigures | null> {
  const [row] = await q.query<{ sums: unknown; trend: unknown; items: unknown }>(
    `select (select json_agg(s) from scope_summary s where scope = $1 and version = $2) as sums,
       (select json_agg(json_build_object('month_end', to_char(month_end, 'YYYY-MM-DD'), 'total', total, 'behind', behind, 'rate_sum', rate_sum, 'rate_count', rate_count) order by month_end)
        from scope_summary_trend where scope = $1 and version = $2) as trend,
       (select json_agg(json_build_array(list, item) order by list, position) from scope_summary_item where scope = $1 and version = $2) as items`,
    [scopeKey(codes, year), version]);
  const sums = json<Row[] | null>(row?.sums);
  if (!sums?.length) return null;
  return figures(sums.map(scopeSum), json<Row[] | null>(row!.trend) ?? [], json<[string, Record<string, unknown>][] | null>(row!.items) ?? []);
}

/**
 * Adds up the kept total and sector figures of `codes` over all their plans or those of `year` (with the sum of their
 * versions, in one statement) and keeps the sums for the scope; of a year, also its trend (added up
 * per month-end) and the first `listed` of its 滞后 and 逾期 lists. One writer per scope at a time.
 */
export async function storeScopeSums(db: Db, codes: string[], year?: number, listed = 0): Promise<ScopeFigures> {
  const scope = scopeKey(codes, year);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`scope_summary:${scope}`]);
    const rows = await tx.query<Row>(
      `with v as (select coalesce(sum(version), 0)::bigint as version from region_summary where region_code = any($1)),
            s as (select kind, key, ${SUMS} from region_summary_group where region_code = any($1) and kind in ('total', 'sector') ${plansOf(year, '$2')} group by kind, key)
       select v.version, s.* from v left join s on true`, year === undefined ? [codes] : [codes, year]);
    const sums = rows.filter((r) => r.kind !== null).map(scopeSum);
    // an empty scope is kept too: its total row says so
    if (!sums.some((g) => g.kind === 'total')) sums.push(scopeSum({ kind: 'total', key: '', ...Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) }));
    const version = Number(rows[0]!.version);
    await tx.query('delete from scope_summary where scope = $1', [scope]);
    await tx.query('delete from scope_summary_trend where scope = $1', [scope]);
    await tx.query('delete from scope_summary_item where scope = $1', [scope]);
    await insertMany(tx, 'scope_summary', sums.map((g) => ({ scope, regionCode: codes[0], version, kind: g.kind, key: g.key, ...columns(g.counts) })));
    if (year === undefined) return figures(sums, [], []);
    const ofYear = 'region_code = any($4) and plan_id in (select id from plan where region_code = any($4) and year = $5)';
    const trend = await tx.query<Row>(
      `insert into scope_summary_trend (scope, region_code, version, month_end, total, behind, rate_sum, rate_count)
       select $1, $2, $3, month_end, sum(total), sum(behind), sum(rate_sum), sum(rate_count) from region_summary_trend where ${ofYear} group by month_end
       returning to_char(month_end, 'YYYY-MM-DD') as month_end, total, behind, rate_sum, rate_count`, [scope, codes[0], version, codes, year]);
    trend.sort((a, b) => (a.month_end < b.month_end ? -1 : 1));
    const list = (which: 'behind' | 'overdue') =>
      `select '${which}' as list, row_number() over (order by lag desc nulls last, commitment_id) as position, item
       from (select lag, commitment_id, item from region_summary_item where ${which} and ${ofYear} order by lag desc nulls last, commitment_id limit $6) x`;
    const items = listed
      ? await tx.query<{ list: string; position: number; item: unknown }>(
        `insert into scope_summary_item (scope, region_code, version, list, position, item)
         select $1, $2, $3, list, position, item from (${list('behind')} union all ${list('overdue')}) l
         returning list, position, item`, [scope, codes[0], version, codes, year, listed])
      : [];
    items.sort((a, b) => (a.list < b.list ? -1 : a.list > b.list ? 1 : Number(a.position) - Number(b.position)));
    return figures(sums, trend, items.map((i) => [i.list, json<Record<string, unknown>>(i.item)]));
  });
}

/** The kept groups of the kinds asked for of the plans `planIds` of the regions `codes`. */
export async function summaryGroupsOfPlans(q: Queryable, codes: string[], planIds: string[], kinds: GroupKind[]): Promise<KeptGroup[]> {
  const rows = await q.query<Row>(
    `select region_code, plan_id, kind, key, ${COUNT_COLUMNS.join(', ')} from region_summary_group
     where region_code = any($1) and plan_id = any($2::uuid[]) and kind = any($3)`, [codes, planIds, kinds]);
  return rows.map((r) => ({ regionCode: String(r.region_code), planId: String(r.plan_id), kind: r.kind as GroupKind, key: String(r.key), ...counts(r) }));
}

/** The kept items of `planIds` of the regions `codes` that are behind (滞后, 严重滞后) or overdue (逾期), the most behind first. */
export async function keptItems(q: Queryable, codes: string[], planIds: string[], which: 'behind' | 'overdue', limit: number): Promise<Record<string, unknown>[]> {
  const rows = await q.query<{ item: Record<string, unknown> | string }>(
    `select item from region_summary_item where ${which} and region_code = any($1) and plan_id = any($2::uuid[])
     order by lag desc nulls last, commitment_id limit $3`, [codes, planIds, limit]);
  return rows.map((r) => (typeof r.item === 'string' ? JSON.parse(r.item) : r.item));
}
