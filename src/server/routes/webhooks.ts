/** Events out: an office's webhooks and their delivery history (app/webhooks). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionCode, Uuid } from '../../domain/types.ts';
import { createWebhook, deleteWebhook, dispatchWebhooks, listDeliveries, listWebhooks, retryDelivery, testWebhook, updateWebhook, WebhookChanges, WebhookInput } from '../../app/webhooks/webhooks.ts';
import { requireAdmin } from '../../app/workflow/access.ts';
import { byFields, decodeCursor, page, PageParams, sqlPage } from '../paging.ts';
import { actorOf } from './commitments.ts';

const tags = ['webhooks'];
const IdParams = z.object({ id: Uuid });
const NEWEST_FIRST = { name: 'created.desc', key: (x: { key: string; id: string }) => [x.key, x.id], desc: true };

export function registerWebhookRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.get('/webhooks', { schema: { tags, summary: 'Webhooks of a region (office) / 事件推送地址', querystring: z.object({ region: RegionCode }).extend(PageParams.shape) } }, async (req) =>
    page(await listWebhooks(ctx, { actor: actorOf(req), region: req.query.region }), req.query, byFields('created', 'createdAt', 'id')));

  r.post('/webhooks', {
    schema: { tags, summary: 'Subscribe a URL to events; the signing secret is shown once / 新增事件推送', body: WebhookInput },
  }, async (req, reply) => reply.status(201).send(await createWebhook(ctx, { actor: actorOf(req), input: req.body })));

  r.patch('/webhooks/:id', { schema: { tags, summary: 'Edit, disable or re-enable a webhook / 修改、停用或启用事件推送', params: IdParams, body: WebhookChanges } }, async (req) =>
    updateWebhook(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.post('/webhooks/:id/test', { schema: { tags, summary: 'Send a test event (type ping) now and answer its delivery / 发送测试推送', params: IdParams } }, async (req) =>
    testWebhook(ctx, { actor: actorOf(req), id: req.params.id }));

  r.post('/webhooks/:id/deliveries/:deliveryId/retry', {
    schema: { tags, summary: 'Send a failed (or delivered) delivery again now / 重发推送', params: IdParams.extend({ deliveryId: Uuid }) },
  }, async (req) => retryDelivery(ctx, { actor: actorOf(req), webhookId: req.params.id, deliveryId: req.params.deliveryId }));

  r.delete('/webhooks/:id', { schema: { tags, summary: 'Remove a webhook (its history stays) / 删除事件推送', params: IdParams } }, async (req, reply) => {
    await deleteWebhook(ctx, { actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  r.get('/webhooks/:id/deliveries', { schema: { tags, summary: 'Delivery history, newest first / 推送记录', params: IdParams, querystring: PageParams } }, async (req) => {
    const after = req.query.cursor ? (decodeCursor(req.query.cursor, NEWEST_FIRST.name, 2).map(String) as [string, string]) : undefined;
    const rows = await listDeliveries(ctx, { actor: actorOf(req), id: req.params.id, limit: req.query.limit + 1, after });
    return sqlPage(rows, req.query, NEWEST_FIRST, (rs) => rs.map(({ key: _k, ...x }) => x));
  });

  r.post('/webhooks/dispatch', { schema: { tags, summary: 'Send the deliveries due now (office; the server also does so every 30 s) / 立即推送', body: z.object({ region: RegionCode }) } }, async (req) => {
    requireAdmin(actorOf(req), req.body.region);
    return dispatchWebhooks(ctx);
  });
}
