/**
 * importWorkReport (导入政府工作报告): stores a work report with the region's plan for the year,
 * turns its quantified targets into draft commitments (立项草稿, to be confirmed, edited or
 * discarded later) and its results into recorded facts of the previous year.
 * Importing the same file (same sha256) into the same region again creates nothing.
 */
import { randomUUID } from 'node:crypto';
import { extractClaims, type Claim } from '../domain/extract/extract.ts';
import type { Commitment, Plan, RecordedFact, WorkReport } from '../domain/types.ts';
import { appendAudit, type Actor } from '../store/audit.ts';
import { insertCommitment } from '../store/commitments.ts';
import type { Queryable } from '../store/db.ts';
import { findPlan, findWorkReportBySha, insertFact, insertWorkReport, upsertPlan } from '../store/plans.ts';
import { camelAll } from '../store/rows.ts';
import type { AppContext } from './context.ts';
import { draftTitle } from './draftTitle.ts';
import { AppError } from './errors.ts';
import { commitmentPolicy } from './policies/commitments.ts';
import { principalOf } from './policies/principal.ts';
import { authorize, readsRegion } from './policies/scope.ts';

export interface ImportWorkReportOptions {
  /** who imports: the region's 督查室 (admin) or the system (CLI) */
  actor: Actor;
  /** 行政区划代码 of the region the report belongs to */
  regionCode: string;
  /** the plan year: targets become its draft commitments, results facts of year − 1 */
  year: number;
  /** the file name as uploaded, for the record */
  filename: string;
  /** the decoded text of the document; claim offsets refer to it */
  text: string;
  /** sha256 (hex) of the file's bytes: the same file is imported once per region */
  sha256: string;
}

export interface ImportWorkReportResult {
  /** false when this file had already been imported into the region (nothing was created) */
  created: boolean;
  workReport: WorkReport;
  plan: Plan;
  /** draft commitments from the targets, in document order */
  drafts: Commitment[];
  /** facts of year − 1 from the results, in document order */
  facts: RecordedFact[];
  /** every claim found, with offsets into `text` (for highlighting) */
  claims: Claim[];
}

/** Imports a work report (see the file comment). */
export async function importWorkReport(ctx: AppContext, options: ImportWorkReportOptions): Promise<ImportWorkReportResult> {
  const { regionCode, year, filename, text, sha256 } = options;
  if (!Number.isInteger(year) || year < 1949 || year > 2200) {
    throw new AppError('invalid_year', `年份不正确: ${year}`, `invalid year: ${year}`, 400);
  }
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('invalid_sha256', 'sha256 格式不正确', 'sha256 must be 64 hex digits', 400);
  const claims = extractClaims(text);
  return ctx.db.transaction(async (tx) => {
    const [region] = await tx.query<{ code: string; name: string }>('select code, name from region where code = $1', [regionCode]);
    const actor = principalOf(options.actor);
    authorize(actor, !!region && commitmentPolicy.create(actor, regionCode), !!region && readsRegion(actor, regionCode), ['region', '行政区']);
    if (!region) throw new AppError('not_found', `行政区 ${regionCode} 不存在`, `region ${regionCode} not found`, 404);

    const existing = await findWorkReportBySha(tx, regionCode, sha256);
    if (existing) {
      const plan = (existing.planId && (await findPlanById(tx, existing.planId))) || (await findPlan(tx, regionCode, year));
      if (!plan) throw new AppError('not_found', '已导入报告的年度计划不存在', 'the plan of the imported report is missing', 409);
      return {
        created: false,
        workReport: existing,
        plan,
        drafts: await draftsOf(tx, existing.id),
        facts: await factsOf(tx, existing.id),
        claims,
      };
    }

    let plan = await findPlan(tx, regionCode, year);
    if (!plan) {
      plan = await upsertPlan(tx, { id: randomUUID(), regionCode, year, title: `${region.name}${year}年度计划`, sourceDocumentId: null });
      await appendAudit(tx, { regionCode, actor: options.actor, action: 'plan.create', entity: 'plan', entityId: plan.id, after: plan });
    }
    const workReport = await insertWorkReport(tx, { id: randomUUID(), regionCode, planId: plan.id, filename, sha256, text });
    if (!plan.sourceDocumentId) {
      const before = plan;
      plan = await upsertPlan(tx, { ...plan, sourceDocumentId: workReport.id });
      await appendAudit(tx, { regionCode, actor: options.actor, action: 'plan.update', entity: 'plan', entityId: plan.id, before, after: plan });
    }
    await appendAudit(tx, {
      regionCode,
      actor: options.actor,
      action: 'workReport.import',
      entity: 'workReport',
      entityId: workReport.id,
      after: { filename, sha256, planId: plan.id, claims: claims.length },
    });

    const drafts: Commitment[] = [];
    const facts: RecordedFact[] = [];
    for (const c of claims) {
      const source = { documentId: workReport.id, start: c.start, end: c.end, sentence: c.sentence, heading: c.heading };
      if (c.kind === 'target') {
        const draft = await insertCommitment(tx, {
          id: randomUUID(),
          regionCode,
          planId: plan.id,
          parentId: null,
          title: draftTitle(c, claims),
          sector: sectorOf(c.heading),
          kind: 'quantitative',
          livelihood: c.livelihood,
          targetValue: c.valueText,
          targetValueMax: null,
          unit: c.unit,
          // an unqualified target (新建社区食堂6个) is a floor: doing more is 超额, not a miss
          comparator: c.comparator ?? 'gte',
          baselineValue: null,
          startDate: `${year}-01-01`,
          deadline: `${year}-12-31`,
          leadDepartmentId: null,
          coDepartmentIds: [],
          responsibleLeader: null,
          milestones: [],
          weight: 1,
          reportingFrequency: 'monthly',
          state: 'draft',
          published: false,
          source,
        });
        await appendAudit(tx, { regionCode, actor: options.actor, action: 'commitment.import', entity: 'commitment', entityId: draft.id, after: draft });
        drafts.push(draft);
      } else {
        facts.push(
          await insertFact(tx, {
            id: randomUUID(),
            regionCode,
            year: year - 1,
            subject: c.subject,
            value: c.valueText,
            unit: c.unit,
            qualifier: c.qualifier,
            source,
          }),
        );
      }
    }
    if (facts.length) {
      await appendAudit(tx, {
        regionCode,
        actor: options.actor,
        action: 'recordedFact.import',
        entity: 'workReport',
        entityId: workReport.id,
        after: { year: year - 1, count: facts.length },
      });
    }
    return { created: true, workReport, plan, drafts, facts, claims };
  });
}

/** The sector (领域/章节) from the section heading: without numbering, markers and the second half. */
function sectorOf(heading: string | null): string {
  if (!heading) return '';
  const h = heading
    .replace(/^[◆■●▲★☆◇□※\s]+/, '')
    .replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|【[^】]*】|第[一二三四五六七八九十]+部分)\s*/, '')
    .split(/[，,。；;：:\s]/)[0];
  return h.slice(0, 24);
}

async function findPlanById(q: Queryable, id: string): Promise<Plan | undefined> {
  return camelAll<Plan>(await q.query('select * from plan where id = $1', [id]))[0];
}

async function draftsOf(q: Queryable, documentId: string): Promise<Commitment[]> {
  return camelAll<Commitment>(
    await q.query(`select * from commitment where source->>'documentId' = $1 order by (source->>'start')::int`, [documentId]),
  );
}

async function factsOf(q: Queryable, documentId: string): Promise<RecordedFact[]> {
  return camelAll<RecordedFact>(
    await q.query(`select * from recorded_fact where source->>'documentId' = $1 order by (source->>'start')::int`, [documentId]),
  );
}
