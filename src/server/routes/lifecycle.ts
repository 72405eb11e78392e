/**
 * Lifecycle actions over HTTP (交办, 签收, 办结申请, 办结, 变更申请, 公开, 导入草稿, 分解, 节点).
 * Thin: each route parses input, calls one use case with the request's actor, returns its result.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../domain/types.ts';
import { reportSchedule } from '../../domain/schedule.ts';
import { AssignInput, assignCommitment } from '../../app/lifecycle/assignCommitment.ts';
import { BulkAssignInput, bulkAssign } from '../../app/lifecycle/bulkAssign.ts';
import { AcknowledgeInput, acknowledgeCommitment } from '../../app/lifecycle/acknowledgeCommitment.ts';
import { getWorkPlan } from '../../app/lifecycle/getWorkPlan.ts';
import { RequestCloseInput, requestClose } from '../../app/lifecycle/requestClose.ts';
import { ListCloseRequestsQuery, listCloseRequests } from '../../app/lifecycle/listCloseRequests.ts';
import { SimpleAction, TransitionInput, transitionCommitment } from '../../app/lifecycle/transitionCommitment.ts';
import { FileChangeRequestInput, fileChangeRequest } from '../../app/lifecycle/fileChangeRequest.ts';
import { DecideChangeRequestInput, decideChangeRequest } from '../../app/lifecycle/decideChangeRequest.ts';
import { PublishInput, publishCommitment } from '../../app/commitments/publishCommitment.ts';
import { confirmDraft } from '../../app/commitments/confirmDraft.ts';
import { discardDraft } from '../../app/commitments/discardDraft.ts';
import { listImportedDrafts } from '../../app/commitments/importedDrafts.ts';
import { SplitInput, splitCommitment } from '../../app/commitments/splitCommitment.ts';
import { SetMilestonesInput, setMilestones } from '../../app/commitments/setMilestones.ts';
import { UpdateCommitmentInput } from '../../app/commitments/input.ts';
import { loadCommitmentFor, requireAdmin } from '../../app/workflow/access.ts';
import { listChangeRequests } from '../../store/changeRequests.ts';
import { listReports } from '../../store/reports.ts';
import { actorOf } from './commitments.ts';
import { RegionScope, scopeCodes } from './read.ts';
import { decodeCursor, keyedPage, page, PageParams, type Order } from '../paging.ts';
import type { ChangeRequest } from '../../domain/types.ts';

/** Newest first. */
const CHANGE_REQUEST_ORDER: Order<ChangeRequest> = { name: 'requested.desc', key: (x) => [x.requestedAt, x.id], desc: true };
/** Close requests, newest first (paged in SQL on [requested, id]). */
const CLOSE_REQUEST_ORDER = 'closeRequested.desc';

const IdParams = z.object({ id: Uuid });
const tags = ['lifecycle'];

export function registerLifecycleRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.post('/commitments/:id/assign', { schema: { tags, summary: 'Assign to the lead department / 交办', params: IdParams, body: AssignInput } }, async (req) =>
    assignCommitment(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.post('/commitments/assign', { schema: { tags, summary: 'Assign many at once, all or none / 批量交办', body: BulkAssignInput } }, async (req) =>
    ({ items: await bulkAssign(ctx, { actor: actorOf(req), input: req.body }) }));

  r.post('/commitments/:id/acknowledge', { schema: { tags, summary: 'Acknowledge and file the work plan / 签收并报送办理方案', params: IdParams, body: AcknowledgeInput } }, async (req) =>
    acknowledgeCommitment(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.get('/commitments/:id/work-plan', { schema: { tags, summary: 'The work plan / 办理方案', params: IdParams } }, async (req) =>
    ({ workPlan: await getWorkPlan(ctx, { actor: actorOf(req), id: req.params.id }) }));

  r.post('/commitments/:id/request-close', { schema: { tags, summary: 'Ask to close, with evidence / 办结申请', params: IdParams, body: RequestCloseInput } }, async (req) =>
    requestClose(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.get('/close-requests', { schema: { tags, summary: 'Close requests of a region, newest first, e.g. those to decide (state=pending) / 办结申请清单', querystring: ListCloseRequestsQuery.extend(PageParams.shape) } }, async (req) => {
    const { cursor, limit, ...query } = req.query;
    const after = cursor ? (decodeCursor(cursor, CLOSE_REQUEST_ORDER, 2).map(String) as [string, string]) : null;
    return keyedPage(CLOSE_REQUEST_ORDER, await listCloseRequests(ctx, { actor: actorOf(req), query, limit, after }));
  });

  r.post('/commitments/:id/transitions/:action', {
    schema: { tags, summary: 'start 开始推进 / rejectClose 退回办结申请 / close 办结销号 / cancel 取消', params: IdParams.extend({ action: SimpleAction }), body: TransitionInput },
  }, async (req) => transitionCommitment(ctx, { actor: actorOf(req), id: req.params.id, action: req.params.action, input: req.body }));

  r.post('/commitments/:id/change-requests', { schema: { tags, summary: 'Request an adjustment, extension or cancellation / 变更申请', params: IdParams, body: FileChangeRequestInput } }, async (req, reply) =>
    reply.status(201).send(await fileChangeRequest(ctx, { actor: actorOf(req), commitmentId: req.params.id, input: req.body })));

  r.get('/commitments/:id/change-requests', { schema: { tags, summary: 'Change requests of a commitment / 变更申请记录', params: IdParams, querystring: PageParams } }, async (req) => {
    const c = await loadCommitmentFor(ctx.db, actorOf(req), req.params.id);
    return page(await listChangeRequests(ctx.db, { regionCodes: [c.regionCode], commitmentId: c.id }), req.query, CHANGE_REQUEST_ORDER);
  });

  r.get('/change-requests', { schema: { tags, summary: 'Pending change requests of a region (office) / 待审批变更', querystring: RegionScope.extend({ state: z.enum(['pending', 'approved', 'refused']).optional() }).extend(PageParams.shape) } }, async (req) => {
    requireAdmin(actorOf(req), req.query.region);
    return page(await listChangeRequests(ctx.db, { regionCodes: await scopeCodes(ctx.db, req.query), state: req.query.state }), req.query, CHANGE_REQUEST_ORDER);
  });

  r.post('/change-requests/:id/decision', { schema: { tags, summary: 'Approve or refuse / 审批变更申请', params: IdParams, body: DecideChangeRequestInput } }, async (req) =>
    decideChangeRequest(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.post('/commitments/:id/publish', { schema: { tags, summary: 'Publish or withdraw / 公开或撤回', params: IdParams, body: PublishInput } }, async (req) =>
    publishCommitment(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.get('/drafts', { schema: { tags, summary: 'Imported drafts awaiting confirmation / 待确认的导入草稿', querystring: RegionScope.pick({ region: true }).extend(PageParams.shape) } }, async (req) => {
    requireAdmin(actorOf(req), req.query.region);
    // in the order of the report's text
    const drafts = await listImportedDrafts(ctx.db, await scopeCodes(ctx.db, req.query));
    return page(drafts, req.query, { name: 'text', key: (c) => [c.regionCode, c.source?.start ?? null, c.id] });
  });

  r.post('/commitments/:id/confirm', { schema: { tags, summary: 'Confirm an imported draft, with corrections / 确认导入草稿', params: IdParams, body: UpdateCommitmentInput } }, async (req) =>
    confirmDraft(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.post('/commitments/:id/discard', { schema: { tags, summary: 'Discard an imported draft / 舍弃导入草稿', params: IdParams, body: z.object({ version: z.number().int() }) } }, async (req, reply) => {
    await discardDraft(ctx, { actor: actorOf(req), id: req.params.id, version: req.body.version });
    return reply.status(204).send();
  });

  r.post('/commitments/:id/subtasks', { schema: { tags, summary: 'Split into subtasks / 分解子任务', params: IdParams, body: SplitInput } }, async (req, reply) =>
    reply.status(201).send({ items: await splitCommitment(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }) }));

  r.put('/commitments/:id/milestones', { schema: { tags, summary: 'Set milestones or lay a template / 设置节点', params: IdParams, body: SetMilestonesInput } }, async (req) =>
    setMilestones(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.get('/commitments/:id/schedule', { schema: { tags, summary: 'Reporting periods and due dates / 报送期次与时限', params: IdParams } }, async (req) => {
    const c = await loadCommitmentFor(ctx.db, actorOf(req), req.params.id);
    return { reportingFrequency: c.reportingFrequency, slots: reportSchedule(c, await listReports(ctx.db, [c.regionCode], [c.id]), ctx.config) };
  });
}
