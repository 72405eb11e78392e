/**
 * Events out: an office subscribes its region's events to URLs (webhooks). The outbox rows are
 * written by a trigger on the audit trail (migration 016), so here: manage subscriptions, and
 * dispatch the pending deliveries — signed like the reminder webhook, retried with backoff,
 * every attempt's outcome kept as the delivery history.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
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

/** What the office changes on a webhook: any of its fields, and enabled (`active`) or disabled. */
export const WebhookChanges = z.object({
  version: z.number().int().describe('the version read (a stale one answers 409)'),
  url: WebhookInput.shape.url.optional(),
  events: z.array(WebhookEvent).max(WEBHOOK_EVENTS.length).optional().describe('订阅的事件，空为全部 / event types; empty: all'),
  description: z.string().max(200).optional(),
  active: z.boolean().optional().describe('启用 / enabled: a disabled webhook gets no new events and its pending deliveries fail'),
});
export type WebhookChanges = z.infer<typeof WebhookChanges>;

/** A subscription as the office sees it (never its secret, shown once when created). */
export const Webhook = z.object({
  id: z.string(),
  regionCode: z.string(),
  url: z.string(),
  events: z.array(z.string()).describe('订阅的事件，空为全部 / event types; empty: all'),
  active: z.boolean().describe('启用 / enabled: a disabled webhook gets no events'),
  description: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Webhook = z.infer<typeof Webhook>;

/** Attempts before a delivery is given up (spanning about 8½ hours with the backoff below). */
export const MAX_ATTEMPTS = 10;
/** Delay after the n-th failed attempt: 1 min × 2^(n−1), at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);

const COLUMNS = `id, region_code as "regionCode", url, events, active, description, created_at as "createdAt", version`;

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
  return ctx.db.query<Webhook>(`select ${COLUMNS} from webhook where region_code = $1 and removed_at is null order by created_at, id`, [o.region]);
}

async function loadWebhook(q: Queryable, actor: WorkflowActor, id: string, lock = false): Promise<Webhook> {
  const [w] = await q.query<Webhook>(`select ${COLUMNS} from webhook where id = $1 and removed_at is null${lock ? ' for update' : ''}`, [id]);
  if (!w) throw notFound('webhook', '推送地址');
  requireAdmin(actor, w.regionCode);
  return w;
}

/** Pending deliveries of a webhook that stops sending are given up (the office may retry them later). */
const dropPending = (q: Queryable, id: string, why: string) =>
  q.query(`update webhook_delivery set status = 'failed', last_error = $2 where webhook_id = $1 and status = 'pending'`, [id, why]);

/** Edits a webhook, or disables / re-enables it (optimistic: `version` must be the one read). */
export async function updateWebhook(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: WebhookChanges }): Promise<Webhook> {
  const input = WebhookChanges.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const before = await loadWebhook(tx, o.actor, o.id, true);
    if (before.version !== input.version) throw new AppError('version_conflict', '推送地址已被他人修改，请刷新后重试', 'the webhook was changed meanwhile; reload and retry', 409);
    const [w] = await tx.query<Webhook>(
      `update webhook set url = coalesce($2, url), events = coalesce($3, events), description = coalesce($4, description), active = coalesce($5, active), version = version + 1
       where id = $1 returning ${COLUMNS}`,
      [before.id, input.url ?? null, input.events ?? null, input.description ?? null, input.active ?? null],
    );
    if (before.active && !w!.active) await dropPending(tx, w!.id, 'webhook disabled');
    await appendAudit(tx, { regionCode: w!.regionCode, actor: principalOf(o.actor), action: 'webhook.update', entity: 'webhook', entityId: w!.id, before, after: w });
    return w!;
  });
}

/** Removes a subscription: no new deliveries, the pending ones are dropped; its history stays. */
export async function deleteWebhook(ctx: AppContext, o: { actor: WorkflowActor; id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const w = await loadWebhook(tx, o.actor, o.id, true);
    await tx.query(`update webhook set active = false, removed_at = now(), version = version + 1 where id = $1`, [w.id]);
    await dropPending(tx, w.id, 'webhook removed');
    await appendAudit(tx, { regionCode: w.regionCode, actor: principalOf(o.actor), action: 'webhook.delete', entity: 'webhook', entityId: w.id, before: w });
  });
}

/** One event to one webhook: its status and the outcome of its latest attempt (推送记录). */
export const Delivery = z.object({
  id: z.string().describe('also the x-duban-delivery header, the same on every attempt'),
  eventId: z.string(),
  type: z.string().describe('event type, or ping for a test'),
  entity: z.string(),
  entityId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']).describe('pending: waiting for its (next) attempt'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable().describe('e.g. HTTP 503, or the network error'),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;

const DELIVERY_COLUMNS = `d.id, d.event_id as "eventId", e.type, e.entity, e.entity_id as "entityId", d.status, d.attempts,
  case when d.status = 'pending' then d.next_attempt_at end as "nextAttemptAt", d.last_attempt_at as "lastAttemptAt", d.last_error as "lastError",
  d.delivered_at as "deliveredAt", d.created_at as "createdAt"`;

/** A webhook's deliveries, newest first (`limit` + 1 rows after `after` = [created, id], for paging). */
export async function listDeliveries(ctx: AppContext, o: { actor: WorkflowActor; id: string; limit: number; after?: readonly [string, string] }) {
  const w = await loadWebhook(ctx.db, o.actor, o.id);
  return ctx.db.query<Delivery & { key: string }>(
    `select ${DELIVERY_COLUMNS}, to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key
     from webhook_delivery d join webhook_event e on e.id = d.event_id
     where d.webhook_id = $1 and ($3::text is null or (d.created_at, d.id) < ($3::timestamp at time zone 'UTC', $4::uuid))
     order by d.created_at desc, d.id desc limit $2`,
    [w.id, o.limit, o.after?.[0] ?? null, o.after?.[1] ?? null],
  );
}

async function readDelivery(q: Queryable, id: string): Promise<Delivery> {
  const [d] = await q.query<Delivery>(`select ${DELIVERY_COLUMNS} from webhook_delivery d join webhook_event e on e.id = d.event_id where d.id = $1`, [id]);
  return d!;
}

/**
 * Sends a test event (`type: "ping"`) to a webhook now, enabled or not, and answers its delivery
 * as recorded in the history: the office sees at once whether the receiver takes it.
 */
export async function testWebhook(ctx: AppContext, o: { actor: WorkflowActor; id: string; now?: Date; timeoutMs?: number }): Promise<Delivery> {
  const deliveryId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const w = await loadWebhook(tx, o.actor, o.id);
    const event = randomUUID();
    await tx.query(
      `insert into webhook_event (id, region_code, type, entity, entity_id, data) values ($1, $2, 'ping', 'webhook', $3, $4)`,
      [event, w.regionCode, w.id, JSON.stringify({ zh: '这是一条测试推送', en: 'a test delivery from duban' })],
    );
    await tx.query(`insert into webhook_delivery (id, region_code, webhook_id, event_id) values ($1, $2, $3, $4)`, [deliveryId, w.regionCode, w.id, event]);
    await appendAudit(tx, { regionCode: w.regionCode, actor: principalOf(o.actor), action: 'webhook.test', entity: 'webhook', entityId: w.id });
  });
  await dispatchWebhooks(ctx, { now: o.now, deliveryId, timeoutMs: o.timeoutMs });
  return readDelivery(ctx.db, deliveryId);
}

/**
 * Sends a delivery again now (a failed one, one waiting for its next try, or a delivered one the
 * receiver lost), counted as one more attempt; on failure it is retried with the usual backoff until MAX_ATTEMPTS. The webhook must
 * be enabled.
 */
export async function retryDelivery(ctx: AppContext, o: { actor: WorkflowActor; webhookId: string; deliveryId: string; now?: Date; timeoutMs?: number }): Promise<Delivery> {
  await ctx.db.transaction(async (tx) => {
    const w = await loadWebhook(tx, o.actor, o.webhookId);
    const [d] = await tx.query<{ status: string }>(`select status from webhook_delivery where id = $1 and webhook_id = $2 for update`, [o.deliveryId, w.id]);
    if (!d) throw notFound('delivery', '推送记录');
    if (!w.active) throw new AppError('webhook_disabled', '推送地址已停用，请先启用再重发', 'the webhook is disabled: enable it first', 409);
    // one more try: a delivery given up after MAX_ATTEMPTS gets a fresh allowance of one
    await tx.query(`update webhook_delivery set status = 'pending', next_attempt_at = $2, attempts = least(attempts, $3) where id = $1`, [o.deliveryId, (o.now ?? new Date()).toISOString(), MAX_ATTEMPTS - 1]);
    await appendAudit(tx, { regionCode: w.regionCode, actor: principalOf(o.actor), action: 'webhook.redeliver', entity: 'webhook', entityId: w.id, after: { deliveryId: o.deliveryId } });
  });
  await dispatchWebhooks(ctx, { now: o.now, deliveryId: o.deliveryId, timeoutMs: o.timeoutMs });
  return readDelivery(ctx.db, o.deliveryId);
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
export async function dispatchWebhooks(ctx: AppContext, o: { now?: Date; batch?: number; timeoutMs?: number; deliveryId?: string } = {}): Promise<{ delivered: number; failed: number; retrying: number }> {
  const now = o.now ?? new Date();
  const claimed = await ctx.db.query<{ id: string; attempts: number; url: string; secret: string; payload: EventPayload }>(
    `with due as (
       select d.id from webhook_delivery d
       where d.status = 'pending' and d.next_attempt_at <= $1 and ($3::uuid is null or d.id = $3) order by d.next_attempt_at, d.id limit $2 for update skip locked)
     update webhook_delivery d set next_attempt_at = $1::timestamptz + interval '5 minutes'
     from due, webhook w, webhook_event e
     where d.id = due.id and w.id = d.webhook_id and e.id = d.event_id
     returning d.id, d.attempts, w.url, w.secret,
       json_build_object('id', e.id, 'type', e.type, 'regionCode', e.region_code, 'occurredAt', e.occurred_at, 'entity', e.entity, 'entityId', e.entity_id, 'data', e.data) as payload`,
    [now.toISOString(), o.batch ?? 100, o.deliveryId ?? null],
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
