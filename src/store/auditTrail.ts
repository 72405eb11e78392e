/** Audit queries beyond `listAudit`: everything that happened to one commitment and its reports. */
import type { AuditEvent } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camelAll } from './rows.ts';

/** Events on the commitment, its progress reports and their evidence, newest first. */
export async function listCommitmentAudit(q: Queryable, regionCodes: string[], commitmentId: string, limit = 500): Promise<AuditEvent[]> {
  const rows = await q.query(
    `select * from audit_event where region_code = any($1) and (
        (entity = 'commitment' and entity_id = $2)
        or (entity = 'report' and entity_id in (select id::text from progress_report where commitment_id = $2::uuid))
        or (entity = 'evidence' and entity_id in (select e.id::text from evidence e join progress_report r on r.id = e.report_id where r.commitment_id = $2::uuid)))
     order by id desc limit $3`,
    [regionCodes, commitmentId, limit],
  );
  return camelAll<AuditEvent>(rows).map((e) => ({ ...e, id: String(e.id) }));
}
