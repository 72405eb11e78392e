/**
 * Figures as official writing puts them: a reported value in its commitment's unit as 22.51亿元,
 * 1.9万户, 3685人; a commitment's subject without its target (城镇新增就业3500人以上 → 城镇新增就业).
 * Pure.
 */
import { addDecimal, baseUnitOf, decimalFromString, formatQuantity, formatRate, normalize, splitUnit, toDecimal, toString, tryParseQuantity, type Decimal } from '../quantity.ts';
import type { SubtaskFacts } from './facts.ts';
import { TEMPLATES_ZH } from './templates.zh.ts';

/**
 * A value in a written unit (人, 万元, 亿元, 户, %, 公顷) in official style: scaled to 万/亿 when that
 * reads shorter (19000户 → 1.9万户, 225100万元 → 22.51亿元); units that are not their own base
 * (公顷, 名) are kept as written. Throws on an empty value.
 */
export function formatValue(value: string, unit: string | null): string {
  const v = toString(toDecimal(value));
  if (!unit) return v;
  const split = splitUnit(unit);
  if (!split) return `${v}${unit}`;
  // units that are not their own base (公顷, 千米, 公斤, 名) are written as the commitment writes them
  if (baseUnitOf(split.unit) !== split.unit) return formatQuantity(v, unit, { scale: 'none' });
  const n = normalize(v, unit);
  return formatQuantity(n.value, n.unit);
}

/**
 * A target and a value of one unit written alike: when one reads in 万/亿 and the other cannot
 * (1.1万人 beside 11880人), both are written unscaled (11000人, 11880人), exactly.
 */
export function formatPair(target: string, value: string, unit: string | null): [string, string] {
  const a = formatValue(target, unit);
  const b = formatValue(value, unit);
  const scaled = (x: string) => /[万亿]/.test(x.replace(unit ?? '', ''));
  if (!unit || scaled(a) === scaled(b)) return [a, b];
  const split = splitUnit(unit);
  if (!split || baseUnitOf(split.unit) !== split.unit) return [a, b];
  const plain = (v: string) => {
    const n = normalize(toString(toDecimal(v)), unit);
    return formatQuantity(n.value, n.unit, { scale: 'none' });
  };
  return [plain(target), plain(value)];
}

/** A completion rate in percent (105.3 → 105.3%). */
export const formatPercent = (rate: number): string => formatRate(rate, { decimals: 1 });

/**
 * The subject of a commitment title without its trailing target, or null when the title ends in no
 * quantity: 城镇新增就业3500人以上 → 城镇新增就业; 城镇调查失业率控制在5.5%以内 → 城镇调查失业率.
 */
export function commitmentSubject(title: string, trailers: readonly string[] = TEMPLATES_ZH.subjectTrailers): string | null {
  const t = title.trim().replace(/[。；;，,]+$/, '');
  for (let i = 1; i < t.length; i++) {
    if (!/[0-9０-９一二两三四五六七八九十百千万]/.test(t[i]!)) continue;
    if (!tryParseQuantity(t.slice(i))) continue;
    let subject = t.slice(0, i);
    for (let again = true; again; ) {
      again = false;
      for (const w of trailers) {
        if (subject.endsWith(w) && subject.length > w.length) {
          subject = subject.slice(0, -w.length);
          again = true;
        }
      }
    }
    subject = subject.replace(/[，,、：:]+$/, '');
    return subject.length >= 2 ? subject : null;
  }
  return null;
}

/**
 * A parent's figures summed over its subtasks, one sum per unit (rates and shares are not summed):
 * 集中开工项目 12个 + 3个 → 15个; 总投资 in 亿元 and 万元 → one sum in 亿元. Subtasks without a value
 * add nothing to the value sum; the target sum is given only when every subtask of the unit has one.
 */
export function subtaskSums(children: readonly SubtaskFacts[]): Array<{ unit: string; target: string | null; value: string | null }> {
  const groups = new Map<string, SubtaskFacts[]>();
  for (const k of children) {
    if (!k.unit || k.comparator === 'lte') continue;
    let base: string;
    try {
      base = normalize('1', k.unit).unit;
    } catch {
      continue;
    }
    if (base === '%' || base === '％' || base === '百分点') continue;
    groups.set(base, [...(groups.get(base) ?? []), k]);
  }
  const zero = decimalFromString('0');
  return [...groups.entries()].map(([base, list]) => {
    const same = list.every((k) => k.unit === list[0]!.unit);
    const unit = same ? list[0]!.unit! : base;
    const sum = (pick: (k: SubtaskFacts) => string | null): string | null => {
      const vs = list.map(pick).filter((v): v is string => v !== null);
      if (vs.length === 0) return null;
      const total = list.reduce<Decimal>((acc, k) => {
        const v = pick(k);
        return v === null ? acc : addDecimal(acc, same ? decimalFromString(v) : normalize(v, k.unit!).value);
      }, zero);
      return formatValue(toString(total), unit);
    };
    return { unit, target: list.every((k) => k.targetValue !== null) ? sum((k) => k.targetValue) : null, value: sum((k) => k.latestValue) };
  });
}
