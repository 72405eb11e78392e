/** Chinese number, money, date and status presentation: the foundation's formatters, reused. */
export { formatMoneyWan, formatQuantity, formatRate, formatGrowth, baseUnitOf, normalize, tryParseQuantity } from '../../src/domain/quantity.ts';
export { periodLabel, dateLabel, periodRange, periodsInWindow } from '../../src/domain/schedule.ts';
import { baseUnitOf, formatQuantity, normalize, splitUnit, toDecimal, toString, type FormatOptions } from '../../src/domain/quantity.ts';

/** A quantity as stored: a value in its written unit (万元, 人, 千米 …). */
export interface Cell { value: string | null | undefined; unit: string | null | undefined }

/** 千米 and 公里 are one unit: written the way offices write it. */
const spoken = (unit: string) => unit.replace(/千米$/, '公里');

/** The number part of a formatted quantity: "1.26万人" → "1.26". */
const numberOf = (text: string) => /^-?[\d.]+/.exec(text)?.[0] ?? '';
const readsWell = (text: string) => {
  const n = numberOf(text);
  return Math.abs(Number(n)) >= 1 && (n.split('.')[1]?.length ?? 0) <= 2;
};

/**
 * The values of one column, each in its written unit, written alike (the official way): one scale
 * per kind of unit for the whole column — 万/亿 (公里 for 米) only when every value of that kind
 * reads in it as at least 1 with at most two decimals, else the plain unit — so 11880人 never
 * stands beside 1.26万人, nor 9000万元 beside 1.8亿元. Units that are not their own base (公顷,
 * 亿公斤, 名) stay as written; 千米 is written 公里. Exact: nothing is rounded.
 */
export function formatColumn(cells: readonly Cell[]): string[] {
  type Plan = { base: string; value: string } | { text: string };
  const plans: Plan[] = cells.map(({ value, unit }) => {
    if (value === null || value === undefined || value === '') return { text: '—' };
    if (!unit) return { text: value };
    const written = spoken(unit);
    const split = splitUnit(written);
    if (!split) return { text: `${value}${unit}` };
    if (baseUnitOf(split.unit) !== split.unit) return { text: `${toString(toDecimal(value))}${written}` };
    try {
      const n = normalize(value, written);
      return { base: n.unit, value: toString(n.value) };
    } catch {
      return { text: `${value}${unit}` };
    }
  });
  const scaleOf = new Map<string, FormatOptions['scale']>();
  for (const base of new Set(plans.flatMap((p) => ('base' in p ? [p.base] : [])))) {
    const values = plans.flatMap((p) => ('base' in p && p.base === base && Number(p.value) !== 0 ? [p.value] : []));
    const candidates: FormatOptions['scale'][] = base === '米' ? ['auto'] : ['亿', '万'];
    const fits = (scale: FormatOptions['scale']) => values.length > 0 && values.every((v) => {
      const text = formatQuantity(v, base, { scale });
      return readsWell(text) && (base !== '米' || text.endsWith('公里'));
    });
    scaleOf.set(base, candidates.find(fits) ?? 'none');
  }
  return plans.map((p) => {
    if ('text' in p) return p.text;
    const scale = scaleOf.get(p.base)!;
    // a zero in a column of 公里 is 0公里, not 0米
    if (scale === 'auto' && Number(p.value) === 0) return '0公里';
    return formatQuantity(p.value, p.base, { scale });
  });
}

/** One value in its written unit, the official way (19000户 → 1.9万户, 11880人, 22.19千米 → 22.19公里). */
export function formatValue(value: string | null | undefined, unit: string | null | undefined): string {
  return formatColumn([{ value, unit }])[0]!;
}

/** A column's cells by row: `key` of each row → its formatted value, all written alike (see formatColumn). */
export function columnFormat<T>(rows: readonly T[], cell: (row: T) => Cell): Map<T, string> {
  const texts = formatColumn(rows.map(cell));
  return new Map(rows.map((r, i) => [r, texts[i]!]));
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
