/** Audit queries beyond `listAudit`: everything that happened to one commitment. */
import type { AuditEvent } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camelAll } from './rows.ts';

/**
 * Events on the commitment and on what belongs to it — its progress reports and their evidence,
 * change requests, close requests and instructions (ids are UUIDs, so an id names one thing) —
 * newest first.
 */
export async function listCommitmentAudit(q: Queryable, regionCodes: string[], commitmentId: string, limit = 500, before?: string): Promise<AuditEvent[]> {
  const rows = await q.query(
    `with ids as (
       select $2::text as id
       union all select id::text from progress_report where commitment_id = $2::uuid
       union all select e.id::text from evidence e join progress_report r on r.id = e.report_id where r.commitment_id = $2::uuid
       union all select id::text from change_request where commitment_id = $2::uuid
       union all select id::text from close_request where commitment_id = $2::uuid
       union all select id::text from instruction where commitment_id = $2::uuid)
     select * from audit_event where region_code = any($1) and entity_id in (select id from ids) and ($4::bigint is null or id < $4)
     order by id desc limit $3`,
    [regionCodes, commitmentId, limit, before ?? null],
  );
  return camelAll<AuditEvent>(rows).map((e) => ({ ...e, id: String(e.id) }));
}
