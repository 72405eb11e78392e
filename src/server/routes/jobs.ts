/** The server's scheduled jobs over HTTP: what runs when, and how the last run went (office). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionCode } from '../../domain/types.ts';
import type { Scheduler } from '../../app/jobs/scheduler.ts';
import { page, PageParams } from '../paging.ts';
import { actorOf } from './commitments.ts';

export function registerJobRoutes(api: FastifyInstance, scheduler: Scheduler) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get('/jobs', {
    schema: { tags: ['supervision'], summary: 'Scheduled jobs with last and next run (office) / 定时任务', querystring: z.object({ region: RegionCode }).extend(PageParams.shape) },
  }, async (req) => {
    // in the order of the day (rollover, escalation, reminders …): the scheduler's own order, fixed while it runs
    const jobs = await scheduler.list(actorOf(req), req.query.region);
    return page(jobs, req.query, { name: 'schedule', key: (j) => [jobs.indexOf(j)] });
  });
}
