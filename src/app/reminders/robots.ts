/**
 * 钉钉 / 政务钉钉 custom robots and 企业微信 group robots: where a department's people read its
 * reminders. Each department may have either or both (set by its office); a reminder goes to them
 * as a markdown card — the department, the items due, a link into duban.
 * DingTalk: POST JSON `{ msgtype: 'markdown', markdown: { title, text } }` to the robot's webhook
 * with `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)) added to
 * its query (the 加签 security setting). WeCom: POST `{ msgtype: 'markdown', markdown: { content } }`
 * to the webhook (its `key` is the credential). Both answer `{ errcode: 0, errmsg: 'ok' }` when sent.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { ESCALATION_LEVEL_LABELS } from '../../domain/types.ts';
import { dateLabel, periodLabel } from '../../domain/schedule.ts';
import type { Queryable } from '../../store/db.ts';
import { appendAudit } from '../../store/audit.ts';
import { notFound } from '../errors.ts';
import type { AppContext } from '../context.ts';
import { principalOf, requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import type { DeliveryResult } from './channels.ts';
import type { DueReminder } from './dueReminders.ts';

export interface DepartmentRobots {
  dingtalk: { url: string; secret: string | null } | null;
  wecom: { url: string } | null;
}

export const RobotsInput = z.object({
  dingtalk: z.object({
    url: z.url({ protocol: /^https?$/ }).max(2000).describe('机器人 Webhook 地址（含 access_token）'),
    secret: z.string().min(1).max(200).nullable().default(null).describe('加签密钥（SEC 开头）'),
  }).nullable().optional().describe('钉钉/政务钉钉自定义机器人；null 为不用，不传为不变 / null: none; left out: unchanged'),
  wecom: z.object({ url: z.url({ protocol: /^https?$/ }).max(2000).describe('群机器人 Webhook 地址（含 key）') }).nullable().optional().describe('企业微信群机器人；null 为不用，不传为不变 / null: none; left out: unchanged'),
});
export type RobotsInput = z.input<typeof RobotsInput>;

/** The robots of a region's departments, by department id. */
export async function robotsOf(q: Queryable, regionCode: string): Promise<Map<string, DepartmentRobots>> {
  const rows = await q.query<{ department_id: string; dingtalk_url: string | null; dingtalk_secret: string | null; wecom_url: string | null }>(
    'select department_id, dingtalk_url, dingtalk_secret, wecom_url from department_robot where region_code = $1',
    [regionCode],
  );
  return new Map(rows.map((r) => [r.department_id, { dingtalk: r.dingtalk_url ? { url: r.dingtalk_url, secret: r.dingtalk_secret } : null, wecom: r.wecom_url ? { url: r.wecom_url } : null }]));
}

async function departmentRegion(q: Queryable, actor: WorkflowActor, departmentId: string): Promise<string> {
  const [d] = await q.query<{ region_code: string }>('select region_code from department where id = $1', [departmentId]);
  if (!d) throw notFound('department', '单位');
  requireAdmin(actor, d.region_code);
  return d.region_code;
}

/** What the office sees of a department's robots: which are set (the host), never the URLs' tokens or the secret. */
export const RobotsShown = z.object({
  dingtalk: z.object({ host: z.string(), signed: z.boolean().describe('加签 secret set') }).nullable(),
  wecom: z.object({ host: z.string() }).nullable(),
});
export type RobotsShown = z.infer<typeof RobotsShown>;
export const RegionRobot = RobotsShown.extend({ departmentId: z.string(), departmentName: z.string() });
/** How each robot took a test card (null: none set). */
const Outcome = z.object({ ok: z.boolean(), error: z.string().nullable() }).nullable();
export const RobotTest = z.object({ dingtalk: Outcome, wecom: Outcome });

const shown = (r: DepartmentRobots | undefined): RobotsShown => ({
  dingtalk: r?.dingtalk ? { host: new URL(r.dingtalk.url).host, signed: Boolean(r.dingtalk.secret) } : null,
  wecom: r?.wecom ? { host: new URL(r.wecom.url).host } : null,
});

export async function getDepartmentRobots(ctx: AppContext, o: { actor: WorkflowActor; departmentId: string }): Promise<RobotsShown> {
  const region = await departmentRegion(ctx.db, o.actor, o.departmentId);
  return shown((await robotsOf(ctx.db, region)).get(o.departmentId));
}

/** The office's list: each department of the region with which robots it has (no credentials). */
export async function listRegionRobots(ctx: AppContext, o: { actor: WorkflowActor; region: string }): Promise<z.infer<typeof RegionRobot>[]> {
  requireAdmin(o.actor, o.region);
  const robots = await robotsOf(ctx.db, o.region);
  const departments = await ctx.db.query<{ id: string; name: string }>('select id, name from department where region_code = $1', [o.region]);
  return departments.map((d) => ({ departmentId: d.id, departmentName: d.name, ...shown(robots.get(d.id)) }));
}

/** Sends a test card to each robot of a department now and answers how each went (errcode ≠ 0 is a failure). */
export async function testDepartmentRobots(ctx: AppContext, o: { actor: WorkflowActor; departmentId: string; timeoutMs?: number }): Promise<z.infer<typeof RobotTest>> {
  const region = await departmentRegion(ctx.db, o.actor, o.departmentId);
  const r = (await robotsOf(ctx.db, region)).get(o.departmentId);
  const [d] = await ctx.db.query<{ name: string }>('select name from department where id = $1', [o.departmentId]);
  const title = `【测试】${d!.name}催办消息`;
  const text = `### ${title}\n\n督办系统的催办消息将发送到本群。\n\n> 这是一条测试消息，无需处理。`;
  const results = {
    dingtalk: r?.dingtalk ? await sendDingTalk(r.dingtalk, { title, text }, o.timeoutMs) : null,
    wecom: r?.wecom ? await sendWeCom(r.wecom, { text }, o.timeoutMs) : null,
  };
  await appendAudit(ctx.db, { regionCode: region, actor: principalOf(o.actor), action: 'department.testRobots', entity: 'department', entityId: o.departmentId, after: { dingtalk: results.dingtalk?.ok ?? null, wecom: results.wecom?.ok ?? null } });
  const out = (x: DeliveryResult | null) => (x ? { ok: x.ok, error: x.error } : null);
  return { dingtalk: out(results.dingtalk), wecom: out(results.wecom) };
}

/** Sets (or, with null, removes) a department's robots; audited without the credentials. */
export async function setDepartmentRobots(ctx: AppContext, o: { actor: WorkflowActor; departmentId: string; input: RobotsInput }) {
  const input = RobotsInput.parse(o.input);
  await ctx.db.transaction(async (tx) => {
    const region = await departmentRegion(tx, o.actor, o.departmentId);
    await tx.query(
      `insert into department_robot (department_id, region_code, dingtalk_url, dingtalk_secret, wecom_url) values ($1, $2, $3, $4, $5)
       on conflict (department_id) do update set
         dingtalk_url = case when $6 then excluded.dingtalk_url else department_robot.dingtalk_url end,
         dingtalk_secret = case when $6 then excluded.dingtalk_secret else department_robot.dingtalk_secret end,
         wecom_url = case when $7 then excluded.wecom_url else department_robot.wecom_url end, updated_at = now()`,
      [o.departmentId, region, input.dingtalk?.url ?? null, input.dingtalk?.secret ?? null, input.wecom?.url ?? null, input.dingtalk !== undefined, input.wecom !== undefined],
    );
    // the audit says what is set now, never the credentials
    const now = shown((await robotsOf(tx, region)).get(o.departmentId));
    await appendAudit(tx, { regionCode: region, actor: principalOf(o.actor), action: 'department.setRobots', entity: 'department', entityId: o.departmentId, after: { dingtalk: Boolean(now.dingtalk), dingtalkSigned: Boolean(now.dingtalk?.signed), wecom: Boolean(now.wecom) } });
  });
  return getDepartmentRobots(ctx, o);
}

/** DingTalk's 加签: the webhook URL with `timestamp` and `sign` added. */
export function signDingTalkUrl(url: string, secret: string, timestamp = Date.now()): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** At most this many items listed on a card (WeCom takes 4,096 bytes of markdown); the rest counted. */
const CARD_ITEMS = 15;

/** The reminder as markdown: heading, the items due (title, period, due date), what to do, a link. */
export function reminderCard(r: DueReminder, appUrl: string | null, flavour: 'dingtalk' | 'wecom'): { title: string; text: string } {
  const label = ESCALATION_LEVEL_LABELS[r.kind];
  const title = `【${label}】${r.departmentName}：${r.items.length}项进展${r.kind === 'urge' ? '逾期未报' : '即将到期'}`;
  const shown = r.items.slice(0, CARD_ITEMS).map((i) => `- **${i.title.slice(0, 60)}**：${periodLabel(i.period)}进展，报送时限${dateLabel(i.dueDate)}`);
  if (r.items.length > CARD_ITEMS) shown.push(`- ……等共${r.items.length}项`);
  const ask = r.kind === 'urge' ? '以上进展已超过报送时限，请尽快报送。' : '请按时报送以上进展。';
  const heading = flavour === 'wecom' && r.kind === 'urge' ? `### <font color="warning">${title}</font>` : `### ${title}`;
  const link = appUrl ? `\n\n[进入督办系统填报](${appUrl.replace(/\/+$/, '')}/my)` : '';
  return { title, text: `${heading}\n\n${shown.join('\n')}\n\n> ${ask}${link}` };
}

/** POSTs JSON to a robot once; sent when it answers 2xx with `errcode: 0`. */
async function postRobot(url: string, body: unknown, timeoutMs: number): Promise<DeliveryResult> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const answer = (await res.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
    if (!res.ok) return { ok: false, attempts: 1, error: `HTTP ${res.status}` };
    if (answer?.errcode !== 0) return { ok: false, attempts: 1, error: `errcode ${answer?.errcode ?? '?'}: ${answer?.errmsg ?? 'no answer'}` };
    return { ok: true, attempts: 1, error: null };
  } catch (e) {
    return { ok: false, attempts: 1, error: (e as Error).message };
  }
}

export function sendDingTalk(robot: NonNullable<DepartmentRobots['dingtalk']>, card: { title: string; text: string }, timeoutMs = 10_000): Promise<DeliveryResult> {
  const url = robot.secret ? signDingTalkUrl(robot.url, robot.secret) : robot.url;
  return postRobot(url, { msgtype: 'markdown', markdown: { title: card.title, text: card.text } }, timeoutMs);
}

export function sendWeCom(robot: NonNullable<DepartmentRobots['wecom']>, card: { text: string }, timeoutMs = 10_000): Promise<DeliveryResult> {
  return postRobot(robot.url, { msgtype: 'markdown', markdown: { content: card.text } }, timeoutMs);
}
