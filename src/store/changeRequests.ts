/** 变更申请 storage. */
import type { ChangeRequest } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel, camelAll, snake } from './rows.ts';
import { conflict } from '../app/errors.ts';

export async function insertChangeRequest(
  q: Queryable,
  r: Pick<ChangeRequest, 'id' | 'regionCode' | 'commitmentId' | 'kind' | 'changes' | 'reason' | 'requestedBy'>,
): Promise<ChangeRequest> {
  const [row] = await q.query(
    `insert into change_request (id, region_code, commitment_id, kind, changes, reason, requested_by) values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [r.id, r.regionCode, r.commitmentId, r.kind, JSON.stringify(r.changes), r.reason, r.requestedBy],
  );
  return camel<ChangeRequest>(row);
}

export async function getChangeRequest(q: Queryable, id: string): Promise<ChangeRequest | undefined> {
  const [row] = await q.query('select * from change_request where id = $1', [id]);
  return row ? camel<ChangeRequest>(row) : undefined;
}

export async function listChangeRequests(q: Queryable, f: { regionCodes: string[]; commitmentId?: string; state?: string }): Promise<ChangeRequest[]> {
  return camelAll<ChangeRequest>(
    await q.query(
      `select * from change_request where region_code = any($1) and ($2::uuid is null or commitment_id = $2) and ($3::text is null or state = $3)
       order by requested_at desc`,
      [f.regionCodes, f.commitmentId ?? null, f.state ?? null],
    ),
  );
}

/** Decides a request if its version is current (else 409); sets decided_at. */
export async function updateChangeRequest(q: Queryable, id: string, expectedVersion: number, patch: Pick<ChangeRequest, 'state' | 'decidedBy' | 'decisionComment'>): Promise<ChangeRequest> {
  const cols = Object.keys(patch) as (keyof typeof patch)[];
  const [row] = await q.query(
    `update change_request set ${cols.map((k, i) => `${snake(k)} = $${i + 3}`).join(', ')}, decided_at = now(), version = version + 1
     where id = $1 and version = $2 returning *`,
    [id, expectedVersion, ...cols.map((k) => patch[k])],
  );
  if (!row) throw conflict('change request');
  return camel<ChangeRequest>(row);
}
