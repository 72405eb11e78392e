import type { Commitment } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel, camelAll, snake } from './rows.ts';
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
}

/** Commitments matching the filter, in plan order (sector, then creation). */
export async function listCommitments(q: Queryable, f: CommitmentFilter): Promise<Commitment[]> {
  const where = ['region_code = any($1)'];
  const params: unknown[] = [f.regionCodes];
  const add = (cond: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (f.planId) add((p) => `plan_id = ${p}`, f.planId);
  if (f.departmentId) add((p) => `(lead_department_id = ${p} or ${p} = any(co_department_ids))`, f.departmentId);
  if (f.sector) add((p) => `sector = ${p}`, f.sector);
  if (f.livelihood !== undefined) add((p) => `livelihood = ${p}`, f.livelihood);
  if (f.published !== undefined) add((p) => `published = ${p}`, f.published);
  if (f.states?.length) add((p) => `state = any(${p})`, f.states);
  if (f.parentId === null) where.push('parent_id is null');
  else if (f.parentId) add((p) => `parent_id = ${p}`, f.parentId);
  if (f.search) add((p) => `title ilike ${p}`, `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await q.query(`select * from commitment where ${where.join(' and ')} order by region_code, sector, created_at, title`, params);
  return camelAll<Commitment>(rows);
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
