import { buildBulletin } from '../../domain/prose/bulletin.ts';
import type { ProseDocument } from '../../domain/prose/document.ts';
import type { BulletinData } from '../../domain/prose/facts.ts';
import { periodRange } from '../../domain/schedule.ts';
import { findPlan } from '../../store/plans.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { WorkflowActor } from '../workflow/access.ts';
import { regionForDocuments } from './access.ts';
import { documentDate } from './documentDate.ts';
import { departmentStandings, gatherPlanFacts } from './gatherFacts.ts';

/** What an office may set on a generated document. */
export interface DocumentOptions {
  /** 成文日期 YYYY-MM-DD (default: the day after the period's reports were due, or today if earlier) */
  date?: string | null;
  /** 发文字号 */
  number?: string | null;
}

/**
 * 督查通报 for a region and month (`YYYY-MM`): the plan of that year evaluated on its date (by
 * default the day after the month's reports were due, so missing ones count as 逾期, or today if
 * earlier) from the reports of that month and before filed by then. Offices and leaders of the
 * region read it. Returns the document and the data it was written from (for XLSX).
 */
export async function bulletinDocument(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; period: string } & DocumentOptions): Promise<{ document: ProseDocument; data: BulletinData }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period)) throw new AppError('invalid_period', `期次应为“年-月”格式，如 2024-06：${o.period}`, `period must be YYYY-MM, e.g. 2024-06: ${o.period}`, 400);
  const region = await regionForDocuments(ctx.db, o.actor, o.regionCode);
  const year = Number(o.period.slice(0, 4));
  const plan = await findPlan(ctx.db, region.code, year);
  if (!plan) throw new AppError('plan_not_found', `${region.name}${year}年度计划不存在`, `${region.name} has no plan for ${year}`, 404);
  const { issuedOn, asOf, partial } = documentDate(ctx, o.period, o.date);
  const facts = await gatherPlanFacts(ctx.db, ctx, { regionCode: region.code, planId: plan.id, asOf, through: periodRange(o.period).end });
  const data: BulletinData = {
    region: { code: region.code, name: region.name },
    period: o.period,
    asOf,
    issuedOn,
    partial,
    commitments: facts.commitments,
    ranking: departmentStandings(facts, o.period, asOf, ctx),
    rules: ctx.config.documents,
    heading: { number: o.number ?? null, recipients: ctx.config.documents.recipients, copyTo: ctx.config.documents.copyTo },
  };
  return { document: buildBulletin(data), data };
}
