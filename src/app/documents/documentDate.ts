/**
 * The 成文日期 and data date of a document about a period: by default the day after the period's
 * reports were due (or today, if earlier); an office may set another date. The data are those known
 * on that date (never after today), and a period that had not ended by then is written as 阶段性.
 */
import { addDays, minDate } from '../../domain/dates.ts';
import { periodRange, reportDueDate } from '../../domain/schedule.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

export interface DocumentDate {
  /** 成文日期 */
  issuedOn: string;
  /** the data's date: figures as known then */
  asOf: string;
  /** the period had not ended by `asOf` */
  partial: boolean;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Dates of a document on `period` (YYYY-MM or YYYY), dated `date` when given. */
export function documentDate(ctx: Pick<AppContext, 'config' | 'today'>, period: string, date?: string | null): DocumentDate {
  const { start, end } = periodRange(period);
  const today = ctx.today();
  const lastPeriod = period.length === 4 ? `${period}-12` : period;
  let issuedOn = minDate(addDays(reportDueDate(lastPeriod, ctx.config), 1), today);
  if (date) {
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new AppError('invalid_date', `成文日期应为“年-月-日”格式，如 2024-07-06：${date}`, `date must be YYYY-MM-DD, e.g. 2024-07-06: ${date}`, 400);
    }
    if (date < start) throw new AppError('invalid_date', `成文日期 ${date} 早于期次开始日 ${start}`, `date ${date} is before the period starts (${start})`, 400);
    issuedOn = date;
  }
  // before the period starts nothing is known; the figures can never be later than today
  const asOf = minDate(issuedOn, today) < start ? start : minDate(issuedOn, today);
  return { issuedOn, asOf, partial: asOf < end };
}
