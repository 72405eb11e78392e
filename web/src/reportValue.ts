/**
 * Reading a reported value as people type it: "3500", "3,500", "0.35万人", "三千五百人". A number
 * with a unit is converted into the commitment's unit (0.35万人 → 3500 for a target in 人);
 * a unit of another kind (亩 for a target in 人) is an error.
 */
import { normalize, toNumber, tryParseQuantity } from '../../src/domain/quantity.ts';

export type ParsedValue = { value: string; converted: boolean } | { error: string };

const plain = (n: number): string => {
  const s = n.toFixed(6).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
};

export function parseReportedValue(raw: string, unit: string | null): ParsedValue {
  const text = raw.trim().replace(/[,，\s]/g, '');
  if (!text) return { error: '请填写累计完成值' };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: text, converted: false };
  const q = tryParseQuantity(text);
  if (!q) return { error: `“${raw}”不是数值，请填写数字，可带单位，如 3500 或 0.35万${unit ?? ''}` };
  if (!q.unit || !unit) return { value: plain(toNumber(q.value)), converted: false };
  let target;
  try {
    target = normalize('1', unit);
  } catch {
    return q.unit === unit ? { value: plain(toNumber(q.value)), converted: false } : { error: `单位应为“${unit}”` };
  }
  if (q.normalized.unit !== target.unit) return { error: `单位“${q.unit}”与任务单位“${unit}”不一致` };
  const value = plain(toNumber(q.normalized.value) / toNumber(target.value));
  return { value, converted: q.unit !== unit };
}
