/**
 * Events out: an office subscribes its region's events to URLs (webhooks). The outbox rows are
 * written by a trigger on the audit trail (migration 016), so here: manage subscriptions, and
 * dispatch the pending deliveries — signed like the reminder webhook, retried with backoff,
 * every attempt's outcome kept as the delivery history.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Queryable } from '../../store/db.ts';
import type { AppContext } from '../context.ts';
import { postWebhook } from '../reminders/channels.ts';
import { principalOf, requireAdmin, type WorkflowActor } from '../workflow/access.ts';

/** What other systems can subscribe to. */
export const WEBHOOK_EVENTS = [
  'report.submitted', // 进展已报送
  'report.accepted', // 审核通过
  'report.returned', // 退回
  'commitment.stateChanged', // 目标任务状态变化（交办、签收、办结、取消…）
  'supervisionSlip.opened', // 督办单下发
  'supervisionSlip.closed', // 督办单销号
  'instruction.recorded', // 领导批示录入
] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);

export const WebhookInput = z.object({
  region: z.string().regex(/^\d{6}$/),
  url: z.url({ protocol: /^https?$/ }).max(2000).describe('接收地址 / receiver URL (http or https)'),
  events: z.array(WebhookEvent).max(WEBHOOK_EVENTS.length).default([]).describe('订阅的事件，空为全部 / event types; empty: all'),
  description: z.string().max(200).default(''),
});
export type WebhookInput = z.infer<typeof WebhookInput>;

export interface Webhook {
  id: string;
  regionCode: string;
  url: string;
  events: string[];
  active: boolean;
  description: string;
  createdAt: string;
}

/** Attempts before a delivery is given up (spanning about 8½ hours with the backoff below). */
export const MAX_ATTEMPTS = 10;
/** Delay after the n-th failed attempt: 1 min × 2^(n−1), at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);

const COLUMNS = `id, region_code as "regionCode", url, events, active, description, created_at as "createdAt"`;

/** Subscribes a URL; answers the signing secret once (the receiver verifies x-duban-signature with it). */
export async function createWebhook(ctx: AppContext, o: { actor: WorkflowActor; input: WebhookInput }): Promise<Webhook & { secret: string }> {
  requireAdmin(o.actor, o.input.region);
  const secret = randomBytes(32).toString('base64url');
  return ctx.db.transaction(async (tx) => {
    const [w] = await tx.query<Webhook>(
      `insert into webhook (id, region_code, url, secret, events, description, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning ${COLUMNS}`,
      [randomUUID(), o.input.region, o.input.url, secret, o.input.events, o.input.description, principalOf(o.actor).id],
    );
    await appendAudit(tx, { regionCode: w!.regionCode, actor: principalOf(o.actor), action: 'webhook.create', entity: 'webhook', entityId: w!.id, after: w });
    return { ...w!, secret };
  });
}

export async function listWebhooks(ctx: AppContext, o: { actor: WorkflowActor; region: string }): Promise<Webhook[]> {
  requireAdmin(o.actor, o.region);
  return ctx.db.query<Webhook>(`select ${COLUMNS} from webhook where region_code = $1 and active order by created_at, id`, [o.region]);
}

async function loadWebhook(q: Queryable, actor: WorkflowActor, id: string): Promise<Webhook> {
  const [w] = await q.query<Webhook>(`select ${COLUMNS} from webhook where id = $1`, [id]);
  if (!w || !w.active) throw notFound('webhook', '推送地址');
  requireAdmin(actor, w.regionCode);
  return w;
}

/** Stops a subscription: no new deliveries, the pending ones are dropped; its history stays. */
export async function deleteWebhook(ctx: AppContext, o: { actor: WorkflowActor; id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const w = await loadWebhook(tx, o.actor, o.id);
    await tx.query(`update webhook set active = false, version = version + 1 where id = $1`, [w.id]);
    await tx.query(`update webhook_delivery set status = 'failed', last_error = 'webhook removed' where webhook_id = $1 and status = 'pending'`, [w.id]);
    await appendAudit(tx, { regionCode: w.regionCode, actor: principalOf(o.actor), action: 'webhook.delete', entity: 'webhook', entityId: w.id, before: w });
  });
}

export interface Delivery {
  id: string;
  eventId: string;
  type: string;
  entity: string;
  entityId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** A webhook's deliveries, newest first (`limit` + 1 rows after `after` = [created, id], for paging). */
export async function listDeliveries(ctx: AppContext, o: { actor: WorkflowActor; id: string; limit: number; after?: readonly [string, string] }) {
  const w = await loadWebhook(ctx.db, o.actor, o.id);
  return ctx.db.query<Delivery & { key: string }>(
    `select d.id, d.event_id as "eventId", e.type, e.entity, e.entity_id as "entityId", d.status, d.attempts,
       case when d.status = 'pending' then d.next_attempt_at end as "nextAttemptAt", d.last_attempt_at as "lastAttemptAt", d.last_error as "lastError",
       d.delivered_at as "deliveredAt", d.created_at as "createdAt", to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key
     from webhook_delivery d join webhook_event e on e.id = d.event_id
     where d.webhook_id = $1 and ($3::text is null or (d.created_at, d.id) < ($3::timestamp at time zone 'UTC', $4::uuid))
     order by d.created_at desc, d.id desc limit $2`,
    [w.id, o.limit, o.after?.[0] ?? null, o.after?.[1] ?? null],
  );
}

/** The JSON body of an event, as receivers get it. */
export interface EventPayload {
  id: string;
  type: string;
  regionCode: string;
  occurredAt: string;
  entity: string;
  entityId: string;
  data: unknown;
}

/**
 * Posts every delivery due at `now` (at most `batch`), once each: delivered on a 2xx; otherwise
 * tried again after `retryDelayMs`, given up after MAX_ATTEMPTS. Safe to run from several
 * processes (rows are claimed with SKIP LOCKED and leased for the time of the post).
 */
export async function dispatchWebhooks(ctx: AppContext, o: { now?: Date; batch?: number; timeoutMs?: number } = {}): Promise<{ delivered: number; failed: number; retrying: number }> {
  const now = o.now ?? new Date();
  const claimed = await ctx.db.query<{ id: string; attempts: number; url: string; secret: string; payload: EventPayload }>(
    `with due as (
       select d.id from webhook_delivery d
       where d.status = 'pending' and d.next_attempt_at <= $1 order by d.next_attempt_at, d.id limit $2 for update skip locked)
     update webhook_delivery d set next_attempt_at = $1::timestamptz + interval '5 minutes'
     from due, webhook w, webhook_event e
     where d.id = due.id and w.id = d.webhook_id and e.id = d.event_id
     returning d.id, d.attempts, w.url, w.secret,
       json_build_object('id', e.id, 'type', e.type, 'regionCode', e.region_code, 'occurredAt', e.occurred_at, 'entity', e.entity, 'entityId', e.entity_id, 'data', e.data) as payload`,
    [now.toISOString(), o.batch ?? 100],
  );
  const out = { delivered: 0, failed: 0, retrying: 0 };
  for (const d of claimed) {
    const result = await postWebhook({ url: d.url, secret: d.secret, attempts: 1, timeoutMs: o.timeoutMs ?? 10_000 }, d.id, d.payload);
    const attempts = d.attempts + 1;
    const status = result.ok ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
    out[status === 'pending' ? 'retrying' : status]++;
    await ctx.db.query(
      `update webhook_delivery set status = $2, attempts = $3, last_attempt_at = $4, last_error = $5,
         delivered_at = case when $2 = 'delivered' then $4::timestamptz end, next_attempt_at = $6
       where id = $1`,
      [d.id, status, attempts, now.toISOString(), result.error, new Date(now.getTime() + retryDelayMs(attempts)).toISOString()],
    );
  }
  return out;
}
