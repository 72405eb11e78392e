/**
 * When the daily jobs (督办单 update, 催办) are due: a cron pattern read on Beijing time (UTC+8,
 * no daylight saving) restricted to working days — Monday to Friday, minus the listed holidays,
 * plus the listed make-up working days (调休上班). Pure: the clock is an argument.
 */
import { Cron } from 'croner';
import { addDays, localDate } from './dates.ts';

export const BEIJING_TIME_ZONE = 'Asia/Shanghai';
const BEIJING_OFFSET_MINUTES = 480;

/** 工作日历: national holidays and the weekend days worked in their place, as ISO dates. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** every day counts (jobs that follow the calendar date, not office hours) */
  everyDay?: boolean;
}

export const WEEKDAYS_ONLY: WorkCalendar = { holidays: new Set(), workdays: new Set() };
export const EVERY_DAY: WorkCalendar = { holidays: new Set(), workdays: new Set(), everyDay: true };

/** Whether `day` (YYYY-MM-DD) is a working day in the calendar. */
export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.everyDay || calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The Beijing calendar date of an instant. */
export function beijingDate(instant: Date): string {
  return localDate(instant.toISOString(), BEIJING_OFFSET_MINUTES);
}

/** A job's timetable: a five-field cron pattern on Beijing time, on working days only. */
export interface JobTimetable {
  cron: string;
  calendar: WorkCalendar;
}

/** One planned run: the instant and the Beijing day it runs for (the day is the run's key). */
export interface Occurrence {
  at: Date;
  day: string;
}

/** Throws a readable error when `cron` is not a valid pattern. */
export function checkCron(cron: string): void {
  new Cron(cron, { timezone: BEIJING_TIME_ZONE, paused: true });
}

function pattern(cron: string): Cron {
  return new Cron(cron, { timezone: BEIJING_TIME_ZONE, paused: true });
}

/**
 * The latest occurrence at or before `now` on a working day, not older than `lookbackDays`: the
 * run that is due (or done). After downtime this is the one run made up; older missed days are not
 * run again (their reminders would be stale, and today's run covers what they would have found).
 */
export function latestOccurrence(t: JobTimetable, now: Date, lookbackDays = 7): Occurrence | null {
  const oldest = addDays(beijingDate(now), -lookbackDays);
  let ref = new Date(now.getTime() + 1); // previousRuns looks strictly before its reference
  const cron = pattern(t.cron);
  for (;;) {
    const batch = cron.previousRuns(32, ref);
    for (const at of batch) {
      const day = beijingDate(at);
      if (day < oldest) return null;
      if (isWorkingDay(day, t.calendar)) return { at, day };
    }
    if (batch.length < 32) return null;
    ref = batch[batch.length - 1]!;
  }
}

/** The first occurrence strictly after `now` on a working day (within a year), or null. */
export function nextOccurrence(t: JobTimetable, now: Date): Occurrence | null {
  const cron = pattern(t.cron);
  const last = addDays(beijingDate(now), 366);
  let ref: Date | null = now;
  while (ref) {
    const at: Date | null = cron.nextRun(ref);
    if (!at) return null;
    const day = beijingDate(at);
    if (day > last) return null;
    if (isWorkingDay(day, t.calendar)) return { at, day };
    ref = at;
  }
  return null;
}

/** Parses a comma- or space-separated list of ISO dates (for DUBAN_HOLIDAYS / DUBAN_WORKDAYS). */
export function parseDateList(text: string | undefined, what: string): Set<string> {
  const out = new Set<string>();
  for (const item of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(item) || addDays(item, 0) !== item) throw new RangeError(`${what}: not a date (YYYY-MM-DD) / 日期无效: ${item}`);
    out.add(item);
  }
  return out;
}
