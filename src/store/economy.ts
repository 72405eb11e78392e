/** 重点项目 and 经济指标 storage. */
import type { IndicatorValue, Project } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel, camelAll, upsertSql } from './rows.ts';

export async function listProjects(q: Queryable, regionCodes: string[], year?: number): Promise<Project[]> {
  return camelAll<Project>(
    await q.query('select * from project where region_code = any($1) and ($2::int is null or year = $2) order by region_code, year, name', [
      regionCodes,
      year ?? null,
    ]),
  );
}

export async function getProject(q: Queryable, id: string): Promise<Project | undefined> {
  const [row] = await q.query('select * from project where id = $1', [id]);
  return row ? camel<Project>(row) : undefined;
}

/** Inserts or updates by (region, year, name). */
export async function upsertProject(q: Queryable, p: Omit<Project, 'version'> & { version?: number }): Promise<Project> {
  const { sql, params } = upsertSql('project', p, ['region_code', 'year', 'name'], ['stageDates']);
  return camel<Project>((await q.query(sql, params))[0]);
}

export async function listIndicatorValues(q: Queryable, regionCodes: string[], indicator?: string): Promise<IndicatorValue[]> {
  return camelAll<IndicatorValue>(
    await q.query(
      'select * from indicator_value where region_code = any($1) and ($2::text is null or indicator = $2) order by indicator, period, region_code',
      [regionCodes, indicator ?? null],
    ),
  );
}

/** Inserts or updates by (region, indicator, period). */
export async function upsertIndicatorValue(q: Queryable, v: IndicatorValue): Promise<IndicatorValue> {
  const { sql, params } = upsertSql('indicator_value', v, ['region_code', 'indicator', 'period']);
  return camel<IndicatorValue>((await q.query(sql, params))[0]);
}
