/**
 * 任务填报表 (task sheet): the rows a department fills in Excel and sends back, and the rules each
 * row must pass before any of it becomes a progress report — the task exists and is the
 * department's, the unit is the task's, the number parses (1,234 / full-width digits / 1.2万 in the
 * same base unit), no task twice, and the period is open. Pure: the app layer reads the workbook and
 * the database, this module decides.
 */
import {
  CHINESE_NUMERAL_CHARS, decimalFromNumber, decimalFromString, normalize, parseChineseNumeral, QuantityError, shift, splitUnit, toHalfWidth, toNumber, toString, trimDecimal, type Decimal,
} from './quantity.ts';
import type { Commitment } from './types.ts';

/** One filled row as read from the sheet (Excel row number, cells as found). */
export interface TaskSheetRow {
  /** Excel row number (1-based), for error messages */
  row: number;
  commitmentId: string | null;
  title: string;
  /** the unit cell as found (must still be the commitment's unit) */
  unit: string | null;
  /** the new cumulative value as found: a number, text, or null when empty */
  value: string | number | null;
  narrative: string;
}

/** A refused cell: where (row, column) and why, in Chinese and English. */
export interface TaskSheetError {
  row: number;
  /** column letter and header, e.g. `G 本期累计完成值` */
  column: string;
  zh: string;
  en: string;
}

/** A row that passed: the progress report it becomes. */
export interface TaskSheetEntry {
  row: number;
  commitmentId: string;
  /** in the commitment's unit; null for a narrative-only row */
  cumulativeValue: string | null;
  narrative: string;
}

/** Columns of the sheet, letter and header; the layout writer and reader share them. */
export const TASK_SHEET_COLUMNS = {
  index: ['A', '序号'],
  title: ['B', '目标任务'],
  target: ['C', '目标值'],
  unit: ['D', '单位'],
  lastValue: ['E', '上期累计完成值'],
  lastPeriod: ['F', '上期期次'],
  value: ['G', '本期累计完成值'],
  narrative: ['H', '进展情况（含存在问题）'],
  id: ['I', '任务编号'],
} as const;
/** Row of the column headers; data rows follow. */
export const TASK_SHEET_HEADER_ROW = 4;

const col = (k: keyof typeof TASK_SHEET_COLUMNS) => TASK_SHEET_COLUMNS[k].join(' ');

type UnitError = { zh: string; en: string };

/** Divides by a unit factor exactly when it is a power of ten (万 → 10000), else to 6 decimals. */
function divideByFactor(v: Decimal, factor: Decimal): Decimal {
  const f = trimDecimal(factor);
  const digits = f.mantissa.toString();
  if (/^10*$/.test(digits)) return shift(v, f.scale - (digits.length - 1));
  return decimalFromString((toNumber(v) / toNumber(f)).toFixed(6));
}

/**
 * The value of a cell in the commitment's unit: a number; text with thousands separators,
 * full-width digits (１，２３４) or a Chinese numeral (一千二百); or with a scale or unit of the same base (1.2万 for 人, 3685人,
 * 1.2亿 for 万元 → 12000). Returns the decimal string or why it was refused.
 */
export function parseSheetValue(raw: string | number, unit: string | null): { value: string } | { error: UnitError } {
  try {
    if (typeof raw === 'number') return { value: toString(decimalFromNumber(raw)) };
    let text = toHalfWidth(raw.trim()).replace(/\s+/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
    // a whole Chinese numeral (一千二百, 两万) as digits; a trailing 万/亿 stays a scale
    const cn = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+`).exec(text)?.[0];
    if (cn) {
      const scaled = cn.length > 1 && /[万亿]$/.test(cn) && !/[万亿]/.test(cn.slice(0, -1));
      const n = parseChineseNumeral(scaled ? cn.slice(0, -1) : cn);
      if (n !== null) text = `${n}${scaled ? cn.slice(-1) : ''}${text.slice(cn.length)}`;
    }
    const m = /^([+-]?\d+(?:\.\d+)?)(十|百|千|万|亿)?(.*)$/.exec(text);
    if (!m) return { error: { zh: `“${raw}”不是有效数字`, en: `"${raw}" is not a number` } };
    const [, num, scale = '', unitText] = m;
    if (!scale && !unitText) return { value: toString(decimalFromString(num!)) };
    if (!unit) return { error: { zh: '该任务无计量单位，请只填写数字', en: 'this task has no unit; enter a plain number' } };
    const own = splitUnit(unit);
    if (!own) return { error: { zh: `任务单位“${unit}”无法换算`, en: `the task's unit "${unit}" cannot be converted` } };
    const written = scale + (unitText || own.unit);
    const given = normalize(num!, written);
    const one = normalize('1', unit);
    if (given.unit !== one.unit) {
      return { error: { zh: `单位“${written}”与任务单位“${unit}”不一致`, en: `unit "${written}" does not match the task's unit "${unit}"` } };
    }
    return { value: toString(divideByFactor(given.value, one.value)) };
  } catch (e) {
    if (e instanceof QuantityError) return { error: { zh: `“${raw}”无法识别为数量`, en: `"${raw}" is not a quantity` } };
    throw e;
  }
}

type SheetCommitment = Pick<Commitment, 'id' | 'title' | 'unit' | 'kind' | 'state' | 'leadDepartmentId' | 'coDepartmentIds' | 'regionCode'>;

const CLOSED_STATES = new Set(['draft', 'closed', 'cancelled']);

/**
 * Checks every row of a filled task sheet for `departmentId`. Rows with neither value nor narrative
 * are skipped (not filled). Returns the entries to import and every error found; the caller imports
 * nothing unless `errors` is empty.
 */
export function validateTaskSheet(input: {
  regionCode: string;
  departmentId: string;
  rows: readonly TaskSheetRow[];
  commitments: ReadonlyMap<string, SheetCommitment>;
}): { entries: TaskSheetEntry[]; errors: TaskSheetError[] } {
  const entries: TaskSheetEntry[] = [];
  const errors: TaskSheetError[] = [];
  const seen = new Map<string, number>();
  const err = (row: number, column: keyof typeof TASK_SHEET_COLUMNS, zh: string, en: string) => errors.push({ row, column: col(column), zh, en });
  for (const r of input.rows) {
    const narrative = r.narrative.trim();
    const empty = (r.value === null || (typeof r.value === 'string' && r.value.trim() === '')) && narrative === '';
    if (empty) continue;
    const c = r.commitmentId ? input.commitments.get(r.commitmentId) : undefined;
    if (!r.commitmentId || !c || c.regionCode !== input.regionCode) {
      err(r.row, 'id', '任务编号缺失或不存在，请勿修改隐藏的任务编号列', 'task id missing or unknown; do not edit the hidden task id column');
      continue;
    }
    if (c.leadDepartmentId !== input.departmentId && !c.coDepartmentIds.includes(input.departmentId)) {
      err(r.row, 'title', `本单位不是“${c.title}”的牵头或配合单位`, `this department neither leads nor helps with "${c.title}"`);
      continue;
    }
    if (CLOSED_STATES.has(c.state)) {
      err(r.row, 'title', `“${c.title}”未交办或已办结、取消，不能报送进展`, `"${c.title}" is not open for reports (state ${c.state})`);
      continue;
    }
    if (seen.has(c.id)) {
      err(r.row, 'id', `“${c.title}”在第${seen.get(c.id)}行已填报，同一任务只能填一行`, `"${c.title}" is already filled in row ${seen.get(c.id)}; one row per task`);
      continue;
    }
    seen.set(c.id, r.row);
    if ((r.unit ?? '').trim() !== (c.unit ?? '')) {
      err(r.row, 'unit', `单位“${r.unit ?? ''}”与任务单位“${c.unit ?? ''}”不一致，请勿修改单位列`, `unit "${r.unit ?? ''}" does not match the task's unit "${c.unit ?? ''}"; do not edit the unit column`);
      continue;
    }
    let value: string | null = null;
    if (r.value !== null && !(typeof r.value === 'string' && r.value.trim() === '')) {
      if (c.kind !== 'quantitative') {
        err(r.row, 'value', '该任务按节点考核，不填累计完成值，请在进展情况中说明', 'this task is measured by milestones; leave the value empty and describe progress');
        continue;
      }
      const parsed = parseSheetValue(r.value, c.unit);
      if ('error' in parsed) {
        err(r.row, 'value', parsed.error.zh, parsed.error.en);
        continue;
      }
      value = parsed.value;
      if (value.startsWith('-')) {
        err(r.row, 'value', '累计完成值不能为负数', 'the cumulative value cannot be negative');
        continue;
      }
    }
    entries.push({ row: r.row, commitmentId: c.id, cumulativeValue: value, narrative });
  }
  return { entries, errors };
}
