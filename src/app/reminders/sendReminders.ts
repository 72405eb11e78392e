import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { notify } from '../instructions/notify.ts';
import { requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { postWebhook, sendEmail, type DeliveryResult, type ReminderChannels } from './channels.ts';
import { dueReminders, reminderText, type DueReminder } from './dueReminders.ts';
import { reminderCard, robotsOf, sendDingTalk, sendWeCom } from './robots.ts';

export interface SentReminder extends DueReminder {
  /** per channel: inApp, webhook, email — delivered, failed, or skipped (already sent today / no address) */
  deliveries: { channel: string; status: 'sent' | 'failed' | 'skipped'; attempts: number; error: string | null }[];
}

/**
 * 催办: finds each department's reports due soon and overdue at `asOf` and sends one reminder per
 * department and kind — an in-app notice always, the webhook, e-mail and the department's 钉钉/企业微信
 * group robots when configured — and
 * records each delivery. A channel that already delivered the same reminder on `asOf` is skipped,
 * so the job may run more than once a day. `dryRun` only lists what would be sent. `departmentIds`
 * and `kinds` narrow it (the workbench's one-click 催办 of one or a few departments).
 */
export async function sendReminders(
  ctx: AppContext,
  o: { actor: WorkflowActor; regionCode: string; asOf?: string; dryRun?: boolean; channels?: ReminderChannels; departmentIds?: string[]; kinds?: DueReminder['kind'][] },
): Promise<{ asOf: string; reminders: SentReminder[] }> {
  requireAdmin(o.actor, o.regionCode);
  const asOf = o.asOf ?? ctx.today();
  const due = (await dueReminders(ctx.db, ctx, o.regionCode, asOf))
    .filter((r) => (!o.departmentIds || o.departmentIds.includes(r.departmentId)) && (!o.kinds || o.kinds.includes(r.kind)));
  const channels = o.channels ?? {};
  if (o.dryRun) return { asOf, reminders: due.map((r) => ({ ...r, deliveries: [] })) };

  const already = new Set(
    (await ctx.db.query<{ department_id: string; kind: string; channel: string }>(
      `select department_id, kind, channel from reminder where region_code = $1 and as_of = $2 and status = 'sent'`,
      [o.regionCode, asOf],
    )).map((r) => `${r.department_id}|${r.kind}|${r.channel}`),
  );
  const robots = await robotsOf(ctx.db, o.regionCode);
  const out: SentReminder[] = [];
  for (const r of due) {
    const deliveries: SentReminder['deliveries'] = [];
    const { subject, text } = reminderText(r);
    const record = async (channel: string, recipient: string | null, send: (id: string) => Promise<DeliveryResult>) => {
      if (already.has(`${r.departmentId}|${r.kind}|${channel}`)) {
        deliveries.push({ channel, status: 'skipped', attempts: 0, error: null });
        return;
      }
      const id = randomUUID();
      const result = await send(id); // network I/O outside any transaction
      await ctx.db.transaction(async (tx) => {
        const row = { id, departmentId: r.departmentId, kind: r.kind, asOf, channel, recipient, items: r.items, status: result.ok ? 'sent' : 'failed', attempts: result.attempts, error: result.error };
        await tx.query(
          `insert into reminder (id, region_code, department_id, kind, as_of, channel, recipient, items, status, attempts, error)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [id, o.regionCode, r.departmentId, r.kind, asOf, channel, recipient, JSON.stringify(r.items), row.status, row.attempts, row.error],
        );
        if (channel === 'inApp') await notify(tx, { regionCode: o.regionCode, departmentId: r.departmentId, kind: `reminder.${r.kind}`, entity: 'reminder', entityId: id, message: `${subject}\n${text}` });
        await appendAudit(tx, { regionCode: o.regionCode, actor: o.actor, action: 'reminder.send', entity: 'reminder', entityId: id, after: row });
      });
      deliveries.push({ channel, status: result.ok ? 'sent' : 'failed', attempts: result.attempts, error: result.error });
    };
    await record('inApp', null, async () => ({ ok: true, attempts: 1, error: null }));
    if (channels.webhook) {
      const webhook = channels.webhook;
      await record('webhook', webhook.url, (id) =>
        postWebhook(webhook, id, { event: 'duban.reminder', id, regionCode: o.regionCode, asOf, departmentId: r.departmentId, departmentName: r.departmentName, kind: r.kind, subject, text, items: r.items }),
      );
    }
    if (channels.email && r.email) {
      const email = channels.email;
      await record('email', r.email, () => sendEmail(email, r.email!, subject, text));
    }
    // the department's group robots (the recipient recorded is the host: the URL carries the credential)
    const robot = robots.get(r.departmentId);
    if (robot?.dingtalk) {
      const dingtalk = robot.dingtalk;
      await record('dingtalk', new URL(dingtalk.url).host, () => sendDingTalk(dingtalk, reminderCard(r, channels.appUrl ?? null, 'dingtalk'), channels.robotTimeoutMs));
    }
    if (robot?.wecom) {
      const wecom = robot.wecom;
      await record('wecom', new URL(wecom.url).host, () => sendWeCom(wecom, reminderCard(r, channels.appUrl ?? null, 'wecom'), channels.robotTimeoutMs));
    }
    out.push({ ...r, deliveries });
  }
  return { asOf, reminders: out };
}

/** A reminder as recorded, one per department, kind and channel (GET /api/reminders/sent). */
export interface ReminderRecord {
  id: string;
  departmentId: string | null;
  kind: DueReminder['kind'];
  asOf: string;
  channel: string;
  recipient: string | null;
  items: DueReminder['items'];
  status: 'sent' | 'failed';
  attempts: number;
  error: string | null;
  sentAt: string;
}

/** Reminders recorded in a region, newest first; `after`: only those after that `[key, id]` (`key` as on each row: the time to the microsecond). */
export async function listSentReminders(ctx: AppContext, regionCode: string, limit = 200, after?: readonly [string, string]) {
  return ctx.db.query<ReminderRecord & { key: string }>(
    `select id, department_id as "departmentId", kind, as_of as "asOf", channel, recipient, items, status, attempts, error, sent_at as "sentAt",
       to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key
     from reminder where region_code = $1 and ($3::text is null or (sent_at, id) < ($3::timestamp at time zone 'UTC', $4::uuid))
     order by sent_at desc, id desc limit $2`,
    [regionCode, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
}
