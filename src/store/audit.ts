/** 留痕: append-only audit events. The table refuses UPDATE and DELETE (see 001_init.sql). */
import type { AuditEvent } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camelAll, insertMany } from './rows.ts';

export interface Actor {
  id: string | null;
  role: string | null;
  clientAddress?: string | null;
}

/** Appends one event; call it in the same transaction as the change it records. */
export async function appendAudit(
  q: Queryable,
  e: { regionCode: string; actor: Actor; action: string; entity: string; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await q.query(
    `insert into audit_event (region_code, actor_id, actor_role, action, entity, entity_id, before, after, client_address)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.regionCode,
      e.actor.id,
      e.actor.role,
      e.action,
      e.entity,
      e.entityId,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.actor.clientAddress ?? null,
    ],
  );
}

/** Events newest first (`before`: only those older than that event id). */
/** Appends many events in few statements (a large import's drafts); same fields as appendAudit. */
export async function appendAudits(
  q: Queryable,
  events: { regionCode: string; actor: Actor; action: string; entity: string; entityId: string; before?: unknown; after?: unknown }[],
): Promise<void> {
  const rows = events.map((e) => ({
    regionCode: e.regionCode,
    actorId: e.actor.id,
    actorRole: e.actor.role,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    clientAddress: e.actor.clientAddress ?? null,
  }));
  await insertMany(q, 'audit_event', rows, { json: ['before', 'after'], returning: '1 as x' });
}

export async function listAudit(q: Queryable, f: { regionCodes: string[]; entity?: string; entityId?: string; actorId?: string; limit?: number; before?: string }): Promise<AuditEvent[]> {
  const rows = await q.query(
    `select * from audit_event where region_code = any($1) and ($2::text is null or entity = $2)
       and ($3::text is null or entity_id = $3) and ($4::uuid is null or actor_id = $4) and ($6::bigint is null or id < $6)
     order by id desc limit $5`,
    [f.regionCodes, f.entity ?? null, f.entityId ?? null, f.actorId ?? null, f.limit ?? 200, f.before ?? null],
  );
  return camelAll<AuditEvent>(rows).map((e) => ({ ...e, id: String(e.id) }));
}
