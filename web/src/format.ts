/** Chinese number, money, date and status presentation: the foundation's formatters, reused. */
export { formatMoneyWan, formatQuantity, formatRate, formatGrowth, baseUnitOf, normalize, tryParseQuantity } from '../../src/domain/quantity.ts';
export { periodLabel, dateLabel, periodRange, periodsInWindow } from '../../src/domain/schedule.ts';
import { formatQuantity, normalize } from '../../src/domain/quantity.ts';

/** A value in a commitment's written unit (万亩, 亿元, 人) shown the official way; falls back to value+unit. */
export function formatValue(value: string | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!unit) return value;
  try {
    const n = normalize(value, unit);
    return formatQuantity(n.value, n.unit);
  } catch {
    return `${value}${unit}`;
  }
}

/** 2026-03-05 → 2026年3月5日 */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An instant in local time, 2026-03-05 14:02 */
export function cnDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${Math.round(x * 10) / 10}%`);
