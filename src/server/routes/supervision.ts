/**
 * Supervision over HTTP: 领导批示 and their follow-up, notifications, 期次锁定, 督办单, 催办 and 考核.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IsoDate, Period, RegionCode, Uuid } from '../../domain/types.ts';
import { InstructionInput, recordInstruction } from '../../app/instructions/recordInstruction.ts';
import { ReplyInput, replyToInstruction } from '../../app/instructions/replyToInstruction.ts';
import { listInstructions } from '../../app/instructions/listInstructions.ts';
import { ListRegionInstructionsQuery, listRegionInstructions } from '../../app/instructions/listRegionInstructions.ts';
import { listNotifications } from '../../app/instructions/notify.ts';
import { lockPeriod } from '../../app/periods/lockPeriod.ts';
import { unlockPeriod } from '../../app/periods/unlockPeriod.ts';
import { listPeriodLocks } from '../../app/periods/periodLock.ts';
import { runEscalation } from '../../app/escalation/runEscalation.ts';
import { listSlipRecords, slipNotice } from '../../app/escalation/slipRecords.ts';
import { closeSlip, CloseSlipInput } from '../../app/escalation/closeSlip.ts';
import { CONTENT_TYPES, contentDisposition, renderDocument } from '../../render/index.ts';
import { listSentReminders, sendReminders } from '../../app/reminders/sendReminders.ts';
import { dueReminders } from '../../app/reminders/dueReminders.ts';
import { assessDepartments } from '../../app/assessment/assessDepartments.ts';
import { requireAdmin } from '../../app/workflow/access.ts';
import { requireReadRegions } from '../../app/policies/scope.ts';
import type { Principal } from '../../app/policies/principal.ts';
import type { ReminderChannels } from '../../app/reminders/channels.ts';
import { actorOf } from './commitments.ts';
import { scopeCodes } from './read.ts';
import { departmentPolicy, withoutEmail } from '../../app/policies/departments.ts';
import { byFields, decodeCursor, keyedPage, page, PageParams, sqlPage, type Order } from '../paging.ts';

/** Newest first: time to the microsecond (as text), then id. */
const NEWEST_FIRST: Order<{ key: string; id: string }> = { name: 'time.desc', key: (x) => [x.key, x.id], desc: true };
const afterCursor = (cursor: string | undefined) => (cursor ? (decodeCursor(cursor, NEWEST_FIRST.name, 2).map(String) as [string, string]) : undefined);
/** A region's instructions, newest first (paged in SQL on [issued on, created, id]). */
const INSTRUCTION_ORDER = 'regionIssued.desc';
const withoutKey = <T extends { key: string }>(rows: T[]) => rows.map(({ key: _k, ...x }) => x);

const IdParams = z.object({ id: Uuid });
const RegionQuery = z.object({ region: RegionCode });
const RegionPage = RegionQuery.extend(PageParams.shape);
const tags = ['supervision'];

/** Region-wide supervision lists: the office and leaders of the region (or above); a reporter only its department's part. */
function readSupervision(p: Principal, regionCode: string): { departmentId: string | null } {
  requireReadRegions(p, [regionCode]);
  return { departmentId: p.role === 'reporter' && !p.system ? p.departmentId : null };
}

export function registerSupervisionRoutes(api: FastifyInstance, options: { reminderChannels?: () => Promise<ReminderChannels> } = {}) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.post('/commitments/:id/instructions', { schema: { tags, summary: 'Record a leader’s instruction / 录入领导批示', params: IdParams, body: InstructionInput } }, async (req, reply) =>
    reply.status(201).send(await recordInstruction(ctx, { actor: actorOf(req), commitmentId: req.params.id, input: req.body })));

  r.get('/commitments/:id/instructions', { schema: { tags, summary: 'Instructions with their follow-up / 领导批示及落实情况', params: IdParams, querystring: PageParams } }, async (req) =>
    page(await listInstructions(ctx, { actor: actorOf(req), commitmentId: req.params.id }), req.query, { name: 'issued.desc', key: (i) => [i.issuedOn, i.createdAt, i.id], desc: true }));

  r.get('/instructions', { schema: { tags, summary: 'A region’s instructions with replies, newest first; awaitingReply, mine (a leader’s own) / 领导批示清单', querystring: ListRegionInstructionsQuery.extend(PageParams.shape) } }, async (req) => {
    const { cursor, limit, ...query } = req.query;
    const after = cursor ? (decodeCursor(cursor, INSTRUCTION_ORDER, 3).map(String) as [string, string, string]) : null;
    return keyedPage(INSTRUCTION_ORDER, await listRegionInstructions(ctx, { actor: actorOf(req), query, limit, after }));
  });

  r.post('/instructions/:id/replies', { schema: { tags, summary: 'Reply with what was done / 反馈落实情况', params: IdParams, body: ReplyInput } }, async (req, reply) =>
    reply.status(201).send(await replyToInstruction(ctx, { actor: actorOf(req), instructionId: req.params.id, input: req.body })));

  r.get('/notifications', { schema: { tags, summary: 'Notifications (a reporter: its department’s) / 通知', querystring: RegionPage } }, async (req) => {
    const { departmentId } = readSupervision(actorOf(req), req.query.region);
    return sqlPage(await listNotifications(ctx.db, req.query.region, departmentId, req.query.limit + 1, afterCursor(req.query.cursor)), req.query, NEWEST_FIRST, withoutKey);
  });

  r.get('/period-locks', { schema: { tags, summary: 'Locked periods / 已锁定期次', querystring: RegionPage } }, async (req) => {
    readSupervision(actorOf(req), req.query.region);
    return page(await listPeriodLocks(ctx.db, req.query.region), req.query, { ...byFields('period', 'period'), desc: true });
  });

  r.post('/period-locks', { schema: { tags, summary: 'Lock a period before its bulletin / 锁定期次', body: z.object({ region: RegionCode, period: Period, reason: z.string().trim().max(1000).optional().describe('锁定说明') }) } }, async (req, reply) =>
    reply.status(201).send(await lockPeriod(ctx, { actor: actorOf(req), regionCode: req.body.region, period: req.body.period, reason: req.body.reason })));

  r.post('/period-locks/unlock', { schema: { tags, summary: 'Unlock a period (audited) / 解锁期次', body: z.object({ region: RegionCode, period: Period, reason: z.string().min(1).max(1000).describe('解锁理由') }) } }, async (req, reply) => {
    await unlockPeriod(ctx, { actor: actorOf(req), regionCode: req.body.region, period: req.body.period, reason: req.body.reason });
    return reply.status(204).send();
  });

  r.get('/supervision-slips', {
    schema: { tags, summary: 'Supervision slips / 督办单', querystring: RegionPage.extend({ open: z.enum(['true', 'false']).optional(), commitment: Uuid.optional() }) },
  }, async (req) => {
    const { departmentId } = readSupervision(actorOf(req), req.query.region);
    const open = req.query.open === undefined ? undefined : req.query.open === 'true';
    const slips = await listSlipRecords(ctx.db, { regionCodes: [req.query.region], open, departmentId: departmentId ?? undefined, commitmentId: req.query.commitment });
    return page(slips, req.query, { name: 'opened.desc', key: (x) => [x.openedOn, x.id], desc: true });
  });

  r.get('/supervision-slips/:id/notice', {
    schema: {
      tags, summary: 'The slip’s notice as a document: docx to download, html to print / 督办通知单',
      params: IdParams, querystring: z.object({ format: z.enum(['docx', 'html']).default('docx') }),
    },
  }, async (req, reply) => {
    const { document, slip } = await slipNotice(ctx, { actor: actorOf(req), id: req.params.id });
    const body = await renderDocument(document, req.query.format, { regionCode: slip.regionCode, appendix: false });
    const name = `${slip.number}${document.title}`;
    return reply
      .header('content-type', CONTENT_TYPES[req.query.format])
      // the html is the print view: shown in the browser; the docx downloads with its Chinese name
      .header('content-disposition', req.query.format === 'html' ? 'inline' : contentDisposition(`${name}.docx`, `slip-${slip.openedOn.slice(0, 4)}-${slip.serial}.docx`))
      .send(body);
  });

  r.post('/supervision-slips/:id/close', { schema: { tags, summary: 'Close a slip by hand with a note (office) / 督办单销号', params: IdParams, body: CloseSlipInput } }, async (req) =>
    closeSlip(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.post('/supervision-slips/run', { schema: { tags, summary: 'Open and close slips now (office) / 更新督办单', body: z.object({ region: RegionCode, asOf: IsoDate.optional() }) } }, async (req) =>
    runEscalation(ctx, { actor: actorOf(req), regionCode: req.body.region, asOf: req.body.asOf }));

  r.get('/reminders', { schema: { tags, summary: 'Reports due soon and overdue per department / 待催办清单', querystring: RegionPage.extend({ asOf: IsoDate.optional() }) } }, async (req) => {
    const { departmentId } = readSupervision(actorOf(req), req.query.region);
    const asOf = req.query.asOf ?? ctx.today();
    const actor = actorOf(req);
    const items = (await dueReminders(ctx.db, ctx, req.query.region, asOf))
      .map((i) => (departmentPolicy.seesEmail(actor, { id: i.departmentId, regionCode: req.query.region }) ? i : withoutEmail(i)));
    return { asOf, ...page(departmentId ? items.filter((i) => i.departmentId === departmentId) : items, req.query, { name: 'department', key: (x) => [x.departmentName, x.kind, x.departmentId], collate: true }) };
  });

  r.get('/reminders/sent', { schema: { tags, summary: 'Reminders sent (office) / 催办记录', querystring: RegionPage } }, async (req) => {
    requireAdmin(actorOf(req), req.query.region);
    return sqlPage(await listSentReminders(ctx, req.query.region, req.query.limit + 1, afterCursor(req.query.cursor)), req.query, NEWEST_FIRST, withoutKey);
  });

  r.post('/reminders/send', {
    schema: {
      tags, summary: 'Send reminders now (office), to every department or the ones named / 发送催办',
      body: z.object({
        region: RegionCode, asOf: IsoDate.optional(), dryRun: z.boolean().default(false),
        departments: z.array(Uuid).min(1).max(500).optional().describe('only these departments / 指定单位'),
        kinds: z.array(z.enum(['dueSoon', 'urge'])).min(1).optional().describe('dueSoon 临近提醒 / urge 催办 (default both)'),
      }),
    },
  }, async (req) =>
    sendReminders(ctx, {
      actor: actorOf(req), regionCode: req.body.region, asOf: req.body.asOf, dryRun: req.body.dryRun, channels: await options.reminderChannels?.(),
      departmentIds: req.body.departments, kinds: req.body.kinds,
    }));

  r.get('/assessment', { schema: { tags, summary: 'Department ranking with score parts / 考核排名', querystring: RegionPage.extend({ period: Period }) } }, async (req) => {
    await scopeCodes(ctx.db, { region: req.query.region });
    const ranking = await assessDepartments(ctx, { actor: actorOf(req), regionCode: req.query.region, period: req.query.period });
    // by rank (unranked last), then department
    return { ...ranking, ...page(ranking.items, req.query, { name: 'rank', key: (x) => [x.rank ?? Number.MAX_SAFE_INTEGER, x.departmentId] }) };
  });
}
