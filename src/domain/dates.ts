/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), by whole days in UTC so no time zone or
 * daylight-saving shift can move a date. Pure.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date; throws on a malformed or impossible date. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`invalid date / 日期无效: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  if (new Date(t).getUTCDate() !== d || mo < 1 || mo > 12) throw new RangeError(`invalid date / 日期无效: ${iso}`);
  return t / MS_PER_DAY;
}

/** The ISO date of a day number (inverse of `dayNumber`). */
export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `iso` moved by `days` (negative moves back). */
export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Last day of a month (month 1–12), as an ISO date; knows leap years. */
export function endOfMonth(year: number, month: number): string {
  return fromDayNumber(Date.UTC(year, month, 0) / MS_PER_DAY);
}

/** The earlier / later of two ISO dates (ISO dates order as strings). */
export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);

/** The calendar date of an ISO instant on a clock `offsetMinutes` ahead of UTC (480 for China). */
export function localDate(instant: string, offsetMinutes: number): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`invalid instant / 时间无效: ${instant}`);
  return new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The month-ends of a year's trend as of `today`: each month's last day that has passed, and January's in any case. */
export function trendMonthEnds(year: number, today: string): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const end = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    if (end > today && out.length) break;
    out.push(end);
  }
  return out;
}
