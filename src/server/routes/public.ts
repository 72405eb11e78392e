/** What anyone may read without signing in: published commitments, their status and accepted progress. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listEvaluatedCommitments } from '../../app/evaluatedCommitments.ts';
import { listDepartments } from '../../store/regions.ts';
import { listReports } from '../../store/reports.ts';
import { RegionScope, scopeCodes } from './read.ts';
import { z } from 'zod';
import { IsoDate, type ProgressReport } from '../../domain/types.ts';
import { page, PageParams } from '../paging.ts';
import { commitmentOrder } from './read.ts';

type Evaluated = Awaited<ReturnType<typeof listEvaluatedCommitments>>[number];

/** What the public sees of a published commitment: no department ids, no drafts, the latest accepted report of its lead department. */
function publicCommitment(c: Evaluated, leadDepartment: string | null, latest: ProgressReport | undefined) {
  return {
    id: c.id, regionCode: c.regionCode, parentId: c.parentId, title: c.title, sector: c.sector, livelihood: c.livelihood, kind: c.kind,
    targetValue: c.targetValue, targetValueMax: c.targetValueMax, unit: c.unit, comparator: c.comparator,
    startDate: c.startDate, deadline: c.deadline, leadDepartment,
    milestones: c.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, doneDate: m.doneDate })),
    evaluation: c.evaluation,
    latestReport: latest ? { period: latest.period, cumulativeValue: latest.cumulativeValue, narrative: latest.narrative, acceptedAt: latest.reviewedAt } : null,
  };
}
export type PublicCommitment = ReturnType<typeof publicCommitment>;

export function registerPublicRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.get('/public/commitments', {
    schema: {
      tags: ['public'], summary: 'Published commitments with progress and the latest accepted report (no login) / 公开的目标任务及进展',
      querystring: RegionScope.extend({ livelihood: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), asOf: IsoDate.optional() }).extend(PageParams.shape),
    },
  }, async (req) => {
    const codes = await scopeCodes(ctx.db, req.query);
    const all = await listEvaluatedCommitments(ctx.db, ctx, { regionCodes: codes, published: true, livelihood: req.query.livelihood, asOf: req.query.asOf });
    const { items, nextCursor } = page(all, req.query, commitmentOrder(undefined));
    const reports = (await listReports(ctx.db, codes, items.map((c) => c.id))).filter((x) => x.state === 'accepted');
    const deptNames = new Map((await Promise.all(codes.map((c) => listDepartments(ctx.db, c)))).flat().map((d) => [d.id, d.name]));
    return {
      asOf: req.query.asOf ?? ctx.today(),
      nextCursor,
      items: items.map((c) => {
        const latest = reports.filter((x) => x.commitmentId === c.id && x.departmentId === c.leadDepartmentId).at(-1);
        return publicCommitment(c, c.leadDepartmentId ? (deptNames.get(c.leadDepartmentId) ?? null) : null, latest);
      }),
    };
  });
}
