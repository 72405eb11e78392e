import type { ProseDocument } from '../../domain/prose/document.ts';
import type { YearSummaryData } from '../../domain/prose/facts.ts';
import { buildYearSummary } from '../../domain/prose/yearSummary.ts';
import { periodRange } from '../../domain/schedule.ts';
import { listCommitments } from '../../store/commitments.ts';
import { listIndicatorValues, listProjects } from '../../store/economy.ts';
import { listHonours } from '../../store/honours.ts';
import { findPlan, listFacts } from '../../store/plans.ts';
import { getRegion, listDepartments, listRegions } from '../../store/regions.ts';
import type { AppContext } from '../context.ts';
import { indicatorProblem } from '../economy/input.ts';
import { AppError } from '../errors.ts';
import type { WorkflowActor } from '../workflow/access.ts';
import { regionForDocuments } from './access.ts';
import type { DocumentOptions } from './bulletinDocument.ts';
import { documentDate } from './documentDate.ts';
import { gatherPlanFacts } from './gatherFacts.ts';

/**
 * 年度工作纪实 for a region and year: the year's plan evaluated on its date (by default once
 * December's reports were due, or today if earlier), the year's indicators ranked among sibling
 * regions, key projects, the previous year's recorded results for comparison, and next year's
 * confirmed targets when that plan exists. Offices and leaders of the region read it.
 */
export async function yearSummaryDocument(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; year: number } & DocumentOptions): Promise<{ document: ProseDocument; data: YearSummaryData }> {
  if (!Number.isInteger(o.year) || o.year < 1949 || o.year > 2200) throw new AppError('invalid_year', `年份无效：${o.year}`, `invalid year: ${o.year}`, 400);
  const region = await regionForDocuments(ctx.db, o.actor, o.regionCode);
  const plan = await findPlan(ctx.db, region.code, o.year);
  if (!plan) throw new AppError('plan_not_found', `${region.name}${o.year}年度计划不存在`, `${region.name} has no plan for ${o.year}`, 404);
  const { issuedOn, asOf, partial } = documentDate(ctx, String(o.year), o.date);
  const known = (period: string) => periodRange(period).end <= asOf;
  const facts = await gatherPlanFacts(ctx.db, ctx, { regionCode: region.code, planId: plan.id, asOf, through: `${o.year}-12-31` });
  const regions = await listRegions(ctx.db);
  const siblings = region.parentCode ? regions.filter((r) => r.parentCode === region.parentCode && r.code !== region.code) : [];
  const parent = region.parentCode ? await getRegion(ctx.db, region.parentCode) : undefined;
  const nextPlan = await findPlan(ctx.db, region.code, o.year + 1);
  const names = new Map((await listDepartments(ctx.db, region.code)).map((d) => [d.id, d.name]));
  // values of periods that had ended by the document's date; a value that breaks the rules a value
  // is written under (stored before them, or restored) is left out, and the document says so
  const indicators = (await listIndicatorValues(ctx.db, [region.code])).filter((v) => known(v.period));
  const skipped = indicators.filter((v) => indicatorProblem(v) !== null);
  // confirmed commitments only (never an imported draft), each title once
  const next = nextPlan
    ? (await listCommitments(ctx.db, { regionCodes: [region.code], planId: nextPlan.id, parentId: null }))
        .filter((c) => c.state !== 'cancelled' && c.state !== 'draft')
        .filter((c, i, all) => all.findIndex((x) => x.title.trim() === c.title.trim()) === i)
    : [];
  const data: YearSummaryData = {
    region: { code: region.code, name: region.name },
    parentLevel: parent?.level ?? null,
    year: o.year,
    asOf,
    issuedOn,
    partial,
    rules: ctx.config.documents,
    commitments: facts.commitments,
    previousFacts: await listFacts(ctx.db, [region.code], o.year - 1),
    indicators: indicators.filter((v) => !skipped.includes(v)),
    peerIndicators: siblings.length ? (await listIndicatorValues(ctx.db, siblings.map((r) => r.code))).filter((v) => known(v.period) && indicatorProblem(v) === null) : [],
    regionNames: Object.fromEntries(regions.map((r) => [r.code, r.name])),
    projects: await listProjects(ctx.db, [region.code], o.year),
    honours: await listHonours(ctx.db, [region.code], o.year),
    nextYear: nextPlan
      ? { year: o.year + 1, commitments: next.map((c) => ({ id: c.id, title: c.title, sector: c.sector, leadDepartmentName: c.leadDepartmentId ? (names.get(c.leadDepartmentId) ?? null) : null })) }
      : null,
  };
  const document = buildYearSummary(data);
  if (skipped.length) {
    const which = skipped.map((v) => `“${v.indicator}”（${v.period}）`).join('、');
    document.blocks.push({ kind: 'paragraph', parts: [`注：经济指标${which}数据有误，未列入本文，请在“经济指标”中更正后重新生成。`] });
  }
  return { document, data };
}
