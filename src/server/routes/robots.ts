/** A department's 钉钉/政务钉钉 and 企业微信 group robots for its reminders (app/reminders/robots.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../domain/types.ts';
import { getDepartmentRobots, RobotsInput, setDepartmentRobots } from '../../app/reminders/robots.ts';
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
}
