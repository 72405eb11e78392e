/**
 * 兑现核验 over HTTP: a year's commitments against what the later documents state (office and
 * leaders), the office's confirmation or correction, the 兑现情况表 as DOCX/XLSX, and the status of
 * published commitments for the public.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPromises, type PromiseReport, type PromiseRow } from '../../app/reconcile/checkPromises.ts';
import { page, PageParams } from '../paging.ts';
import { confirmPromiseCheck, PromiseCheckInput } from '../../app/reconcile/confirmPromiseCheck.ts';
import { PUBLIC } from '../../app/policies/principal.ts';
import { RegionCode, Uuid } from '../../domain/types.ts';
import { CONTENT_TYPES, contentDisposition } from '../../render/index.ts';
import { promiseCheckFile } from '../../app/reconcile/promiseCheckFile.ts';
import { actorOf } from './commitments.ts';

const tags = ['promise checks'];
const Year = z.coerce.number().int().min(1949).max(2200);
const Query = z.object({ region: RegionCode, year: Year });
const PagedQuery = Query.extend(PageParams.shape);

/**
 * One page of a check: the rows by sector, then creation, each subtask right after its parent (a
 * row's key is the path from its root, so the order never moves while rows are added); the counts
 * and documents are the whole year's.
 */
function pageOf(report: PromiseReport, p: PageParams) {
  const byId = new Map(report.items.map((r) => [r.commitmentId, r]));
  const path = (r: PromiseRow, seen = new Set<string>()): string => {
    const own = `${r.sector}\u0001${r.createdAt}\u0001${r.commitmentId}`;
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    if (!parent || seen.has(r.commitmentId)) return own;
    seen.add(r.commitmentId);
    return `${path(parent, seen)}\u0002${own}`;
  };
  return { ...report, ...page(report.items, p, { name: 'tree', key: (r) => [path(r)] }) };
}

export function registerPromiseCheckRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.get('/promise-checks', {
    schema: { tags, operationId: 'listPromiseChecks', summary: 'A year’s commitments against what the next report states / 兑现核验', querystring: PagedQuery },
  }, async (req) => pageOf(await checkPromises(ctx, { actor: actorOf(req), regionCode: req.query.region, year: req.query.year }), req.query));

  r.put('/promise-checks/:commitmentId', {
    schema: { tags, operationId: 'confirmPromiseCheck', summary: 'Confirm or correct a commitment’s check / 确认或更正兑现核验', params: z.object({ commitmentId: Uuid }), body: PromiseCheckInput },
  }, async (req) => confirmPromiseCheck(ctx, { actor: actorOf(req), commitmentId: req.params.commitmentId, input: req.body }));

  r.get('/promise-checks/document', {
    schema: {
      tags, operationId: 'downloadPromiseChecks', summary: 'The 兑现情况表 as DOCX or XLSX / 兑现情况表下载',
      querystring: Query.extend({ format: z.enum(['docx', 'xlsx']).default('docx') }),
    },
  }, async (req, reply) => {
    const { region, year, format } = req.query;
    const file = await promiseCheckFile(ctx, { actor: actorOf(req), regionCode: region, year, format });
    return reply.header('content-type', CONTENT_TYPES[format]).header('content-disposition', contentDisposition(file.filename, file.asciiFilename)).send(file.bytes);
  });

  r.get('/public/promise-checks', {
    schema: { tags: ['public'], operationId: 'listPublicPromiseChecks', summary: 'Promise checks of published commitments (no login) / 公开的兑现情况', querystring: PagedQuery },
  }, async (req) => pageOf(await checkPromises(ctx, { actor: PUBLIC, regionCode: req.query.region, year: req.query.year, publishedOnly: true }), req.query));
}

