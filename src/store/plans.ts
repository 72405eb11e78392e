import type { Plan, RecordedFact, WorkReport } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel, camelAll, insertMany, upsertSql } from './rows.ts';

export async function listPlans(q: Queryable, regionCodes: string[]): Promise<Plan[]> {
  return camelAll<Plan>(await q.query('select * from plan where region_code = any($1) order by region_code, year', [regionCodes]));
}

export async function getPlan(q: Queryable, id: string): Promise<Plan | undefined> {
  const [row] = await q.query('select * from plan where id = $1', [id]);
  return row ? camel<Plan>(row) : undefined;
}

export async function findPlan(q: Queryable, regionCode: string, year: number): Promise<Plan | undefined> {
  const [row] = await q.query('select * from plan where region_code = $1 and year = $2', [regionCode, year]);
  return row ? camel<Plan>(row) : undefined;
}

/** The plans of `year` of the regions `codes` (one at most per region). */
export async function plansOfYear(q: Queryable, codes: string[], year: number): Promise<{ id: string; regionCode: string }[]> {
  return q.query<{ id: string; regionCode: string }>('select id, region_code as "regionCode" from plan where region_code = any($1) and year = $2', [codes, year]);
}

/** Inserts or updates the plan of (region, year); the stored id wins. */
export async function upsertPlan(q: Queryable, plan: Plan): Promise<Plan> {
  const { sql, params } = upsertSql('plan', plan, ['region_code', 'year']);
  return camel<Plan>((await q.query(sql, params))[0]);
}

export async function findWorkReportBySha(q: Queryable, regionCode: string, sha256: string): Promise<WorkReport | undefined> {
  const [row] = await q.query('select * from work_report where region_code = $1 and sha256 = $2', [regionCode, sha256]);
  return row ? camel<WorkReport>(row) : undefined;
}

export async function getWorkReport(q: Queryable, id: string): Promise<WorkReport | undefined> {
  const [row] = await q.query('select * from work_report where id = $1', [id]);
  return row ? camel<WorkReport>(row) : undefined;
}

export async function insertWorkReport(q: Queryable, doc: Omit<WorkReport, 'createdAt'>): Promise<WorkReport> {
  const { sql, params } = upsertSql('work_report', doc, ['id']);
  return camel<WorkReport>((await q.query(sql, params))[0]);
}

export async function listFacts(q: Queryable, regionCodes: string[], year?: number): Promise<RecordedFact[]> {
  return camelAll<RecordedFact>(
    await q.query(
      'select * from recorded_fact where region_code = any($1) and ($2::int is null or year = $2) order by region_code, year, subject',
      [regionCodes, year ?? null],
    ),
  );
}

/** Inserts many new facts in few statements; returns them in order. */
export async function insertFacts(q: Queryable, facts: RecordedFact[]): Promise<RecordedFact[]> {
  const byId = new Map(camelAll<RecordedFact>(await insertMany(q, 'recorded_fact', facts, { json: ['source'] })).map((f) => [f.id, f]));
  return facts.map((f) => byId.get(f.id)!);
}

export async function insertFact(q: Queryable, fact: RecordedFact): Promise<RecordedFact> {
  const { sql, params } = upsertSql('recorded_fact', fact, ['id'], ['source']);
  return camel<RecordedFact>((await q.query(sql, params))[0]);
}
