/**
 * Gathers what the document builders (src/domain/prose/) write from: a plan's top-level
 * commitments evaluated at a date with the reports their figures come from, and the departments'
 * 考核 standing. Read-only.
 */
import { departmentRecords, rankAssessments, scoreDepartment } from '../../domain/assessment.ts';
import { countedReports } from '../../domain/progress.ts';
import { localDate } from '../../domain/dates.ts';
import type { CommitmentFacts, DepartmentStanding, SubtaskFacts } from '../../domain/prose/facts.ts';
import { FILED_REPORT_STATES, periodRange } from '../../domain/schedule.ts';
import type { Commitment, ProgressReport } from '../../domain/types.ts';
import { listCommitments } from '../../store/commitments.ts';
import type { Queryable } from '../../store/db.ts';
import { listReports } from '../../store/reports.ts';
import { listDepartments } from '../../store/regions.ts';
import type { AppContext } from '../context.ts';
import { evaluateAll, type EvaluatedCommitment } from '../evaluatedCommitments.ts';

export interface PlanFacts {
  commitments: CommitmentFacts[];
  /** every commitment of the plan (subtasks too) evaluated, with its reports */
  evaluated: EvaluatedCommitment[];
  reports: ProgressReport[];
  departmentNames: Map<string, string>;
}

/**
 * The reports a document dated `asOf` about a period ending `through` may use: those of periods
 * ending by `through`, filed by `asOf` (a past period regenerated later shows what was known then,
 * never a later month's value).
 */
export function reportsAsOf(reports: readonly ProgressReport[], o: { asOf: string; through: string }, ctx: Pick<AppContext, 'config'>): ProgressReport[] {
  return reports.filter(
    (r) => periodRange(r.period).end <= o.through && (r.submittedAt === null || localDate(r.submittedAt, ctx.config.utcOffsetMinutes) <= o.asOf),
  );
}

const DONE = new Set(['completed', 'exceeded']);

/**
 * Top-level, non-cancelled, confirmed (not draft) commitments of `planId` with their evaluation at
 * `asOf` and their source reports, from reports of periods ending by `through` (the document's
 * period end) filed by `asOf`.
 */
export async function gatherPlanFacts(q: Queryable, ctx: AppContext, o: { regionCode: string; planId: string; asOf: string; through: string }): Promise<PlanFacts> {
  const all = (await listCommitments(q, { regionCodes: [o.regionCode], planId: o.planId })).filter((c) => c.state !== 'cancelled' && c.state !== 'draft');
  const reports = reportsAsOf(await listReports(q, [o.regionCode], all.map((c) => c.id)), o, ctx);
  const evaluated = evaluateAll(all, reports, o.asOf, ctx);
  const departments = await listDepartments(q, o.regionCode);
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const shortNames = new Map(departments.map((d) => [d.id, d.shortName]));
  const reportsBy = new Map<string, ProgressReport[]>();
  for (const r of reports) reportsBy.set(r.commitmentId, [...(reportsBy.get(r.commitmentId) ?? []), r]);
  const childrenOf = new Map<string, Commitment[]>();
  for (const c of all) if (c.parentId) childrenOf.set(c.parentId, [...(childrenOf.get(c.parentId) ?? []), c]);
  const descendants = (c: Commitment): Commitment[] => (childrenOf.get(c.id) ?? []).flatMap((k) => [k, ...descendants(k)]);
  const commitments = all
    .filter((c) => c.parentId === null)
    .map((c) => {
      const facts = toFacts(c, evaluated.get(c.id)!, reportsBy.get(c.id) ?? [], departmentNames, shortNames, o, ctx);
      const below = descendants(c);
      const missing = [c, ...below]
        .map((k) => ({ commitmentId: k.id, title: k.id === c.id ? null : k.title, periods: evaluated.get(k.id)!.evaluation.missingPeriods }))
        .filter((m) => m.periods.length > 0);
      const children: SubtaskFacts[] = (childrenOf.get(c.id) ?? []).map((k) => {
        const f = toFacts(k, evaluated.get(k.id)!, reportsBy.get(k.id) ?? [], departmentNames, shortNames, o, ctx);
        return { id: k.id, title: k.title, unit: k.unit, targetValue: k.targetValue, comparator: k.comparator, latestValue: f.valueReport ? f.evaluation.latestValue : null, valueReport: f.valueReport, done: DONE.has(f.evaluation.status) };
      });
      // what was done, in the lead departments' accepted words, the commitment's own and its subtasks'
      const narratives = [c, ...below]
        .flatMap((k) => (reportsBy.get(k.id) ?? []).filter((r) => r.state === 'accepted' && r.departmentId === k.leadDepartmentId))
        .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
        .map((r) => r.narrative);
      return { ...facts, reportsMissing: missing, deadlineOverdue: facts.evaluation.deadlineOverdue, children, narratives };
    });
  return { commitments, evaluated: [...evaluated.values()], reports, departmentNames };
}

function toFacts(
  c: Commitment, e: EvaluatedCommitment, reports: ProgressReport[], names: Map<string, string>, shortNames: Map<string, string | null>, o: { asOf: string; through: string }, ctx: AppContext,
): CommitmentFacts {
  const started = (r: ProgressReport) => periodRange(r.period).start <= o.asOf;
  const counted = countedReports(c, reports, ctx.config).filter(started);
  const valueReport =
    c.kind !== 'quantitative'
      ? (counted[counted.length - 1] ?? null)
      : e.evaluation.latestValue === null
        ? null
        : ([...counted].reverse().find((r) => r.cumulativeValue !== null && r.period === e.evaluation.latestPeriod) ?? null);
  const filed = reports
    .filter((r) => r.departmentId === c.leadDepartmentId && FILED_REPORT_STATES.includes(r.state) && started(r) && periodRange(r.period).end <= o.through)
    .sort((a, b) => (periodRange(a.period).end < periodRange(b.period).end ? -1 : periodRange(a.period).end > periodRange(b.period).end ? 1 : a.updatedAt < b.updatedAt ? -1 : 1));
  const latest = filed[filed.length - 1];
  return {
    id: c.id,
    title: c.title,
    sector: c.sector,
    livelihood: c.livelihood,
    kind: c.kind,
    unit: c.unit,
    targetValue: c.targetValue,
    comparator: c.comparator,
    deadline: c.deadline,
    subtasks: e.subtaskCount,
    leadDepartment: c.leadDepartmentId ? { id: c.leadDepartmentId, name: names.get(c.leadDepartmentId) ?? '', shortName: shortNames.get(c.leadDepartmentId) ?? null } : null,
    evaluation: e.evaluation,
    valueReport: valueReport ? { id: valueReport.id, period: valueReport.period } : null,
    latestReport: latest ? { id: latest.id, period: latest.period, narrative: latest.narrative, accepted: latest.state === 'accepted' } : null,
  };
}

/**
 * The 考核 standing of each lead department for `period` (assessment.ts), with the counts of the
 * top-level commitments it leads that are behind or overdue.
 */
export function departmentStandings(facts: PlanFacts, period: string, asOf: string, ctx: AppContext): DepartmentStanding[] {
  const top = new Set(facts.commitments.map((c) => c.id));
  const items = facts.evaluated
    .filter((c) => top.has(c.id))
    .map((c) => ({ commitment: c as Commitment, reports: facts.reports.filter((r) => r.commitmentId === c.id), evaluation: c.evaluation }));
  const ranked = rankAssessments(departmentRecords(items, period, asOf, ctx.config).map((r) => scoreDepartment(r, period, ctx.config)));
  return ranked.map((a) => {
    const led = facts.commitments.filter((c) => c.leadDepartment?.id === a.departmentId);
    return {
      departmentId: a.departmentId,
      name: facts.departmentNames.get(a.departmentId) ?? '',
      total: a.total,
      rank: a.rank,
      lagging: led.filter((c) => c.evaluation.status === 'lagging').length,
      seriouslyLagging: led.filter((c) => c.evaluation.status === 'seriouslyLagging').length,
      overdue: led.filter((c) => c.evaluation.overdue).length,
      reportsMissing: led.filter((c) => c.evaluation.reportOverdue).length,
      deadlineOverdue: led.filter((c) => c.evaluation.deadlineOverdue).length,
      commitments: led.length,
    };
  });
}
