/** 荣誉/表彰 rows (migration 022). */
import type { Honour } from '../domain/types.ts';
import type { Queryable } from './db.ts';

export const HONOUR_COLUMNS = `id, region_code as "regionCode", year, title, level, recipient, sector, awarded_by as "awardedBy", created_at as "createdAt"`;

/** The honours of the regions (of one year when given): by year, then level (national first), then title. */
export async function listHonours(q: Queryable, regionCodes: readonly string[], year?: number): Promise<Honour[]> {
  return q.query<Honour>(
    `select ${HONOUR_COLUMNS} from honour where region_code = any($1) and ($2::int is null or year = $2)
     order by region_code, year, array_position(array['national', 'provincial', 'city', 'county'], level), title, id`,
    [regionCodes, year ?? null],
  );
}

export async function getHonour(q: Queryable, id: string): Promise<Honour | undefined> {
  const [h] = await q.query<Honour>(`select ${HONOUR_COLUMNS} from honour where id = $1`, [id]);
  return h;
}
