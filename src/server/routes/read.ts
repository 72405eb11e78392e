/**
 * Read API: regions, departments, plans, commitments with status, projects, indicators.
 * Region names and departments are public (a department's e-mail only to its region's office and
 * its own reporters: policies/departments.ts); everything else needs a signed-in user and is limited
 * to what its policies (app/policies) let it read. The public reads published items at /api/public.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../app/errors.ts';
import { listEvaluatedCommitments } from '../../app/evaluatedCommitments.ts';
import { commitmentSummary } from '../../app/summary.ts';
import { scopeOverview } from '../../app/scopeOverview.ts';
import { compareDistricts } from '../../app/compareDistricts.ts';
import { IsoDate, RegionCode, Status, Uuid } from '../../domain/types.ts';
import { getRegion, listDepartments, listRegions, regionAndDescendants } from '../../store/regions.ts';
import { listFacts, listPlans } from '../../store/plans.ts';
import { getCommitment } from '../../store/commitments.ts';
import { listReports } from '../../store/reports.ts';
import { listIndicatorValues, listProjects } from '../../store/economy.ts';
import type { Queryable } from '../../store/db.ts';
import { commitmentPolicy } from '../../app/policies/commitments.ts';
import { reportPolicy } from '../../app/policies/reports.ts';
import { presentDepartment } from '../../app/policies/departments.ts';
import { authorize, readsRegion, requireReadRegions, requireSignedIn } from '../../app/policies/scope.ts';
import type { Principal } from '../../app/policies/principal.ts';
import { byFields, page, PageParams, type KeyValue, type Order } from '../paging.ts';
import { allowedActions } from '../../app/workflow/allowedActions.ts';

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `region` plus, with `children=true`, every region below it. */
export const RegionScope = z.object({
  region: RegionCode.describe('行政区划代码'),
  children: boolParam.optional().describe('include child regions / 含下级'),
});

/** Regions found per database: a region once stored is never removed, so its existence is asked once. */
const knownRegions = new WeakMap<Queryable, Set<string>>();

async function regionExists(q: Queryable, code: string): Promise<boolean> {
  let known = knownRegions.get(q);
  if (!known) knownRegions.set(q, (known = new Set()));
  if (known.has(code)) return true;
  if (!(await getRegion(q, code))) return false;
  known.add(code);
  return true;
}

/** The regions a list request names; with an actor, 401/403 unless it may read all of them. */
export async function scopeCodes(q: Queryable, s: { region: string; children?: boolean }, actor?: Principal): Promise<string[]> {
  if (actor) requireSignedIn(actor);
  if (!(await regionExists(q, s.region))) throw new AppError('region_not_found', `行政区 ${s.region} 不存在`, `region ${s.region} not found`, 404);
  const codes = s.children ? await regionAndDescendants(q, s.region) : [s.region];
  if (actor) requireReadRegions(actor, codes);
  return codes;
}

/**
 * The department filter a list runs with: a reporter sees only its own department's commitments
 * (lead or co-department); asking for another department's gives `false` (an empty list).
 */
const departmentFilter = (actor: Principal, asked?: string): string | undefined | false => {
  if (actor.role !== 'reporter' || actor.system) return asked;
  return asked && asked !== actor.departmentId ? false : actor.departmentId!;
};

export const CommitmentQuery = RegionScope.extend({
  plan: Uuid.optional(),
  sector: z.string().optional(),
  department: Uuid.optional(),
  status: z.union([Status, z.array(Status)]).optional().transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  livelihood: boolParam.optional(),
  published: boolParam.optional(),
  overdue: z.enum(['true', 'false', 'report', 'deadline']).optional()
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : v))
    .describe('true: 逾期 (either kind); report: 逾期未报送 (a report missing past its due date); deadline: 逾期未完成 (past the deadline, not done)'),
  q: z.string().max(100).optional().describe('search in title / 标题搜索'),
  topLevel: boolParam.optional().describe('only commitments without a parent / 仅一级任务'),
  asOf: IsoDate.optional().describe('evaluate at this date (default today) / 评估日期'),
  sort: z.enum(['title', 'completionRate', 'expectedProgress', 'lag', 'overdue', 'deadline', 'status', 'sector']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
}).extend(PageParams.shape);
export type CommitmentQuery = z.infer<typeof CommitmentQuery>;

const STATUS_ORDER = ['seriouslyLagging', 'lagging', 'notStarted', 'onTrack', 'completed', 'exceeded'];

type Evaluated = Awaited<ReturnType<typeof listEvaluatedCommitments>>[number];

/** The order of a commitment list: by `sort` (then id), else by region, sector, creation, title and id. */
export function commitmentOrder(sort: CommitmentQuery['sort'], order?: 'asc' | 'desc'): Order<Evaluated> {
  if (!sort) return byFields<Evaluated>('default', 'regionCode', 'sector', 'createdAt', 'title', 'id');
  const val = (c: Evaluated): KeyValue =>
    sort === 'completionRate' ? (c.evaluation.completionRate ?? -1)
    : sort === 'lag' ? (c.evaluation.lag ?? null)
    : sort === 'expectedProgress' ? c.evaluation.expectedProgress
    : sort === 'overdue' ? Number(c.evaluation.overdue)
    : sort === 'status' ? STATUS_ORDER.indexOf(c.evaluation.status)
    : sort === 'deadline' ? c.deadline
    : sort === 'sector' ? c.sector
    : c.title;
  return { name: `${sort}.${order ?? 'asc'}`, key: (c) => [val(c), c.id], desc: order === 'desc' };
}

export function registerReadRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { db } = api.ctx;

  r.get('/regions', { schema: { tags: ['regions'], summary: 'List regions / 行政区列表', querystring: PageParams } }, async (req) => page(await listRegions(db), req.query, byFields('code', 'code')));

  r.get('/regions/:code', { schema: { tags: ['regions'], params: z.object({ code: RegionCode }) } }, async (req) => {
    const region = await getRegion(db, req.params.code);
    if (!region) throw notFound('region', '行政区');
    const children = (await listRegions(db)).filter((x) => x.parentCode === region.code);
    // plans like GET /api/plans: to those who read the region (the public page has its own routes)
    const departments = (await listDepartments(db, region.code)).map((d) => presentDepartment(req.actor, d));
    return { ...region, children, departments, plans: readsRegion(req.actor, region.code) ? await listPlans(db, [region.code]) : [] };
  });

  r.get('/regions/:code/departments', { schema: { tags: ['regions'], params: z.object({ code: RegionCode }), querystring: PageParams } }, async (req) => {
    await scopeCodes(db, { region: req.params.code });
    const departments = (await listDepartments(db, req.params.code)).map((d) => presentDepartment(req.actor, d));
    return page(departments, req.query, { ...byFields('name', 'name', 'id'), collate: true });
  });

  r.get('/plans', { schema: { tags: ['plans'], querystring: RegionScope.extend(PageParams.shape) } }, async (req) => page(await listPlans(db, await scopeCodes(db, req.query, req.actor)), req.query, byFields('year', 'regionCode', 'year', 'id')));

  r.get('/facts', { schema: { tags: ['plans'], summary: 'Recorded results of past years / 往年成绩', querystring: RegionScope.extend({ year: z.coerce.number().int().optional() }).extend(PageParams.shape) } }, async (req) =>
    page(await listFacts(db, await scopeCodes(db, req.query, req.actor), req.query.year), req.query, byFields('subject', 'regionCode', 'year', 'subject', 'id')));

  r.get('/commitments', { schema: { tags: ['commitments'], summary: 'Commitments with completion and status / 目标任务及完成情况', querystring: CommitmentQuery } }, async (req) => {
    const q = req.query;
    const regionCodes = await scopeCodes(db, q, req.actor);
    const departmentId = departmentFilter(req.actor, q.department);
    if (departmentId === false) return { items: [], nextCursor: null, asOf: q.asOf ?? api.ctx.today() };
    const items = await listEvaluatedCommitments(db, api.ctx, {
      regionCodes,
      planId: q.plan,
      sector: q.sector,
      departmentId,
      livelihood: q.livelihood,
      published: q.published,
      search: q.q,
      parentId: q.topLevel ? null : undefined,
      statuses: q.status,
      overdue: q.overdue,
      asOf: q.asOf,
    });
    return { ...page(items, q, commitmentOrder(q.sort, q.order)), asOf: q.asOf ?? api.ctx.today() };
  });

  r.get('/commitments/summary', { schema: { tags: ['commitments'], summary: 'Counts by status, sector and department of commitments under supervision (not drafts or cancelled) / 分类统计', querystring: CommitmentQuery.pick({ region: true, children: true, plan: true, asOf: true, livelihood: true }) } }, async (req) => {
    return commitmentSummary(db, api.ctx, {
      regionCodes: await scopeCodes(db, req.query, req.actor), planId: req.query.plan, asOf: req.query.asOf, livelihood: req.query.livelihood,
      departmentId: departmentFilter(req.actor, undefined) || undefined,
    });
  });

  r.get('/commitments/:id', { schema: { tags: ['commitments'], params: z.object({ id: Uuid }), querystring: z.object({ asOf: IsoDate.optional() }) } }, async (req) => {
    requireSignedIn(req.actor);
    const c = await getCommitment(db, req.params.id);
    if (!c) throw notFound('commitment', '目标任务');
    authorize(req.actor, commitmentPolicy.readInternal(req.actor, c), commitmentPolicy.readInternal(req.actor, c), ['commitment', '目标任务']);
    // one evaluation of the plan gives the commitment and its subtasks alike
    const plan = await listEvaluatedCommitments(db, api.ctx, { regionCodes: [c.regionCode], planId: c.planId, asOf: req.query.asOf });
    const evaluated = plan.find((x) => x.id === c.id);
    const subtasks = plan.filter((s) => s.parentId === c.id && commitmentPolicy.read(req.actor, s));
    const reports = (await listReports(db, [c.regionCode], [c.id])).filter((r) => reportPolicy.read(req.actor, r, c));
    return { ...evaluated, subtasks, reports, allowed: allowedActions(req.actor, c) };
  });

  r.get('/districts/compare', {
    schema: { tags: ['commitments'], summary: 'Counties of a city or province side by side / 区县比较', querystring: z.object({ region: RegionCode, year: z.coerce.number().int().min(1949).max(2200), asOf: IsoDate.optional() }) },
  }, async (req) => {
    await scopeCodes(db, { region: req.query.region }, req.actor); // signed in, the region exists; compareDistricts checks every region below it
    return compareDistricts(api.ctx, { actor: req.actor, regionCode: req.query.region, year: req.query.year, asOf: req.query.asOf });
  });

  r.get('/overview', {
    schema: { tags: ['commitments'], summary: "A city's or province's 总览 of a plan year from kept figures: counts, the most-behind 滞后 and 逾期 commitments, the monthly trend / 汇总总览", querystring: z.object({ region: RegionCode, year: z.coerce.number().int().min(1949).max(2200) }) },
  }, async (req) => scopeOverview(api.ctx, { actor: req.actor, regionCode: req.query.region, year: req.query.year }));

  r.get('/projects', { schema: { tags: ['economy'], summary: 'Key projects / 重点项目', querystring: RegionScope.extend({ year: z.coerce.number().int().optional() }).extend(PageParams.shape) } }, async (req) => {
    const items = await listProjects(db, await scopeCodes(db, req.query, req.actor), req.query.year);
    // a reporter sees its own department's projects only
    return page(req.actor.role === 'reporter' ? items.filter((p) => p.leadDepartmentId === req.actor.departmentId) : items, req.query, { ...byFields('name', 'regionCode', 'year', 'name', 'id'), collate: true });
  });

  r.get('/indicators', { schema: { tags: ['economy'], summary: 'Indicator values / 经济指标', querystring: RegionScope.extend({ indicator: z.string().optional() }).extend(PageParams.shape) } }, async (req) =>
    page(await listIndicatorValues(db, await scopeCodes(db, req.query, req.actor), req.query.indicator), req.query, byFields('indicator', 'indicator', 'period', 'regionCode', 'id')));
}
