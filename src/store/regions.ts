import type { Department, Region } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel, camelAll, upsertSql } from './rows.ts';

export async function listRegions(q: Queryable): Promise<Region[]> {
  return camelAll<Region>(await q.query('select * from region order by code'));
}

/** The counties (level county) among `codes`, by code. */
export async function listCounties(q: Queryable, codes: string[]): Promise<{ code: string; name: string }[]> {
  return q.query<{ code: string; name: string }>(`select code, name from region where code = any($1) and level = 'county' order by code`, [codes]);
}

export async function getRegion(q: Queryable, code: string): Promise<Region | undefined> {
  const [row] = await q.query('select * from region where code = $1', [code]);
  return row ? camel<Region>(row) : undefined;
}

/** The region and all regions below it (a city sees its districts). */
export async function regionAndDescendants(q: Queryable, code: string): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `with recursive r as (select code from region where code = $1
       union all select c.code from region c join r on c.parent_code = r.code)
     select code from r order by code`,
    [code],
  );
  return rows.map((r) => r.code);
}

export async function upsertRegion(q: Queryable, region: Region): Promise<Region> {
  const { sql, params } = upsertSql('region', region, ['code']);
  return camel<Region>((await q.query(sql, params))[0]);
}

export async function listDepartments(q: Queryable, regionCode: string): Promise<Department[]> {
  return camelAll<Department>(await q.query('select * from department where region_code = $1 order by name', [regionCode]));
}

export async function getDepartment(q: Queryable, id: string): Promise<Department | undefined> {
  const [row] = await q.query('select * from department where id = $1', [id]);
  return row ? camel<Department>(row) : undefined;
}

/** Inserts or updates a department by (region, name); returns the stored row. */
export async function upsertDepartment(q: Queryable, dept: Department): Promise<Department> {
  const { sql, params } = upsertSql('department', dept, ['region_code', 'name']);
  return camel<Department>((await q.query(sql, params))[0]);
}
