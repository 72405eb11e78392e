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

/** A break in a region's audit hash chain (migration 010_verifiable_audit.sql). */
export interface ChainBreak {
  regionCode: string;
  /** the event's id and place in its region's chain (null: the chain's head record) */
  id: string | null;
  chainSeq: number | null;
  problem: 'content' | 'link' | 'gap' | 'head';
}

/**
 * Recomputes every region's audit chain: each event's hash over its content and predecessor's
 * hash, the links, the numbering without gaps, and the head record matching the last event (a
 * removed tail shows). Empty when the trail is intact.
 */
export async function verifyAuditChain(q: Queryable): Promise<ChainBreak[]> {
  const rows = await q.query<{ region_code: string; id: string | null; chain_seq: string | null; problem: ChainBreak['problem'] }>(
    `with checked as (
       select e.region_code, e.id::text as id, e.chain_seq,
              audit_event_hash(e.prev_hash, e) = e.hash as content_ok,
              e.prev_hash = coalesce(lag(e.hash) over w, '') as link_ok,
              e.chain_seq = row_number() over w as seq_ok,
              e.chain_seq = count(*) over (partition by e.region_code) as last, e.hash
       from audit_event e window w as (partition by e.region_code order by e.chain_seq))
     select region_code, id, chain_seq::text, case when not content_ok then 'content' when not link_ok then 'link' else 'gap' end as problem
       from checked where not (content_ok and link_ok and seq_ok)
     union all
     select coalesce(h.region_code, c.region_code), null, null, 'head'
       from audit_chain h full join (select region_code, chain_seq, hash from checked where last) c on c.region_code = h.region_code
      where h.region_code is null or c.region_code is null or h.last_seq <> c.chain_seq or h.last_hash <> c.hash
     order by 1, 3 nulls last`,
  );
  return rows.map((r) => ({ regionCode: r.region_code, id: r.id, chainSeq: r.chain_seq === null ? null : Number(r.chain_seq), problem: r.problem }));
}
