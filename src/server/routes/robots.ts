/** A department's 钉钉/政务钉钉 and 企业微信 group robots for its reminders (app/reminders/robots.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../domain/types.ts';
import { getDepartmentRobots, listRegionRobots, RobotsInput, setDepartmentRobots, testDepartmentRobots } from '../../app/reminders/robots.ts';
import { RegionCode } from '../../domain/types.ts';
import { page, PageParams } from '../paging.ts';
import { actorOf } from './commitments.ts';

const tags = ['supervision'];
const IdParams = z.object({ id: Uuid });

export function registerRobotRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;
  r.get('/departments/:id/robots', { schema: { tags, summary: 'Which group robots get the department’s reminders (office; no credentials shown) / 单位催办群机器人', params: IdParams } }, async (req) =>
    getDepartmentRobots(ctx, { actor: actorOf(req), departmentId: req.params.id }));
  r.put('/departments/:id/robots', {
    schema: { tags, summary: 'Set the department’s 钉钉/政务钉钉 and 企业微信 robots (null removes one) / 设置单位催办群机器人', params: IdParams, body: RobotsInput },
  }, async (req) => setDepartmentRobots(ctx, { actor: actorOf(req), departmentId: req.params.id, input: req.body }));
  r.post('/departments/:id/robots/test', { schema: { tags, summary: 'Send a test card to the department’s robots now / 测试单位催办群机器人', params: IdParams } }, async (req) =>
    testDepartmentRobots(ctx, { actor: actorOf(req), departmentId: req.params.id }));
  r.get('/robots', { schema: { tags, summary: 'The departments of a region with their group robots (office; no credentials shown) / 各单位催办群机器人', querystring: z.object({ region: RegionCode }).extend(PageParams.shape) } }, async (req) =>
    page(await listRegionRobots(ctx, { actor: actorOf(req), region: req.query.region }), req.query, { name: 'department', key: (x) => [x.departmentName, x.departmentId], collate: true }));
}
