/**
 * checkPromises (兑现核验): a region's commitments of one year against what the later documents
 * state — the results recorded from the next year's 政府工作报告 or the year's 纪实 (facts of that
 * year) and those documents' sentences — beside what the departments reported. The matching is
 * computed on every read (so a newly imported report is matched at once); the office's
 * confirmations and corrections (`promise_check`) take precedence over the computed match.
 */
import { z } from 'zod';
import { consistencyOf, PROMISE_STATUSES, reconcile, type ReconcileOptions } from '../../domain/reconcile.ts';
import type { Commitment, RecordedFact } from '../../domain/types.ts';
import type { Queryable } from '../../store/db.ts';
import { camelAll } from '../../store/rows.ts';
import type { AppContext } from '../context.ts';
import { groupBy, listEvaluatedCommitments } from '../evaluatedCommitments.ts';
import { AppError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { forbidden, requireReadRegions } from '../policies/scope.ts';

const Status = z.enum(PROMISE_STATUSES).describe('kept 已兑现, partial 部分兑现, missed 未兑现, unmentioned 未提及');
/** The sentence a verdict rests on, with its offsets in the document. */
const Source = z.object({ documentId: z.string(), start: z.number().int(), end: z.number().int(), sentence: z.string() }).nullable();

/** One row of the 兑现情况表. */
export const PromiseRow = z.object({
  commitmentId: z.string(),
  parentId: z.string().nullable(),
  title: z.string(),
  sector: z.string(),
  createdAt: z.string().describe('when the commitment was created (rows are listed by sector, then creation, subtasks under their parent)'),
  livelihood: z.boolean(),
  published: z.boolean(),
  target: z.string().describe('the target as written in a table: ≥6000人, ≤4.5%, 5–6%, 节点任务'),
  targetValue: z.string().nullable(),
  unit: z.string().nullable(),
  comparator: z.string().nullable(),
  status: Status,
  statedValue: z.string().nullable().describe('the government’s stated result in the commitment’s unit'),
  statedText: z.string().nullable().describe('the stated figure as written (6.12万平方米)'),
  reportedValue: z.string().nullable().describe('the lead department’s last accepted report'),
  reportedPeriod: z.string().nullable(),
  yearEndValue: z.string().nullable().describe('年终结果: the last accepted report’s value, or a confirmed stated value where no report gave one'),
  yearEndSource: z.enum(['report', 'stated']).nullable(),
  consistency: z.enum(['consistent', 'statedAbove', 'statedBelow']).nullable().describe('stated vs reported'),
  difference: z.number().nullable().describe('stated − reported, in the commitment’s unit'),
  source: Source,
  basis: z.enum(['figure', 'sentence', 'subtasks']).nullable(),
  confidence: z.number().describe('0–1'),
  confirmed: z.boolean().describe('the office confirmed or corrected this row'),
  note: z.string(),
  version: z.number().int().describe('version of the confirmation (0 when none), for optimistic updates'),
});
export type PromiseRow = z.infer<typeof PromiseRow>;

export const PromiseReport = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  documents: z.array(z.object({ id: z.string(), filename: z.string() })).describe('the documents the results come from'),
  counts: z.object({ kept: z.number().int(), partial: z.number().int(), missed: z.number().int(), unmentioned: z.number().int(), flagged: z.number().int() }).describe('of the whole year'),
  items: z.array(PromiseRow),
});
export type PromiseReport = z.infer<typeof PromiseReport>;

/** The office's confirmation or correction of a row. */
export const ConfirmedCheck = z.object({
  commitmentId: z.string(),
  status: Status,
  statedValue: z.string().nullable(),
  source: Source,
  setsYearEnd: z.boolean(),
  note: z.string(),
  version: z.number().int(),
});
export type ConfirmedCheck = z.infer<typeof ConfirmedCheck>;

/** Reads the check of a region's year (see the file comment). Office and leaders of the region; `publishedOnly` for the public page (published and confirmed rows only). */
export async function checkPromises(
  ctx: AppContext,
  o: { actor: Principal; regionCode: string; year: number; publishedOnly?: boolean; options?: ReconcileOptions },
): Promise<PromiseReport> {
  if (!o.publishedOnly) {
    requireReadRegions(o.actor, [o.regionCode]);
    if (o.actor.role === 'reporter' && !o.actor.system) throw forbidden('兑现核验仅供督查室和领导查看', 'the promise check is for the office and leaders');
  }
  if (!Number.isInteger(o.year) || o.year < 1949 || o.year > 2200) throw new AppError('invalid_year', `年份不正确: ${o.year}`, `invalid year: ${o.year}`, 400);
  const q = ctx.db;
  const [plan] = await q.query<{ id: string }>('select id from plan where region_code = $1 and year = $2', [o.regionCode, o.year]);
  if (!plan) throw new AppError('not_found', `${o.year}年度计划不存在`, `no plan for ${o.year}`, 404);

  // the year as it ended (or today, if it has not): last accepted values and roll-ups
  const asOf = minDate(`${o.year}-12-31`, ctx.today());
  const evaluated = treeOrder(
    (await listEvaluatedCommitments(q, ctx, { regionCodes: [o.regionCode], planId: plan.id, asOf })).filter((c) => c.state !== 'draft' && c.state !== 'cancelled'),
  );
  const facts = camelAll<RecordedFact>(await q.query('select * from recorded_fact where region_code = $1 and year = $2 order by id', [o.regionCode, o.year]));
  const documents = await sourceDocuments(q, o.regionCode, o.year, facts);
  // a 左右 target is met within the region's tolerance, as in completion and status
  const options: ReconcileOptions = { approxTolerance: ctx.config.approxTolerancePercent / 100, ...o.options };
  const computed = reconcile(
    evaluated.map((c) => ({ ...c, reportedValue: c.evaluation.latestValue, reportedPeriod: c.evaluation.latestPeriod })),
    facts,
    documents,
    options,
  );
  const confirmed = new Map((await listConfirmed(q, o.regionCode, evaluated.map((c) => c.id))).map((x) => [x.commitmentId, x]));

  const items: PromiseRow[] = [];
  evaluated.forEach((c, i) => {
    const auto = computed[i]!;
    const mine = confirmed.get(c.id);
    // the public sees published commitments whose check the office has confirmed, never a machine's guess
    if (o.publishedOnly && !(c.published && mine)) return;
    const statedValue = mine ? mine.statedValue : auto.statedValue;
    const reportedValue = c.evaluation.latestValue;
    const yearEndSource = reportedValue !== null ? 'report' : mine?.setsYearEnd && statedValue !== null ? 'stated' : null;
    const three = mine ? (statedValue === null ? { consistency: null, difference: null } : consistencyOf({ unit: c.unit, reportedValue }, Number(statedValue), options)) : auto;
    items.push({
      commitmentId: c.id,
      parentId: c.parentId,
      title: c.title,
      sector: c.sector,
      createdAt: c.createdAt,
      livelihood: c.livelihood,
      published: c.published,
      target: targetText(c),
      targetValue: c.targetValue,
      unit: c.unit,
      comparator: c.comparator,
      status: mine?.status ?? auto.status,
      statedValue,
      statedText: mine ? (statedValue !== null && c.unit ? `${statedValue}${c.unit}` : null) : auto.statedText,
      reportedValue,
      reportedPeriod: c.evaluation.latestPeriod,
      yearEndValue: yearEndSource === 'report' ? reportedValue : yearEndSource === 'stated' ? statedValue : null,
      yearEndSource,
      consistency: three.consistency,
      difference: three.difference,
      source: mine ? mine.source : auto.source,
      basis: mine ? (mine.statedValue !== null ? 'figure' : mine.source ? 'sentence' : auto.basis) : auto.basis,
      confidence: mine ? 1 : auto.confidence,
      confirmed: !!mine,
      note: mine?.note ?? '',
      version: mine?.version ?? 0,
    });
  });
  const counts = { kept: 0, partial: 0, missed: 0, unmentioned: 0, flagged: 0 };
  for (const r of items) {
    counts[r.status]++;
    if (r.consistency === 'statedAbove' || r.consistency === 'statedBelow') counts.flagged++;
  }
  return {
    regionCode: o.regionCode,
    year: o.year,
    documents: documents.map((d) => ({ id: d.id, filename: d.filename })),
    counts,
    // the public sees the verdict, not the departments' figures or the office's notes
    items: o.publishedOnly ? items.map((r) => ({ ...r, reportedValue: null, difference: null, consistency: null, note: '' })) : items,
  };
}

/** The documents that speak of year N: those its facts come from, and those of the year N+1 plan. */
async function sourceDocuments(q: Queryable, regionCode: string, year: number, facts: RecordedFact[]): Promise<Array<{ id: string; filename: string; text: string; planYear: number }>> {
  const ids = [...new Set(facts.map((f) => f.source?.documentId).filter((x): x is string => !!x))];
  // every document is read as one planning year N+1: what it says of year N is its review
  const docs = await q.query<{ id: string; filename: string; text: string }>(
    `select w.id, w.filename, w.text from work_report w left join plan p on p.id = w.plan_id
     where w.region_code = $1 and (w.id = any($2::uuid[]) or p.year = $3) order by w.created_at, w.id`,
    [regionCode, ids, year + 1],
  );
  return docs.map((d) => ({ ...d, planYear: year + 1 }));
}

export async function listConfirmed(q: Queryable, regionCode: string, commitmentIds: string[]): Promise<ConfirmedCheck[]> {
  return camelAll<ConfirmedCheck>(
    await q.query(
      `select commitment_id, status, stated_value::text as stated_value, source, sets_year_end, note, version
       from promise_check where region_code = $1 and commitment_id = any($2::uuid[])`,
      [regionCode, commitmentIds],
    ),
  );
}

const COMPARATOR_SIGN: Record<string, string> = { gte: '≥', lte: '≤', eq: '', approx: '约' };

/** The target as a table shows it: ≥6000人, ≤4.5%, 5–6%, 节点任务. */
export function targetText(c: Pick<Commitment, 'kind' | 'targetValue' | 'targetValueMax' | 'unit' | 'comparator'>): string {
  if (c.kind !== 'quantitative' || c.targetValue === null || !c.unit) return c.kind === 'milestone' ? '节点任务' : '定性任务';
  if (c.comparator === 'range' && c.targetValueMax !== null) return `${c.targetValue}–${c.targetValueMax}${c.unit}`;
  return `${COMPARATOR_SIGN[c.comparator ?? 'gte'] ?? ''}${c.targetValue}${c.unit}`;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** Each parent followed by its subtasks, otherwise in the order given (plan order). */
function treeOrder<T extends { id: string; parentId: string | null }>(items: T[]): T[] {
  const ids = new Set(items.map((c) => c.id));
  const kids = groupBy(items, (c) => (c.parentId !== null && ids.has(c.parentId) ? c.parentId : null));
  const out: T[] = [];
  const add = (c: T) => {
    out.push(c);
    for (const k of kids.get(c.id) ?? []) add(k);
  };
  for (const c of items) if (c.parentId === null || !ids.has(c.parentId)) add(c);
  return out;
}
