/** The server's scheduled jobs over HTTP: what runs when, and how the last run went (office). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionCode } from '../../domain/types.ts';
import type { Scheduler } from '../../app/jobs/scheduler.ts';
import { actorOf } from './commitments.ts';

export function registerJobRoutes(api: FastifyInstance, scheduler: Scheduler) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get('/jobs', {
    schema: { tags: ['supervision'], summary: 'Scheduled jobs with last and next run (office) / 定时任务', querystring: z.object({ region: RegionCode }) },
  }, async (req) => ({ items: await scheduler.list(actorOf(req), req.query.region), nextCursor: null })); // a handful of jobs: one page
}
