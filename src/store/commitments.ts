import type { Commitment, ReportState } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel, camelAll, insertMany, snake } from './rows.ts';
import { conflict } from '../app/errors.ts';

export interface CommitmentFilter {
  regionCodes: string[];
  planId?: string;
  /** lead or co-department */
  departmentId?: string;
  sector?: string;
  livelihood?: boolean;
  published?: boolean;
  states?: string[];
  /** null: top-level only */
  parentId?: string | null;
  /** matches title */
  search?: string;
  /** in no particular order (counting needs none; lists are in plan order) */
  unordered?: boolean;
}

/** The `where` clause and parameters of a filter (parameters numbered from $1). */
function filterSql(f: CommitmentFilter): { where: string; params: unknown[] } {
  const where = ['region_code = any($1)'];
  const params: unknown[] = [f.regionCodes];
  const add = (cond: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (f.planId) add((p) => `plan_id = ${p}`, f.planId);
  if (f.departmentId) add((p) => `(lead_department_id = ${p} or co_department_ids @> array[${p}::uuid])`, f.departmentId);
  if (f.sector) add((p) => `sector = ${p}`, f.sector);
  if (f.livelihood !== undefined) add((p) => `livelihood = ${p}`, f.livelihood);
  if (f.published !== undefined) add((p) => `published = ${p}`, f.published);
  if (f.states?.length) add((p) => `state = any(${p})`, f.states);
  if (f.parentId === null) where.push('parent_id is null');
  else if (f.parentId) add((p) => `parent_id = ${p}`, f.parentId);
  if (f.search) add((p) => `title ilike ${p}`, `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return { where: where.join(' and '), params };
}

const PLAN_ORDER = 'order by region_code, sector, created_at, title';

/** Commitments matching the filter, in plan order (sector, then creation). */
export async function listCommitments(q: Queryable, f: CommitmentFilter): Promise<Commitment[]> {
  const { where, params } = filterSql(f);
  return camelAll<Commitment>(await q.query(`select * from commitment where ${where} ${PLAN_ORDER}`, params));
}

/**
 * Every commitment of the filter's regions (and plan, when it names one), in plan order, in one
 * statement; `matched` holds the ids of those the whole filter matched.
 */
export async function listPlanCommitments(q: Queryable, f: CommitmentFilter): Promise<{ commitments: Commitment[]; matched: Set<string> }> {
  const { where, params } = filterSql(f); // $1 regions, $2 the plan when given
  const rows = await q.query<Record<string, unknown>>(
    `select *, (${where}) as "~matched" from commitment where region_code = any($1) ${f.planId ? 'and plan_id = $2' : ''} ${f.unordered ? '' : PLAN_ORDER}`,
    params,
  );
  const matched = new Set<string>();
  for (const row of rows) if (row['~matched']) matched.add(row.id as string);
  return { commitments: camelAll<Commitment>(rows), matched };
}

/**
 * A commitment's reports as evaluation reads them: only the lead department's (the only ones that
 * count, domain/progress.ts), [period, state, value, milestones done] each, as one JSON value.
 * Version and update time, which only choose between reports of one department and period, are
 * not needed: there is one (the table's unique key).
 */
export type LeadReports = [period: string, state: ReportState, value: string | null, milestonesDone: string[]][];

/** SQL for the `LeadReports` of the commitment row aliased `c` (null when it has none). */
export const leadReportsSql = (c: string) =>
  `(select json_agg(json_build_array(r.period, r.state, r.cumulative_value::text, r.milestones_done)) from progress_report r
    where r.region_code = ${c}.region_code and r.commitment_id = ${c}.id and r.department_id = ${c}.lead_department_id)`;

/**
 * A department's commitments (lead or co-department) matching the filter and every subtask below
 * them, in plan order, each with its `LeadReports`, in one statement; `matched` holds the ids of
 * those the filter itself matched. Each step reads by index (lead department, co-departments,
 * parent, id), not by scanning the region's commitments.
 */
export async function listCommitmentTrees(q: Queryable, f: CommitmentFilter & { departmentId: string }): Promise<{ commitments: Commitment[]; matched: Set<string>; reports: Map<string, LeadReports> }> {
  const { where, params } = filterSql({ ...f, departmentId: undefined });
  const dept = `$${params.push(f.departmentId)}`;
  // `offset 0` keeps each lateral step a lookup per row: the planner, guessing a hundred rows,
  // would otherwise scan and hash the whole table to find a department's few subtasks
  const rows = await q.query<Record<string, unknown>>(
    `with recursive matched as (select id, region_code from commitment where ${where} and lead_department_id = ${dept}
         union select id, region_code from commitment where ${where} and co_department_ids @> array[${dept}::uuid]),
       t as (select id, region_code from matched
         union select s.id, s.region_code from t cross join lateral (select id, region_code from commitment c where c.region_code = t.region_code and c.parent_id = t.id offset 0) s)
     select c.*, c.id in (select id from matched) as "~matched", ${leadReportsSql('c')} as "~reports"
     from t cross join lateral (select * from commitment c where c.region_code = t.region_code and c.id = t.id offset 0) c ${PLAN_ORDER}`,
    params,
  );
  return treeRows(rows);
}

/** Commitments read with their "~matched" flag and "~reports" (`LeadReports`) columns. */
function treeRows(rows: Record<string, unknown>[]): { commitments: Commitment[]; matched: Set<string>; reports: Map<string, LeadReports> } {
  const matched = new Set<string>();
  const reports = new Map<string, LeadReports>();
  for (const row of rows) {
    if (row['~matched']) matched.add(row.id as string);
    if (row['~reports']) reports.set(row.id as string, row['~reports'] as LeadReports);
  }
  return { commitments: camelAll<Commitment>(rows), matched, reports };
}

/**
 * The top-level commitments above `ids` (of the filter's first region; an id may be a top-level
 * one itself or gone) and every subtask below them, each with its `LeadReports`, in one
 * statement; `matched` holds the ids of those the filter matched. Parents' and subtasks' links
 * are read by index, so the cost follows the trees, not the region.
 */
export async function listTreesAbove(q: Queryable, f: CommitmentFilter, ids: string[]): Promise<{ commitments: Commitment[]; matched: Set<string>; reports: Map<string, LeadReports> }> {
  const { where, params } = filterSql({ ...f, regionCodes: f.regionCodes.slice(0, 1) });
  const marked = `$${params.push(ids)}::uuid[]`;
  const region = `$${params.push(f.regionCodes[0])}`;
  const rows = await q.query<Record<string, unknown>>(
    `with recursive up as (select id, parent_id from commitment where region_code = ${region} and id = any(${marked})
         union select p.id, p.parent_id from up join commitment p on p.region_code = ${region} and p.id = up.parent_id),
       t as (select id from up where parent_id is null
         union select s.id from t cross join lateral (select id from commitment c where c.region_code = ${region} and c.parent_id = t.id offset 0) s)
     select c.*, (${where}) as "~matched", ${leadReportsSql('c')} as "~reports"
     from t cross join lateral (select * from commitment c where c.region_code = ${region} and c.id = t.id offset 0) c`,
    params,
  );
  return treeRows(rows);
}

export async function getCommitment(q: Queryable, id: string): Promise<Commitment | undefined> {
  const [row] = await q.query('select * from commitment where id = $1', [id]);
  return row ? camel<Commitment>(row) : undefined;
}

const JSON_FIELDS = new Set(['milestones', 'source']);
const IMMUTABLE = new Set(['id', 'regionCode', 'createdAt', 'updatedAt', 'version']);

export async function insertCommitment(q: Queryable, c: Omit<Commitment, 'createdAt' | 'updatedAt' | 'version'> & Partial<Pick<Commitment, 'createdAt' | 'updatedAt' | 'version'>>): Promise<Commitment> {
  const cols = Object.keys(c).filter((k) => (c as Record<string, unknown>)[k] !== undefined);
  const params = cols.map((k) => {
    const v = (c as Record<string, unknown>)[k];
    return JSON_FIELDS.has(k) ? JSON.stringify(v) : v;
  });
  const [row] = await q.query(
    `insert into commitment (${cols.map(snake).join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning *`,
    params,
  );
  return camel<Commitment>(row);
}

/** Inserts many new commitments (all with the same fields) in few statements; returns them in order. */
export async function insertCommitments(q: Queryable, list: Parameters<typeof insertCommitment>[1][]): Promise<Commitment[]> {
  const byId = new Map(camelAll<Commitment>(await insertMany(q, 'commitment', list, { json: [...JSON_FIELDS] })).map((c) => [c.id, c]));
  return list.map((c) => byId.get(c.id)!);
}

/**
 * Applies `patch` if the stored version equals `expectedVersion`; bumps the version.
 * A stale version changes nothing and throws a 409 AppError.
 */
export async function updateCommitment(q: Queryable, id: string, expectedVersion: number, patch: Partial<Commitment>): Promise<Commitment> {
  const cols = Object.keys(patch).filter((k) => !IMMUTABLE.has(k) && (patch as Record<string, unknown>)[k] !== undefined);
  const params: unknown[] = [id, expectedVersion];
  const sets = cols.map((k) => {
    const v = (patch as Record<string, unknown>)[k];
    params.push(JSON_FIELDS.has(k) ? JSON.stringify(v) : v);
    return `${snake(k)} = $${params.length}`;
  });
  const [row] = await q.query(
    `update commitment set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     where id = $1 and version = $2 returning *`,
    params,
  );
  if (!row) throw conflict('commitment');
  return camel<Commitment>(row);
}

export async function deleteCommitment(q: Queryable, id: string): Promise<void> {
  await q.query('delete from commitment where id = $1', [id]);
}
