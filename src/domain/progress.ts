/**
 * Progress rules (进度规则): 完成率 (completionRate), 序时进度 (expectedProgress), lag in
 * percentage points, and the status 未启动/正常推进/滞后/严重滞后/已完成/超额完成. Pure: the store
 * and API call `evaluateCommitment` for every commitment and `rollupEvaluation` for parents.
 *
 * Rates are percentages as plain numbers (105.3 means 105.3%), rounded to one decimal in the
 * evaluation. Reported values are decimal strings; rates are not money, so `Number()` suffices.
 */
import { z } from 'zod';
import type { Commitment, Milestone, ProgressReport } from './types.ts';
import { Status } from './types.ts';
import type { SupervisionConfig } from './config.ts';
import { DEFAULT_CONFIG } from './config.ts';
import { addDays, dayNumber, maxDate, minDate } from './dates.ts';
import { isLeadReport, missingPeriods, periodRange, reportSchedule } from './schedule.ts';

/** The result of evaluating one commitment at a date; what lists, bulletins and escalation read. */
export const Evaluation = z.object({
  /** 完成率 in percent, null when it cannot be measured (no target, no report, qualitative task) */
  completionRate: z.number().nullable(),
  /** 序时进度 in percent at `measuredAt` */
  expectedProgress: z.number(),
  /** percentage points behind 序时进度 (negative when ahead); null when completionRate is null */
  lag: z.number().nullable(),
  status: Status,
  /** 逾期: either of the two below */
  overdue: z.boolean(),
  /** 逾期未报送: a report is missing past its due date */
  reportOverdue: z.boolean(),
  /** 逾期未完成: the deadline passed and the commitment is not done */
  deadlineOverdue: z.boolean(),
  /** latest counted cumulative value (decimal string) and its period */
  latestValue: z.string().nullable(),
  latestPeriod: z.string().nullable(),
  /** periods whose lead-department report is missing past its due date */
  missingPeriods: z.array(z.string()),
  /** the date 序时进度 is measured at (截至): end of the latest period whose report is due */
  measuredAt: z.string(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** A decimal string as a number; throws on anything that is not a plain decimal. */
export function parseDecimal(s: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(s.trim())) throw new RangeError(`not a decimal / 不是数值: ${s}`);
  return Number(s);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The target part of a commitment. */
export type Target = Pick<Commitment, 'comparator' | 'targetValue' | 'targetValueMax' | 'baselineValue'>;

/**
 * 完成率 of a quantitative target for a reported value, in percent (unrounded), or null when the
 * target is missing. Direction-aware:
 * - `gte` (以上/不少于): actual/target×100 (3685 of 3500 → 105.3); not capped, so >100 is 超额.
 * - `lte` (以内/控制在), the usual 逆指标 formula target/actual×100: 3.6 against 4 → 111.1 (met),
 *   4.8 against 4 → 83.3 (17% over the ceiling); capped at `config.lteRateCap` (an actual of 0).
 *   A target of 0 is 100 when the actual is 0 or less, else 0.
 * - `eq`: like `gte` but capped at 100 — an exact target is met, not beaten.
 * - `range` [target, targetMax]: 100 inside; below, actual/target×100; above, targetMax/actual×100.
 * - `approx` (左右): a range of ± `config.approxTolerancePercent` of the target around it.
 * - No comparator is read as `gte`.
 * - With a baseline (基数) on gte/lte/eq, target and actual are levels on one scale and the rate is
 *   the share of the way from baseline to target: (actual − baseline)/(target − baseline)×100
 *   (覆盖率 40 → 45, now 42 → 40; PM2.5 40 → 35, now 38 → 40).
 * Never negative.
 */
export function quantityRate(target: Target, actual: string, config: SupervisionConfig = DEFAULT_CONFIG): number | null {
  if (target.targetValue === null) return null;
  const t = parseDecimal(target.targetValue);
  const a = parseDecimal(actual);
  const comparator = target.comparator ?? 'gte';
  let rate: number;
  if (comparator === 'range' || comparator === 'approx') {
    const max = comparator === 'approx' || target.targetValueMax === null ? t : parseDecimal(target.targetValueMax);
    const band = comparator === 'approx' ? (Math.abs(t) * config.approxTolerancePercent) / 100 : 0;
    const [lo, hi] = [Math.min(t, max) - band, Math.max(t, max) + band];
    if (a >= lo && a <= hi) rate = 100;
    else if (a < lo) rate = lo > 0 ? (a / lo) * 100 : 0;
    else rate = a > 0 ? (hi / a) * 100 : 0;
  } else if (target.baselineValue !== null && parseDecimal(target.baselineValue) !== t) {
    const b = parseDecimal(target.baselineValue);
    rate = ((a - b) / (t - b)) * 100;
    if (comparator === 'eq') rate = Math.min(rate, 100);
  } else if (comparator === 'lte') {
    if (t <= 0) rate = a <= t ? 100 : 0;
    else rate = a <= 0 ? config.lteRateCap : Math.min((t / a) * 100, config.lteRateCap);
  } else {
    rate = t === 0 ? (a >= 0 ? 100 : 0) : (a / t) * 100;
    if (comparator === 'eq') rate = Math.min(rate, 100);
  }
  return Math.max(0, rate);
}

/** Share of milestones (节点) done, by weight, in percent; null when there are none. */
export function milestoneRate(milestones: readonly Milestone[], isDone: (m: Milestone) => boolean): number | null {
  const total = milestones.reduce((s, m) => s + (m.weight ?? 1), 0);
  if (milestones.length === 0 || total <= 0) return null;
  return (milestones.filter(isDone).reduce((s, m) => s + (m.weight ?? 1), 0) / total) * 100;
}

/**
 * 序时进度 at `asOf`, in percent (unrounded):
 * - with milestones: the weighted share of milestones due on or before `asOf`;
 * - otherwise elapsed days of [startDate, deadline], counting both ends and `asOf` as a whole day
 *   (0 before the start, 100 from the deadline on).
 */
export function expectedProgress(commitment: Pick<Commitment, 'startDate' | 'deadline' | 'milestones'>, asOf: string): number {
  if (commitment.milestones.length > 0) return milestoneRate(commitment.milestones, (m) => m.dueDate <= asOf) ?? 0;
  if (asOf < commitment.startDate) return 0;
  if (asOf >= commitment.deadline) return 100;
  const total = dayNumber(commitment.deadline) - dayNumber(commitment.startDate) + 1;
  return ((dayNumber(asOf) - dayNumber(commitment.startDate) + 1) / total) * 100;
}

/** Percentage points behind 序时进度 (negative when ahead). */
export function lagPoints(expected: number, completion: number): number {
  return expected - completion;
}

/**
 * The status from measured numbers, in this order:
 * 1. completion ≥ 100 → 超额完成 `exceeded` when above 100, else 已完成 `completed`;
 * 2. deadline passed (`pastDeadline`) → 严重滞后 `seriouslyLagging`;
 * 3. lag > `redLagPoints` → 严重滞后; lag ≥ `yellowLagPoints` → 滞后 `lagging`;
 * 4. nothing reported yet (`started` false) → 未启动 `notStarted`; else 正常推进 `onTrack`.
 * For a task without a measurable rate (qualitative), `closed` means 已完成.
 */
export function computeStatus(
  m: { completionRate: number | null; lag: number | null; pastDeadline: boolean; started: boolean; closed?: boolean },
  config: SupervisionConfig = DEFAULT_CONFIG,
): Status {
  if (m.completionRate !== null && m.completionRate >= 100) return m.completionRate > 100 ? 'exceeded' : 'completed';
  if (m.completionRate === null && m.closed) return 'completed';
  if (m.pastDeadline) return 'seriouslyLagging';
  if (m.lag !== null && m.lag > config.redLagPoints) return 'seriouslyLagging';
  if (m.lag !== null && m.lag >= config.yellowLagPoints) return 'lagging';
  return m.started ? 'onTrack' : 'notStarted';
}

/** The lead department's reports that count (config.countedReportStates), latest version per period. */
export function countedReports(
  commitment: Pick<Commitment, 'leadDepartmentId'>,
  reports: readonly ProgressReport[],
  config: SupervisionConfig = DEFAULT_CONFIG,
): ProgressReport[] {
  const byPeriod = new Map<string, ProgressReport>();
  for (const r of reports) {
    if (!isLeadReport(commitment, r, config.countedReportStates)) continue;
    const prev = byPeriod.get(r.period);
    if (!prev || r.version > prev.version || (r.version === prev.version && r.updatedAt > prev.updatedAt)) byPeriod.set(r.period, r);
  }
  return [...byPeriod.values()].sort((a, b) => cmp(periodRange(a.period).end, periodRange(b.period).end));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Commitment states with no reporting obligation: not yet handed over, or finished. */
const NOT_REPORTING = new Set(['draft', 'closed', 'cancelled']);

/**
 * Evaluate one commitment at `asOf` from its reports (all departments' may be passed: only the
 * lead department's counted ones measure completion; co-departments' are narrative only).
 *
 * 序时进度 and lag are measured at `measuredAt`: the end of the latest period whose report is due
 * by `asOf` — 截至上月底 for monthly reporting — so a value is compared with the expectation at the
 * date it describes, and an on-pace task does not turn yellow in the days between a month's end
 * and its report (a report that never comes shows as overdue instead). Before the first report is
 * due, `measuredAt` is the day before the start (序时进度 0); after the deadline it is `asOf`.
 * The latest value is that of the latest counted report carrying a value.
 */
export function evaluateCommitment(
  commitment: Commitment,
  reports: readonly ProgressReport[],
  asOf: string,
  config: SupervisionConfig = DEFAULT_CONFIG,
): Evaluation {
  const slots = reportSchedule(commitment, reports, config);
  const due = slots.filter((s) => s.dueDate <= asOf);
  const measuredAt =
    asOf > commitment.deadline ? asOf : due.length > 0 ? minDate(due[due.length - 1]!.end, asOf) : addDays(commitment.startDate, -1);
  const counted = countedReports(commitment, reports, config).filter((r) => periodRange(r.period).start <= asOf);
  const valued = counted.filter((r) => r.cumulativeValue !== null);
  const latest = valued.length > 0 ? valued[valued.length - 1]! : null;

  let rate: number | null;
  if (commitment.kind === 'quantitative') {
    rate = commitment.targetValue === null ? null : latest ? quantityRate(commitment, latest.cumulativeValue!, config) : 0;
  } else {
    const reportedDone = new Set(counted.flatMap((r) => r.milestonesDone));
    rate = milestoneRate(commitment.milestones, (m) => (m.doneDate !== null && m.doneDate <= asOf) || reportedDone.has(m.id));
  }
  const completionRate = rate === null ? null : round1(rate);
  const expected = round1(expectedProgress(commitment, maxDate(measuredAt, addDays(commitment.startDate, -1))));
  const lag = completionRate === null ? null : round1(lagPoints(expected, completionRate));
  const pastDeadline = asOf > commitment.deadline;
  const status = computeStatus(
    { completionRate, lag, pastDeadline, started: counted.length > 0 || (completionRate ?? 0) > 0, closed: commitment.state === 'closed' },
    config,
  );
  const reporting = !NOT_REPORTING.has(commitment.state);
  const missing = reporting ? missingPeriods(slots, asOf) : [];
  const unfinished = status !== 'completed' && status !== 'exceeded';
  const deadlineOverdue = reporting && pastDeadline && unfinished;
  return {
    completionRate,
    expectedProgress: expected,
    lag,
    status,
    overdue: missing.length > 0 || deadlineOverdue,
    reportOverdue: missing.length > 0,
    deadlineOverdue,
    latestValue: latest?.cumulativeValue ?? null,
    latestPeriod: latest?.period ?? null,
    missingPeriods: missing,
    measuredAt,
  };
}

/**
 * A parent's evaluation rolled up from its subtasks' evaluations by their weights (equal when all
 * weights are equal). Each subtask's completion counts at most 100, so one subtask beyond target
 * does not make up for another behind; a subtask without a rate counts 0. The parent is overdue
 * when any subtask is (逾期未报送 when a subtask's report is missing, 逾期未完成 when a subtask or
 * the parent is past its deadline unfinished); it owes no reports of its own (`missingPeriods` is empty, `latestValue` null).
 */
export function rollupEvaluation(
  parent: Pick<Commitment, 'deadline' | 'state'>,
  children: ReadonlyArray<{ weight: number; evaluation: Evaluation }>,
  asOf: string,
  config: SupervisionConfig = DEFAULT_CONFIG,
): Evaluation {
  const total = children.reduce((s, c) => s + c.weight, 0);
  const avg = (f: (e: Evaluation) => number) =>
    total > 0 ? round1(children.reduce((s, c) => s + c.weight * f(c.evaluation), 0) / total) : 0;
  const completionRate = children.length > 0 ? avg((e) => Math.min(e.completionRate ?? 0, 100)) : null;
  const expected = avg((e) => e.expectedProgress);
  const lag = completionRate === null ? null : round1(expected - completionRate);
  const status = computeStatus(
    {
      completionRate,
      lag,
      pastDeadline: asOf > parent.deadline,
      started: children.some((c) => c.evaluation.status !== 'notStarted'),
      closed: parent.state === 'closed',
    },
    config,
  );
  const latest = children.map((c) => c.evaluation.latestPeriod).filter((p): p is string => p !== null);
  const measured = children.map((c) => c.evaluation.measuredAt);
  const reportOverdue = children.some((c) => c.evaluation.reportOverdue);
  const deadlineOverdue =
    children.some((c) => c.evaluation.deadlineOverdue) ||
    (asOf > parent.deadline && status !== 'completed' && status !== 'exceeded' && !['closed', 'cancelled'].includes(parent.state));
  return {
    completionRate,
    expectedProgress: expected,
    lag,
    status,
    overdue: reportOverdue || deadlineOverdue,
    reportOverdue,
    deadlineOverdue,
    latestValue: null,
    latestPeriod: latest.length > 0 ? latest.sort((a, b) => cmp(periodRange(a).end, periodRange(b).end))[latest.length - 1]! : null,
    missingPeriods: [],
    measuredAt: measured.length > 0 ? measured.sort()[measured.length - 1]! : asOf,
  };
}
