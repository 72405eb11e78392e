/** In-app notices to a department (通知): a row in `notification`, read by the web app. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../store/db.ts';

export async function notify(q: Queryable, n: { regionCode: string; departmentId: string | null; kind: string; entity: string; entityId: string; message: string }): Promise<string> {
  const id = randomUUID();
  await q.query(
    'insert into notification (id, region_code, department_id, kind, entity, entity_id, message) values ($1, $2, $3, $4, $5, $6, $7)',
    [id, n.regionCode, n.departmentId, n.kind, n.entity, n.entityId, n.message],
  );
  return id;
}

/** A notice as listed (GET /api/notifications). */
export interface Notification {
  id: string;
  regionCode: string;
  departmentId: string | null;
  kind: string;
  entity: string;
  entityId: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}

/**
 * Notifications of a department (all of the region when departmentId is null), newest first;
 * `after`: only those after that `[key, id]` in this order (`key`: the creation time to the
 * microsecond, given as `key` on each row).
 */
export async function listNotifications(q: Queryable, regionCode: string, departmentId: string | null, limit = 100, after?: readonly [string, string]) {
  return q.query<Notification & { key: string }>(
    `select id, region_code as "regionCode", department_id as "departmentId", kind, entity, entity_id as "entityId", message, created_at as "createdAt", read_at as "readAt",
       to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key
     from notification where region_code = $1 and ($2::uuid is null or department_id = $2)
       and ($4::text is null or (created_at, id) < ($4::timestamp at time zone 'UTC', $5::uuid))
     order by created_at desc, id desc limit $3`,
    [regionCode, departmentId, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
}
