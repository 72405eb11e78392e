/**
 * Department assessment (考核): a score per department and period from three parts — completion
 * against 序时进度, timeliness of reports, and the share of reports returned — weighted by
 * `config.assessmentWeights`, and a ranking with ties. Pure; the parts are returned for display.
 */
import type { Commitment, ProgressReport } from './types.ts';
import type { SupervisionConfig } from './config.ts';
import { DEFAULT_CONFIG } from './config.ts';
import type { Evaluation } from './progress.ts';
import type { ReportSlot } from './schedule.ts';
import { periodRange, reportSchedule } from './schedule.ts';
import { localDate } from './dates.ts';

/** What a department did in a period, as the store gathers it. */
export interface DepartmentRecord {
  departmentId: string;
  /** evaluations, at the period's end, of the commitments it leads (cancelled ones left out) */
  evaluations: readonly Evaluation[];
  /** reports due for the period and how many of them were filed on time (see `reportTimeliness`) */
  reportsDue: number;
  reportsOnTime: number;
  /** reports reviewed in the period and how many of those were returned (see `returnedCounts`) */
  reportsReviewed: number;
  reportsReturned: number;
}

/** One part of a score: 0–100, or null when there is nothing to measure (its weight then drops out). */
export interface ScorePart {
  score: number | null;
  weight: number;
}

/** A department's 考核 score for a period, with its parts. */
export interface Assessment {
  departmentId: string;
  period: string;
  /** weighted mean of the parts that have a score, 0–100 to one decimal; null when none has */
  total: number | null;
  parts: {
    /** 完成情况: mean over its commitments of completion against 序时进度, each capped at 100 */
    completion: ScorePart;
    /** 报送及时率: share of due reports filed on time */
    timeliness: ScorePart;
    /** 退回情况: 100 minus the share of reviewed reports returned */
    returned: ScorePart;
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * One commitment's completion against 序时进度, 0–100: 100 at or ahead of pace, otherwise
 * completion/expected×100 (at the deadline, when 序时进度 is 100, that is the completion rate).
 * Null when completion cannot be measured, unless the task is done (100).
 */
export function paceScore(e: Evaluation): number | null {
  if (e.status === 'completed' || e.status === 'exceeded') return 100;
  if (e.completionRate === null) return null;
  if (e.expectedProgress <= 0 || e.completionRate >= e.expectedProgress) return 100;
  return (e.completionRate / e.expectedProgress) * 100;
}

/** The 考核 score of one department for `period`, from its record and the configured weights. */
export function scoreDepartment(record: DepartmentRecord, period: string, config: SupervisionConfig = DEFAULT_CONFIG): Assessment {
  const w = config.assessmentWeights;
  const paces = record.evaluations.map(paceScore).filter((x): x is number => x !== null);
  const parts = {
    completion: { score: paces.length > 0 ? round1(paces.reduce((a, b) => a + b, 0) / paces.length) : null, weight: w.completion },
    timeliness: { score: record.reportsDue > 0 ? round1((record.reportsOnTime / record.reportsDue) * 100) : null, weight: w.timeliness },
    returned: {
      score: record.reportsReviewed > 0 ? round1(100 - (record.reportsReturned / record.reportsReviewed) * 100) : null,
      weight: w.returned,
    },
  };
  const scored = Object.values(parts).filter((p) => p.score !== null && p.weight > 0);
  const weight = scored.reduce((s, p) => s + p.weight, 0);
  const total = weight > 0 ? round1(scored.reduce((s, p) => s + p.weight * p.score!, 0) / weight) : null;
  return { departmentId: record.departmentId, period, total, parts };
}

/** An assessment with its place: equal totals share a rank (1, 2, 2, 4); no total, no rank. */
export type RankedAssessment = Assessment & { rank: number | null; tied: boolean };

/** Ranks assessments by total, highest first; ties share the rank and the next rank is skipped. */
export function rankAssessments(assessments: readonly Assessment[]): RankedAssessment[] {
  const scored = assessments.filter((a) => a.total !== null).sort((a, b) => b.total! - a.total! || a.departmentId.localeCompare(b.departmentId));
  const count = new Map<number, number>();
  for (const a of scored) count.set(a.total!, (count.get(a.total!) ?? 0) + 1);
  const ranked = scored.map((a) => ({
    ...a,
    rank: scored.findIndex((b) => b.total === a.total) + 1,
    tied: count.get(a.total!)! > 1,
  }));
  const unscored = assessments.filter((a) => a.total === null).map((a) => ({ ...a, rank: null, tied: false }));
  return [...ranked, ...unscored];
}

/** True when a period lies within another (a month within its quarter or year, or itself). */
function within(period: string, outer: string): boolean {
  const [p, o] = [periodRange(period), periodRange(outer)];
  return p.start >= o.start && p.end <= o.end;
}

/**
 * Timeliness counts for one commitment in the assessed `period`: its reporting periods inside
 * `period` whose due date has arrived by `asOf` (owed ones only: not those that ended before it was assigned), and how many the lead department filed on time —
 * first submitted (any state but draft) on or before the due date, on the region's clock.
 */
export function reportTimeliness(
  slots: readonly ReportSlot[],
  reports: readonly ProgressReport[],
  leadDepartmentId: string | null,
  period: string,
  asOf: string,
  config: SupervisionConfig = DEFAULT_CONFIG,
): { due: number; onTime: number } {
  const due = slots.filter((s) => s.owed && within(s.period, period) && s.dueDate <= asOf);
  const onTime = due.filter((s) =>
    reports.some(
      (r) =>
        r.period === s.period &&
        r.departmentId === leadDepartmentId &&
        r.state !== 'draft' &&
        r.submittedAt !== null &&
        localDate(r.submittedAt, config.utcOffsetMinutes) <= s.dueDate,
    ),
  );
  return { due: due.length, onTime: onTime.length };
}

/**
 * Review counts of one department's reports for the assessed `period`: reports reviewed (accepted
 * or returned) on a day inside it, and how many of those stand returned. Reports carry only their
 * latest review, so a returned-then-accepted report counts as accepted; pass counts from the
 * review history instead where the store keeps it.
 */
export function returnedCounts(
  reports: readonly ProgressReport[],
  departmentId: string,
  period: string,
  config: SupervisionConfig = DEFAULT_CONFIG,
): { reviewed: number; returned: number } {
  const { start, end } = periodRange(period);
  const reviewed = reports.filter((r) => {
    if (r.departmentId !== departmentId || r.reviewedAt === null || (r.state !== 'accepted' && r.state !== 'returned')) return false;
    const day = localDate(r.reviewedAt, config.utcOffsetMinutes);
    return day >= start && day <= end;
  });
  return { reviewed: reviewed.length, returned: reviewed.filter((r) => r.state === 'returned').length };
}

/**
 * Department records for `period`, grouped by lead department, from each commitment with its
 * reports and its evaluation (evaluated at the period's end, or `asOf` if earlier). Draft and
 * cancelled commitments and those without a lead department are left out; co-departments are
 * not assessed on commitments they only help with.
 */
export function departmentRecords(
  items: ReadonlyArray<{ commitment: Commitment; reports: readonly ProgressReport[]; evaluation: Evaluation }>,
  period: string,
  asOf: string,
  config: SupervisionConfig = DEFAULT_CONFIG,
): DepartmentRecord[] {
  const byDept = new Map<string, { departmentId: string; evaluations: Evaluation[]; reportsDue: number; reportsOnTime: number; reportsReviewed: number; reportsReturned: number }>();
  for (const { commitment: c, reports, evaluation } of items) {
    if (c.leadDepartmentId === null || c.state === 'draft' || c.state === 'cancelled') continue;
    const rec = byDept.get(c.leadDepartmentId) ?? { departmentId: c.leadDepartmentId, evaluations: [], reportsDue: 0, reportsOnTime: 0, reportsReviewed: 0, reportsReturned: 0 };
    byDept.set(c.leadDepartmentId, rec);
    rec.evaluations.push(evaluation);
    const t = reportTimeliness(reportSchedule(c, reports, config), reports, c.leadDepartmentId, period, asOf, config);
    rec.reportsDue += t.due;
    rec.reportsOnTime += t.onTime;
    const r = returnedCounts(reports, c.leadDepartmentId, period, config);
    rec.reportsReviewed += r.reviewed;
    rec.reportsReturned += r.returned;
  }
  return [...byDept.values()];
}
