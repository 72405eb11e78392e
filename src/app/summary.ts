/** Counts of evaluated commitments by status, sector and lead department (总览). */
import { STATUSES, type CommitmentState, type Status } from '../domain/types.ts';
import { groupBy, listEvaluatedCommitments, type EvaluatedCommitment, type EvaluatedFilter } from './evaluatedCommitments.ts';
import type { Queryable } from '../store/db.ts';
import type { AppContext } from './context.ts';

/** States of commitments under supervision: drafts (立项, not yet handed over) and cancelled ones are not counted. */
export const SUPERVISED_STATES: CommitmentState[] = ['assigned', 'acknowledged', 'inProgress', 'closeRequested', 'closed'];

export interface SummaryGroup {
  key: string;
  total: number;
  byStatus: Record<Status, number>;
  overdue: number;
  /** 逾期未报送: a report missing past its due date */
  reportOverdue: number;
  /** 逾期未完成: past the deadline, not done */
  deadlineOverdue: number;
  /** mean completion rate of those with one, capped at 100 each */
  averageCompletion: number | null;
}

export interface Summary {
  total: SummaryGroup;
  bySector: SummaryGroup[];
  byDepartment: SummaryGroup[];
}

function group(key: string, items: EvaluatedCommitment[]): SummaryGroup {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let overdue = 0;
  let reportOverdue = 0;
  let deadlineOverdue = 0;
  const rates: number[] = [];
  for (const c of items) {
    byStatus[c.evaluation.status]++;
    if (c.evaluation.overdue) overdue++;
    if (c.evaluation.reportOverdue) reportOverdue++;
    if (c.evaluation.deadlineOverdue) deadlineOverdue++;
    if (c.evaluation.completionRate !== null) rates.push(Math.min(100, c.evaluation.completionRate));
  }
  const averageCompletion = rates.length ? Math.round((rates.reduce((a, b) => a + b, 0) / rates.length) * 10) / 10 : null;
  return { key, total: items.length, byStatus, overdue, reportOverdue, deadlineOverdue, averageCompletion };
}

const zhCompare = new Intl.Collator('zh-CN').compare;

function groups(items: EvaluatedCommitment[], keyOf: (c: EvaluatedCommitment) => string): SummaryGroup[] {
  return [...groupBy(items, keyOf)].sort(([a], [b]) => zhCompare(a, b)).map(([k, v]) => group(k, v));
}

/** Totals, and the same counts per sector and per lead department id ('' when unassigned). */
export function summarize(items: EvaluatedCommitment[]): Summary {
  return {
    total: group('total', items),
    bySector: groups(items, (c) => c.sector),
    byDepartment: groups(items, (c) => c.leadDepartmentId ?? ''),
  };
}

/** The summary of the top-level commitments under supervision that match `f` (总览: GET /api/commitments/summary). */
export async function commitmentSummary(q: Queryable, ctx: AppContext, f: Omit<EvaluatedFilter, 'parentId' | 'states'>): Promise<Summary> {
  return summarize(await listEvaluatedCommitments(q, ctx, { ...f, parentId: null, states: SUPERVISED_STATES, unordered: true }));
}
