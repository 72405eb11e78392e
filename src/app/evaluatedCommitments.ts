/**
 * Commitments with their computed completion, 序时进度, status and overdue flag — the view every
 * list, overview, bulletin and reminder reads. Parents roll up from their subtasks.
 */
import { evaluateCommitment, rollupEvaluation, type Evaluation } from '../domain/progress.ts';
import type { Commitment, ProgressReport, Status } from '../domain/types.ts';
import type { Queryable } from '../store/db.ts';
import { leadReportsSql, listCommitmentTrees, listPlanCommitments, listTreesAbove, type CommitmentFilter, type LeadReports } from '../store/commitments.ts';
import type { AppContext } from './context.ts';

const NO_EVIDENCE: readonly never[] = Object.freeze([]);

/** The `LeadReports` of every commitment of the regions (and plan, when given), by commitment id. */
async function planLeadReports(q: Queryable, regionCodes: string[], planId: string | undefined): Promise<Map<string, LeadReports>> {
  // one value rather than a row per commitment: PGlite's cost per result row grows with the result
  const [{ plan }] = (await q.query<{ plan: [id: string, reports: LeadReports | null][] | null }>(
    `select json_agg(json_build_array(c.id, ${leadReportsSql('c')})) as plan
     from commitment c where c.region_code = any($1) ${planId ? 'and c.plan_id = $2' : ''}`,
    planId ? [regionCodes, planId] : [regionCodes],
  )) as [{ plan: [string, LeadReports | null][] | null }];
  const out = new Map<string, LeadReports>();
  for (const [id, reports] of plan ?? []) if (reports) out.set(id, reports);
  return out;
}

/**
 * A commitment's `LeadReports` as the report objects evaluation takes (the fields it does not
 * read left empty), made when its evaluation needs them, so they are short-lived.
 */
const leadReportsOf = (by: Map<string, LeadReports>) => (c: Commitment): ProgressReport[] =>
  (by.get(c.id) ?? []).map(([period, state, cumulativeValue, milestonesDone]) =>
    ({ commitmentId: c.id, departmentId: c.leadDepartmentId, period, state, cumulativeValue, milestonesDone, evidence: NO_EVIDENCE }) as unknown as ProgressReport);

export interface EvaluatedCommitment extends Commitment {
  evaluation: Evaluation;
  subtaskCount: number;
}

export interface EvaluatedFilter extends CommitmentFilter {
  statuses?: Status[];
  /** true/false: 逾期 or not; 'report': 逾期未报送 only; 'deadline': 逾期未完成 only */
  overdue?: boolean | 'report' | 'deadline';
  asOf?: string;
  /**
   * Only the top-level commitments above these ids (an id may be a top-level one itself, or gone)
   * with their subtasks, of the filter's first region: what a district's kept evaluation re-evaluates after a write.
   */
  above?: string[];
}

/** Items by key (items whose key is null left out), in their order; linear. */
export function groupBy<T>(items: readonly T[], keyOf: (x: T) => string | null): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const x of items) {
    const k = keyOf(x);
    if (k === null) continue;
    const list = by.get(k);
    if (list) list.push(x);
    else by.set(k, [x]);
  }
  return by;
}

/**
 * Evaluates commitments at `asOf` with their reports (all loaded, or a function giving a
 * commitment's); parents roll up from children.
 */
export function evaluateAll(
  commitments: readonly Commitment[],
  reports: readonly ProgressReport[] | ((c: Commitment) => readonly ProgressReport[]),
  asOf: string,
  ctx: Pick<AppContext, 'config'>,
): Map<string, EvaluatedCommitment> {
  const reportsBy = typeof reports === 'function' ? null : groupBy(reports, (r) => r.commitmentId);
  const reportsOf = typeof reports === 'function' ? reports : (c: Commitment) => reportsBy!.get(c.id) ?? [];
  const childrenBy = groupBy(commitments, (c) => c.parentId);
  const out = new Map<string, EvaluatedCommitment>();
  const visit = (c: Commitment): EvaluatedCommitment => {
    const done = out.get(c.id);
    if (done) return done;
    const children = (childrenBy.get(c.id) ?? []).filter((k) => k.state !== 'cancelled').map(visit);
    const evaluation = children.length
      ? rollupEvaluation(c, children.map((k) => ({ weight: k.weight, evaluation: k.evaluation })), asOf, ctx.config)
      : evaluateCommitment(c, reportsOf(c), asOf, ctx.config);
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
  return (await loadEvaluator(q, ctx, f))(f.asOf ?? ctx.today());
}

/**
 * Loads what the list `f` needs once and gives its evaluation at any date (`f.asOf` is ignored):
 * a district's monthly trend is one load and an evaluation per month-end.
 */
export async function loadEvaluator(q: Queryable, ctx: AppContext, f: EvaluatedFilter): Promise<(asOf: string) => EvaluatedCommitment[]> {
  const { parentId, departmentId, above, ...rest } = f;
  // A commitment's evaluation depends only on its reports and its subtasks': a department's list
  // loads its commitments and their subtask trees, a list `above` some ids those ids' trees; any
  // other list the whole plan scope.
  let all: Commitment[];
  let wanted: Set<string>;
  let reports: Map<string, LeadReports>;
  if (above) {
    ({ commitments: all, matched: wanted, reports } = await listTreesAbove(q, { ...rest, parentId, departmentId }, above));
  } else if (departmentId) {
    ({ commitments: all, matched: wanted, reports } = await listCommitmentTrees(q, { ...rest, parentId, departmentId }));
  } else {
    ({ commitments: all, matched: wanted } = await listPlanCommitments(q, { ...rest, parentId }));
    reports = await planLeadReports(q, rest.regionCodes, rest.planId);
  }
  const reportsOf = leadReportsOf(reports);
  return (asOf) => [...evaluateAll(all, reportsOf, asOf, ctx).values()].filter(
    (c) =>
      wanted.has(c.id) &&
      (!f.statuses?.length || f.statuses.includes(c.evaluation.status)) &&
      (f.overdue === undefined ||
        (f.overdue === 'report' ? c.evaluation.reportOverdue : f.overdue === 'deadline' ? c.evaluation.deadlineOverdue : c.evaluation.overdue === f.overdue)),
  );
}
