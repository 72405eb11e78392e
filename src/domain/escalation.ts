/**
 * The escalation ladder (督办升级): 临近提醒 `dueSoon` (blue) → 催办 `urge` → 黄色督办单 `yellow` →
 * 红色督办单 `red`. From an evaluated commitment and its reporting schedule, which slips should be
 * open at a date; and, given the slips open now, which to open and which to close (a slip closes
 * when its cause is gone). Pure: the reminder job persists, notifies and audits.
 */
import type { Commitment, EscalationLevel, SupervisionSlip } from './types.ts';
import type { SupervisionConfig } from './config.ts';
import { DEFAULT_CONFIG } from './config.ts';
import type { Evaluation } from './progress.ts';
import type { ReportSlot } from './schedule.ts';
import { dateLabel, dueSoonSlots, isSlotOverdue, periodLabel } from './schedule.ts';
import { daysBetween } from './dates.ts';
import { roundDecimal, toDecimal, toString } from './quantity.ts';

/** A slip or reminder that should be open. */
export interface SlipSpec {
  commitmentId: string;
  /** the department it is addressed to: the lead department */
  departmentId: string | null;
  level: EscalationLevel;
  /** the reporting period it is about (dueSoon, urge); null for yellow/red, one per commitment */
  period: string | null;
  /** 督办事由, in Chinese */
  reason: string;
  /** the date the reason refers to: the due date (dueSoon, urge) or the date progress is measured at */
  date: string;
}

/** What identifies a slip across runs: commitment, level and period (not the wording of its reason). */
export function slipKey(s: Pick<SlipSpec, 'commitmentId' | 'level' | 'period'>): string {
  return `${s.commitmentId}|${s.level}|${s.period ?? ''}`;
}

/** One decimal at most, as every document writes figures: 40 (never 40.0), 39.4 — with % or 个百分点 after it. */
const pct = (x: number) => toString(roundDecimal(toDecimal(x), 1));
/** States in which nothing is chased: not yet handed over, or finished. */
const QUIET_STATES = new Set(['draft', 'closed', 'cancelled']);

/**
 * The slips that should be open for one commitment at `asOf`:
 * - 临近提醒 for each unfiled report due within `dueSoonDays`;
 * - 催办 for each report missing past its due date;
 * - 红色督办单 when the status is 严重滞后 (beyond `redLagPoints`, or past the deadline unfinished)
 *   or a report has been missing more than `redAfterOverdueDays`; otherwise
 * - 黄色督办单 when the status is 滞后 (behind 序时进度 by `yellowLagPoints` or more).
 * Yellow and red are exclusive: red replaces yellow. Nothing is open for a draft, closed or
 * cancelled commitment. `schedule` is the commitment's `reportSchedule`.
 */
export function escalationsFor(
  commitment: Pick<Commitment, 'id' | 'title' | 'state' | 'deadline' | 'leadDepartmentId'>,
  evaluation: Evaluation,
  schedule: readonly ReportSlot[],
  asOf: string,
  config: SupervisionConfig = DEFAULT_CONFIG,
): SlipSpec[] {
  if (QUIET_STATES.has(commitment.state)) return [];
  const base = { commitmentId: commitment.id, departmentId: commitment.leadDepartmentId };
  // a title inside “…” has its own double quotes made single: “建设改造‘四好农村路’30条”
  const title = `“${commitment.title.replace(/“/g, '‘').replace(/”/g, '’')}”`;
  const out: SlipSpec[] = [];
  for (const s of dueSoonSlots(schedule, asOf, config)) {
    out.push({ ...base, level: 'dueSoon', period: s.period, date: s.dueDate, reason: `${title}${periodLabel(s.period)}进展须于${dateLabel(s.dueDate)}前报送` });
  }
  const overdue = schedule.filter((s) => isSlotOverdue(s, asOf));
  for (const s of overdue) {
    out.push({
      ...base, level: 'urge', period: s.period, date: s.dueDate,
      reason: `${title}${periodLabel(s.period)}进展已超过报送时限（${dateLabel(s.dueDate)}），请尽快报送`,
    });
  }

  const red: string[] = [];
  if (evaluation.status === 'seriouslyLagging') {
    if (asOf > commitment.deadline) red.push(`已过截止日期（${dateLabel(commitment.deadline)}）仍未完成`);
    else if (evaluation.lag !== null) red.push(lagText(evaluation));
  }
  const longMissing = overdue.filter((s) => daysBetween(s.dueDate, asOf) > config.redAfterOverdueDays);
  if (longMissing.length > 0) {
    red.push(`${longMissing.map((s) => periodLabel(s.period)).join('、')}进展逾期超过${config.redAfterOverdueDays}天未报送`);
  }
  if (red.length > 0) {
    out.push({ ...base, level: 'red', period: null, date: evaluation.measuredAt, reason: `${title}${red.join('；')}` });
  } else if (evaluation.status === 'lagging') {
    out.push({ ...base, level: 'yellow', period: null, date: evaluation.measuredAt, reason: `${title}${lagText(evaluation)}` });
  }
  return out;
}

function lagText(e: Evaluation): string {
  return `截至${dateLabel(e.measuredAt)}完成${pct(e.completionRate ?? 0)}%，落后序时进度（${pct(e.expectedProgress)}%）${pct(e.lag ?? 0)}个百分点`;
}

/**
 * Given the slips that should be open (`wanted`, from `escalationsFor` over a scope of
 * commitments) and those open now (`open`, same scope; closed ones are ignored), which to open and
 * which to close. A slip stays open while its cause persists, even if its wording changes.
 */
export function diffSlips<T extends Pick<SupervisionSlip, 'commitmentId' | 'level' | 'period'> & { closedOn?: string | null }>(
  wanted: readonly SlipSpec[],
  open: readonly T[],
): { toOpen: SlipSpec[]; toClose: T[] } {
  const stillOpen = open.filter((s) => !s.closedOn);
  const openKeys = new Set(stillOpen.map(slipKey));
  const wantedKeys = new Set(wanted.map(slipKey));
  const seen = new Set<string>();
  const toOpen = wanted.filter((w) => {
    const k = slipKey(w);
    if (openKeys.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { toOpen, toClose: stillOpen.filter((s) => !wantedKeys.has(slipKey(s))) };
}
