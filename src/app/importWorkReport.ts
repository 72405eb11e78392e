/**
 * importWorkReport (导入政府工作报告): stores a work report with the region's plan for the year,
 * turns its quantified targets into draft commitments (立项草稿, to be confirmed, edited or
 * discarded later) and its results into recorded facts of the previous year.
 * Importing the same file (same sha256) into the same region again creates nothing.
 */
import { randomUUID } from 'node:crypto';
import { extractDocument, type Claim, type DocumentContext, type DocumentKind } from '../domain/extract/extract.ts';
import { LIMITS } from '../domain/limits.ts';
import type { Commitment, Plan, RecordedFact, WorkReport } from '../domain/types.ts';
import { appendAudit, appendAudits, type Actor } from '../store/audit.ts';
import { insertCommitments } from '../store/commitments.ts';
import type { Queryable } from '../store/db.ts';
import { findPlan, findWorkReportBySha, insertFacts, insertWorkReport, upsertPlan } from '../store/plans.ts';
import { camelAll } from '../store/rows.ts';
import type { AppContext } from './context.ts';
import { runInHeading, sameTarget, sectorOf, suggestLead } from '../domain/extract/draftHints.ts';
import { listDepartments } from '../store/regions.ts';
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
  /** what the document is, when the user says so (read from its title and structure otherwise) */
  kind?: DocumentKind | null;
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
  /** what the document was read as: its kind and the year it plans */
  context: DocumentContext;
  /**
   * Drafts of this file that repeat commitments the plan already has (a second file for the same
   * plan: the 民生实事 list after the report): the office decides; nothing is merged across files.
   */
  repeats: { draftId: string; title: string; existingId: string; existingTitle: string }[];
}

/** Imports a work report (see the file comment). */
export async function importWorkReport(ctx: AppContext, options: ImportWorkReportOptions): Promise<ImportWorkReportResult> {
  const { regionCode, year, filename, text, sha256, kind } = options;
  if (!Number.isInteger(year) || year < 1949 || year > 2200) {
    throw new AppError('invalid_year', `年份不正确: ${year}`, `invalid year: ${year}`, 400);
  }
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('invalid_sha256', 'sha256 格式不正确', 'sha256 must be 64 hex digits', 400);
  const limits = LIMITS.workReport;
  if (text.length > limits.maxChars) {
    throw new AppError(
      'report_too_long',
      `报告文本过长（${text.length} 字，上限 ${limits.maxChars} 字），未导入任何内容：请一次导入一份政府工作报告`,
      `the report is too long (${text.length} characters, at most ${limits.maxChars}); nothing was imported: import one work report at a time`,
      400,
    );
  }
  // the document is read for the plan year given: its targets are that year's, earlier years are results
  const { claims, context } = extractDocument(text, { year, kind });
  const targets = claims.filter((c) => c.kind === 'target').length;
  if (targets > limits.maxDrafts || claims.length - targets > limits.maxFacts) {
    throw new AppError(
      'too_many_claims',
      `报告中有 ${targets} 项目标、${claims.length - targets} 项成绩，超过单次导入上限（目标 ${limits.maxDrafts} 项、成绩 ${limits.maxFacts} 项），未导入任何内容：请确认文件是一份政府工作报告，或分开导入`,
      `the report has ${targets} targets and ${claims.length - targets} results, more than one import takes (${limits.maxDrafts} targets, ${limits.maxFacts} results); nothing was imported: check that the file is one work report, or import it in parts`,
      400,
    );
  }
  return ctx.db.transaction(async (tx) => {
    const [region] = await tx.query<{ code: string; name: string }>('select code, name from region where code = $1', [regionCode]);
    const actor = principalOf(options.actor);
    authorize(actor, !!region && commitmentPolicy.create(actor, regionCode), !!region && readsRegion(actor, regionCode), ['region', '行政区']);
    if (!region) throw new AppError('not_found', `行政区 ${regionCode} 不存在`, `region ${regionCode} not found`, 404);

    const existing = await findWorkReportBySha(tx, regionCode, sha256);
    if (existing) {
      const plan = (existing.planId && (await findPlanById(tx, existing.planId))) || (await findPlan(tx, regionCode, year));
      if (!plan) throw new AppError('not_found', '已导入报告的年度计划不存在', 'the plan of the imported report is missing', 409);
      // shown as it was imported: for the plan's year, as the kind the user gave then (unless given now)
      const kindThen = kind ?? (await givenKindOf(tx, regionCode, existing.id));
      const read = plan.year === year && kindThen === (kind ?? null) ? { claims, context } : extractDocument(text, { year: plan.year, kind: kindThen });
      return {
        created: false,
        workReport: existing,
        plan,
        drafts: await draftsOf(tx, existing.id),
        facts: await factsOf(tx, existing.id),
        claims: read.claims,
        context: read.context,
        repeats: [],
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
      after: { filename, sha256, planId: plan.id, claims: claims.length, kind: context.kind, kindGiven: !!kind },
    });

    // what the region already has: its departments (to match 由…牵头), its sectors, the plan's commitments
    const departments = await listDepartments(tx, regionCode);
    const sectors = (await tx.query<{ sector: string }>(`select distinct sector from commitment where region_code = $1 and sector <> '' order by sector`, [regionCode])).map((r) => r.sector);
    const existingCommitments = await tx.query<{ id: string; title: string; target_value: string | null; unit: string | null }>(
      `select id, title, target_value, unit from commitment where plan_id = $1 and target_value is not null`, [plan.id],
    );

    // one draft per commitment: a target restated later (summary, then detail) joins the first as another source
    const planned: { claim: Claim; title: string; also: Claim[] }[] = [];
    for (const c of claims) {
      if (c.kind !== 'target' || !c.commitment) continue; // a list's own size, a range's upper bound
      const title = draftTitle(c, claims);
      const value = c.range ? c.range.low : c.valueText;
      const first = planned.find((p) => sameTarget({ value: p.claim.range ? p.claim.range.low : p.claim.valueText, unit: p.claim.unit, title: p.title }, { value, unit: c.unit, title }));
      if (first) first.also.push(c);
      else planned.push({ claim: c, title, also: [] });
    }

    // built in memory, then written with multi-row inserts: a statement per row held a large
    // import's transaction (and with PGlite the whole database) for seconds
    const draftRows: Parameters<typeof insertCommitments>[1] = [];
    for (const { claim: c, title, also } of planned) {
      const source = {
        documentId: workReport.id, start: c.start, end: c.end, sentence: c.sentence, heading: c.heading,
        ...(also.length ? { alsoAt: also.map((a) => ({ start: a.start, end: a.end, sentence: a.sentence })) } : {}),
      };
      {
        // 由区住建局牵头 / （责任单位：区教育局）: written after the target, up to the end of its line
        const lineEnd = text.indexOf('\n', c.end);
        const lead = suggestLead(`${c.sentence}${text.slice(c.end, Math.min(lineEnd < 0 ? text.length : lineEnd, c.end + 300))}`, departments);
        // the item's own run-in heading ((一)稳岗扩就业。…) before the section's heading
        const itemHeading = runInHeading(text.slice(text.lastIndexOf('\n', c.start) + 1, c.start));
        draftRows.push({
          id: randomUUID(),
          regionCode,
          planId: plan.id,
          parentId: null,
          title,
          sector: sectorOf(itemHeading, sectors) || sectorOf(c.heading, sectors),
          kind: 'quantitative',
          livelihood: c.livelihood,
          targetValue: c.range ? c.range.low : c.valueText,
          targetValueMax: c.range ? c.range.high : null,
          unit: c.unit,
          // an unqualified target (新建社区食堂6个) is a floor: doing more is 超额, not a miss
          comparator: c.comparator ?? 'gte',
          baselineValue: null,
          startDate: `${year}-01-01`,
          deadline: `${year}-12-31`,
          assignedOn: null,
          // suggested from the text; the office confirms it with the draft
          leadDepartmentId: lead,
          coDepartmentIds: [],
          responsibleLeader: null,
          milestones: [],
          weight: 1,
          reportingFrequency: 'monthly',
          state: 'draft',
          published: false,
          source,
        });
      }
    }
    const drafts = await insertCommitments(tx, draftRows);
    await appendAudits(tx, drafts.map((draft) => ({ regionCode, actor: options.actor, action: 'commitment.import', entity: 'commitment', entityId: draft.id, after: draft })));
    const repeats: ImportWorkReportResult['repeats'] = [];
    for (const draft of drafts) {
      const same = existingCommitments.find((e) => e.target_value !== null && sameTarget({ value: e.target_value, unit: e.unit, title: e.title }, { value: draft.targetValue!, unit: draft.unit, title: draft.title }));
      if (same) repeats.push({ draftId: draft.id, title: draft.title, existingId: same.id, existingTitle: same.title });
    }
    const factRows: RecordedFact[] = [];
    for (const c of claims) {
      const source = { documentId: workReport.id, start: c.start, end: c.end, sentence: c.sentence, heading: c.heading };
      if (c.kind === 'result') factRows.push({ id: randomUUID(), regionCode, year: year - 1, subject: c.subject, value: c.valueText, unit: c.unit, qualifier: c.qualifier, source });
    }
    const facts = await insertFacts(tx, factRows);
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
    return { created: true, workReport, plan, drafts, facts, claims, context, repeats };
  });
}

/** The kind the user gave when the work report was imported (recorded with its import), or null. */
async function givenKindOf(q: Queryable, regionCode: string, workReportId: string): Promise<DocumentKind | null> {
  const [row] = await q.query<{ kind: DocumentKind | null }>(
    `select after->>'kind' as kind from audit_event where region_code = $1 and entity = 'workReport' and entity_id = $2 and action = 'workReport.import' and (after->>'kindGiven')::boolean`,
    [regionCode, workReportId],
  );
  return row?.kind ?? null;
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
