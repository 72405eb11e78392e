/**
 * Commitments with their computed completion, 序时进度, status and overdue flag — the view every
 * list, overview, bulletin and reminder reads. Parents roll up from their subtasks.
 */
import { evaluateCommitment, rollupEvaluation, type Evaluation } from '../domain/progress.ts';
import type { Commitment, ProgressReport, Status } from '../domain/types.ts';
import type { Queryable } from '../store/db.ts';
import { leadReportsSql, listCommitmentTrees, listPlanCommitments, type CommitmentFilter, type LeadReports } from '../store/commitments.ts';
import type { AppContext } from './context.ts';

const NO_EVIDENCE: readonly never[] = Object.freeze([]);

/** The lead reports of every commitment of the regions (and plan, when given), as one JSON value. */
async function planReportsForEvaluation(q: Queryable, regionCodes: string[], planId: string | undefined): Promise<ProgressReport[]> {
  // one value rather than a row per commitment: PGlite's cost per result row grows with the result
  const [{ plan }] = (await q.query<{ plan: [id: string, lead: string, reports: LeadReports | null][] | null }>(
    `select json_agg(json_build_array(c.id, c.lead_department_id, ${leadReportsSql('c')})) as plan
     from commitment c where c.region_code = any($1) ${planId ? 'and c.plan_id = $2' : ''}`,
    planId ? [regionCodes, planId] : [regionCodes],
  )) as [{ plan: [string, string, LeadReports | null][] | null }];
  const out: ProgressReport[] = [];
  for (const [id, lead, reports] of plan ?? []) if (reports) pushReports(out, id, lead, reports);
  return out;
}

/** `LeadReports` as the report objects evaluation takes (the fields it does not read left empty). */
function pushReports(out: ProgressReport[], commitmentId: string, departmentId: string, reports: LeadReports): void {
  for (const [period, state, cumulativeValue, milestonesDone] of reports)
    out.push({ commitmentId, departmentId, period, state, cumulativeValue, milestonesDone, evidence: NO_EVIDENCE } as unknown as ProgressReport);
}

export interface EvaluatedCommitment extends Commitment {
  evaluation: Evaluation;
  subtaskCount: number;
}

export interface EvaluatedFilter extends CommitmentFilter {
  statuses?: Status[];
  overdue?: boolean;
  asOf?: string;
}

/** Items by key (items without one left out), in their order; linear. */
function groupBy<T>(items: readonly T[], keyOf: (x: T) => string | null): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const x of items) {
    const k = keyOf(x);
    if (!k) continue;
    const list = by.get(k);
    if (list) list.push(x);
    else by.set(k, [x]);
  }
  return by;
}

/** Evaluates commitments (with their reports already loaded) at `asOf`; parents roll up from children. */
export function evaluateAll(
  commitments: readonly Commitment[],
  reports: readonly ProgressReport[],
  asOf: string,
  ctx: Pick<AppContext, 'config'>,
): Map<string, EvaluatedCommitment> {
  const reportsBy = groupBy(reports, (r) => r.commitmentId);
  const childrenBy = groupBy(commitments, (c) => c.parentId);
  const out = new Map<string, EvaluatedCommitment>();
  const visit = (c: Commitment): EvaluatedCommitment => {
    const done = out.get(c.id);
    if (done) return done;
    const children = (childrenBy.get(c.id) ?? []).filter((k) => k.state !== 'cancelled').map(visit);
    const evaluation = children.length
      ? rollupEvaluation(c, children.map((k) => ({ weight: k.weight, evaluation: k.evaluation })), asOf, ctx.config)
      : evaluateCommitment(c, reportsBy.get(c.id) ?? [], asOf, ctx.config);
    const e = { ...c, evaluation, subtaskCount: children.length };
    out.set(c.id, e);
    return e;
  };
  commitments.forEach(visit);
  return out;
}

/**
 * Lists commitments matching `f`, evaluated at `f.asOf` (default today). Status and overdue
 * filters apply after evaluation. Subtasks are evaluated for their parents' roll-up even when
 * the filter shows top-level commitments only.
 */
export async function listEvaluatedCommitments(q: Queryable, ctx: AppContext, f: EvaluatedFilter): Promise<EvaluatedCommitment[]> {
  const asOf = f.asOf ?? ctx.today();
  const { parentId, departmentId, ...rest } = f;
  // A commitment's evaluation depends only on its reports and its subtasks': a department's list
  // loads its commitments and their subtask trees; any other list the whole plan scope.
  let all: Commitment[];
  let wanted: Set<string>;
  let reports: ProgressReport[];
  if (departmentId) {
    const trees = await listCommitmentTrees(q, { ...rest, parentId, departmentId });
    ({ commitments: all, matched: wanted } = trees);
    reports = [];
    for (const c of all) if (c.leadDepartmentId) pushReports(reports, c.id, c.leadDepartmentId, trees.reports.get(c.id) ?? []);
  } else {
    ({ commitments: all, matched: wanted } = await listPlanCommitments(q, { ...rest, parentId }));
    reports = await planReportsForEvaluation(q, rest.regionCodes, rest.planId);
  }
  const evaluated = evaluateAll(all, reports, asOf, ctx);
  return [...evaluated.values()].filter(
    (c) =>
      wanted.has(c.id) &&
      (!f.statuses?.length || f.statuses.includes(c.evaluation.status)) &&
      (f.overdue === undefined || c.evaluation.overdue === f.overdue),
  );
}
