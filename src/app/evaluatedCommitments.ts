/**
 * Commitments with their computed completion, 序时进度, status and overdue flag — the view every
 * list, overview, bulletin and reminder reads. Parents roll up from their subtasks.
 */
import { evaluateCommitment, rollupEvaluation, type Evaluation } from '../domain/progress.ts';
import type { Commitment, ProgressReport, Status } from '../domain/types.ts';
import type { Queryable } from '../store/db.ts';
import { listCommitments, listCommitmentTrees, type CommitmentFilter } from '../store/commitments.ts';
import type { AppContext } from './context.ts';

/**
 * The report fields evaluation reads (department, period, state, value, milestones, version), for
 * the given commitments: lists and the overview evaluate thousands of reports and need neither
 * their text, their timestamps nor their evidence. The other fields are left empty.
 */
async function reportsForEvaluation(q: Queryable, regionCodes: string[], commitmentIds: string[]): Promise<ProgressReport[]> {
  if (!commitmentIds.length) return [];
  const rows = await q.query<Pick<ProgressReport, 'id' | 'commitmentId' | 'departmentId' | 'period' | 'state' | 'cumulativeValue' | 'milestonesDone' | 'version' | 'updatedAt'>>(
    `select id, commitment_id as "commitmentId", department_id as "departmentId", period, state, cumulative_value as "cumulativeValue",
       milestones_done as "milestonesDone", version, updated_at as "updatedAt"
     from progress_report where region_code = any($1) and commitment_id = any($2) order by commitment_id, period, created_at`,
    [regionCodes, commitmentIds],
  );
  return rows.map((r) => ({ ...r, evidence: [] }) as unknown as ProgressReport);
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

/** Evaluates commitments (with their reports already loaded) at `asOf`; parents roll up from children. */
export function evaluateAll(
  commitments: readonly Commitment[],
  reports: readonly ProgressReport[],
  asOf: string,
  ctx: Pick<AppContext, 'config'>,
): Map<string, EvaluatedCommitment> {
  const reportsBy = new Map<string, ProgressReport[]>();
  for (const r of reports) reportsBy.set(r.commitmentId, [...(reportsBy.get(r.commitmentId) ?? []), r]);
  const childrenBy = new Map<string, Commitment[]>();
  for (const c of commitments) if (c.parentId) childrenBy.set(c.parentId, [...(childrenBy.get(c.parentId) ?? []), c]);
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
  if (departmentId) {
    ({ commitments: all, matched: wanted } = await listCommitmentTrees(q, { ...rest, parentId, departmentId }));
  } else {
    wanted = new Set((await listCommitments(q, { ...rest, parentId })).map((c) => c.id));
    all = await listCommitments(q, { regionCodes: rest.regionCodes, planId: rest.planId });
  }
  const reports = await reportsForEvaluation(q, rest.regionCodes, all.map((c) => c.id));
  const evaluated = evaluateAll(all, reports, asOf, ctx);
  return [...evaluated.values()].filter(
    (c) =>
      wanted.has(c.id) &&
      (!f.statuses?.length || f.statuses.includes(c.evaluation.status)) &&
      (f.overdue === undefined || c.evaluation.overdue === f.overdue),
  );
}
