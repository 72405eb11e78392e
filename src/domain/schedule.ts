/**
 * Reporting schedule (报送期次与时限): which periods a commitment reports for, when each report is
 * due, and which are missing past their due date (逾期). Pure.
 *
 * Periods: ISO week `2024-W05` (Monday–Sunday), month `2024-03`, quarter `2024-Q1`, year `2024`.
 */
import type { Commitment, ProgressReport, ReportingFrequency, ReportState } from './types.ts';
import type { SupervisionConfig } from './config.ts';
import { addDays, dayNumber, endOfMonth, fromDayNumber } from './dates.ts';

/** Report states that mean "the department has filed this period" (a returned report must be filed again). */
export const FILED_REPORT_STATES: readonly ReportState[] = ['submitted', 'accepted'];

/** One period of a commitment's reporting schedule. */
export interface ReportSlot {
  period: string;
  /** first and last day of the period */
  start: string;
  end: string;
  /** last day on which the report is on time (报送截止日) */
  dueDate: string;
  /** whether the lead department has filed a report for it (submitted or accepted) */
  filed: boolean;
  /**
   * whether the department owes it: the period ends on or after the day the commitment was
   * assigned (交办). A period that ended before is in the window and may be reported, but is
   * never missing (逾期未报送), reminded of or counted against the department.
   */
  owed: boolean;
}

/** Monday of ISO week 1 of `year`, as a day number (week 1 holds 4 January). */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumber(`${year}-01-04`);
  return jan4 - ((jan4 + 3) % 7); // day 0 (1970-01-01) was a Thursday
}

/** The period of `frequency` that contains `date`. */
export function periodOf(date: string, frequency: ReportingFrequency): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (frequency === 'monthly') return date.slice(0, 7);
  if (frequency === 'quarterly') return `${y}-Q${Math.ceil(m / 3)}`;
  const dn = dayNumber(date);
  const thursday = dn - ((dn + 3) % 7) + 3; // ISO week-year is the year of the week's Thursday
  const wy = Number(fromDayNumber(thursday).slice(0, 4));
  const week = Math.floor((thursday - isoWeekOneMonday(wy)) / 7) + 1;
  return `${wy}-W${String(week).padStart(2, '0')}`;
}

/** First and last day of a period; throws on a malformed period (or a week 53 the year lacks). */
export function periodRange(period: string): { start: string; end: string } {
  return memo(rangeCache, period, frozenPeriodRange);
}

const frozenPeriodRange = (period: string) => Object.freeze(computePeriodRange(period));

/**
 * Small caches for the pure calendar functions every evaluation calls per reporting period (a
 * weekly task has ~100 periods over two years); cleared when they grow past a bound. `compute`
 * gets the key, so that the hottest callers need not allocate a closure per call.
 */
const rangeCache = new Map<string, { start: string; end: string }>();
const windowCache = new Map<string, readonly string[]>();
const dueCache = new Map<string, string>();
function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= 20_000) cache.clear();
    v = compute(key);
    cache.set(key, v);
  }
  return v;
}

function computePeriodRange(period: string): { start: string; end: string } {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { start: `${period}-01`, end: endOfMonth(y, mo) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(period))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { start: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: endOfMonth(y, q * 3) };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(period))) {
    const monday = isoWeekOneMonday(Number(m[1])) + (Number(m[2]) - 1) * 7;
    const start = fromDayNumber(monday);
    if (Number(m[2]) >= 1 && periodOf(start, 'weekly') === period) return { start, end: fromDayNumber(monday + 6) };
  }
  if ((m = /^(\d{4})$/.exec(period))) return { start: `${period}-01-01`, end: `${period}-12-31` };
  throw new RangeError(`invalid period / 期次无效: ${period}`);
}

/** The reporting frequency a period is written in (year periods count as quarterly for due dates). */
function frequencyOfPeriod(period: string): ReportingFrequency {
  if (period.includes('-W')) return 'weekly';
  if (period.includes('-Q') || period.length === 4) return 'quarterly';
  return 'monthly';
}

/** The last on-time day for a period's report: the period's last day + `config.reportDueDays`. */
export function reportDueDate(period: string, config: SupervisionConfig): string {
  const days = config.reportDueDays[frequencyOfPeriod(period)];
  return memo(dueCache, `${period}|${days}`, () => addDays(periodRange(period).end, days));
}

/** Every period of `frequency` that overlaps the window [startDate, deadline], in order. */
export function periodsInWindow(startDate: string, deadline: string, frequency: ReportingFrequency): string[] {
  return [...memo(windowCache, `${startDate}|${deadline}|${frequency}`, () => computePeriodsInWindow(startDate, deadline, frequency))];
}

function computePeriodsInWindow(startDate: string, deadline: string, frequency: ReportingFrequency): string[] {
  const out: string[] = [];
  for (let p = periodOf(startDate, frequency); periodRange(p).start <= deadline; ) {
    out.push(p);
    p = periodOf(addDays(periodRange(p).end, 1), frequency);
  }
  return out;
}

/** True when `report` is the lead department's and in one of `states`. */
export function isLeadReport(commitment: Pick<Commitment, 'leadDepartmentId'>, report: ProgressReport, states: readonly ReportState[]): boolean {
  return commitment.leadDepartmentId !== null && report.departmentId === commitment.leadDepartmentId && states.includes(report.state);
}

/**
 * The first day a commitment's reports are owed from: its start, or the day it was assigned (交办)
 * when later — a task handed over in December owes no report for January to October.
 */
export function owedFrom(commitment: Pick<Commitment, 'startDate'> & { assignedOn?: string | null }): string {
  const assigned = commitment.assignedOn ?? null;
  return assigned !== null && assigned > commitment.startDate ? assigned : commitment.startDate;
}

/**
 * The commitment's reporting schedule over its window, each period with its due date, whether
 * the lead department has filed it and whether it is owed (its period ends on or after
 * `owedFrom`). Co-departments' reports never fill a slot.
 */
export function reportSchedule(
  commitment: Pick<Commitment, 'startDate' | 'deadline' | 'reportingFrequency' | 'leadDepartmentId'> & { assignedOn?: string | null },
  reports: readonly ProgressReport[],
  config: SupervisionConfig,
): ReportSlot[] {
  const filed = new Set<string>();
  for (const r of reports) if (isLeadReport(commitment, r, FILED_REPORT_STATES)) filed.add(r.period);
  const { startDate, deadline, reportingFrequency: frequency } = commitment;
  const d = config.reportDueDays;
  const slots = memo(slotCache, `${startDate}|${deadline}|${frequency}|${d.weekly},${d.monthly},${d.quarterly}`, () =>
    periodsInWindow(startDate, deadline, frequency).map((period) => ({ period, ...periodRange(period), dueDate: reportDueDate(period, config) })),
  );
  const from = owedFrom(commitment);
  return slots.map((s) => ({ period: s.period, start: s.start, end: s.end, dueDate: s.dueDate, filed: filed.has(s.period), owed: s.end >= from }));
}

/** A window's slots without `filed` and `owed`, per window, frequency and due days: the same for most commitments of a plan. */
const slotCache = new Map<string, readonly Omit<ReportSlot, 'filed' | 'owed'>[]>();

/** Owed slots whose due date has arrived by `asOf` (the due day included): their reports should be in. */
export function duePeriods(slots: readonly ReportSlot[], asOf: string): ReportSlot[] {
  return slots.filter((s) => s.owed && s.dueDate <= asOf);
}

/**
 * True when a slot is owed, unfiled and `asOf` is after its due date (逾期). The due day itself is
 * on time; a period that ended before the commitment was assigned is never overdue.
 */
export function isSlotOverdue(slot: ReportSlot, asOf: string): boolean {
  return slot.owed && !slot.filed && asOf > slot.dueDate;
}

/** Periods whose report is missing past its due date, in order. */
export function missingPeriods(slots: readonly ReportSlot[], asOf: string): string[] {
  return slots.filter((s) => isSlotOverdue(s, asOf)).map((s) => s.period);
}

/** Owed, unfiled slots due within `config.dueSoonDays` from `asOf` (临近提醒), the due day included. */
export function dueSoonSlots(slots: readonly ReportSlot[], asOf: string, config: SupervisionConfig): ReportSlot[] {
  const last = addDays(asOf, config.dueSoonDays);
  return slots.filter((s) => s.owed && !s.filed && s.dueDate >= asOf && s.dueDate <= last);
}

/** A period as Chinese official writing names it: 2024年3月, 2024年第1季度, 2024年第5周, 2024年. */
export function periodLabel(period: string): string {
  const [y, rest] = [period.slice(0, 4), period.slice(5)];
  if (!rest) return `${y}年`;
  if (rest.startsWith('Q')) return `${y}年第${rest.slice(1)}季度`;
  if (rest.startsWith('W')) return `${y}年第${Number(rest.slice(1))}周`;
  return `${y}年${Number(rest)}月`;
}

/** A date as Chinese official writing names it: 2024年4月5日. */
export function dateLabel(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}
