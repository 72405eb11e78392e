import { Period } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { periodTypeOf, SaveIndicatorInput } from './input.ts';
import { saveIndicatorIn } from './saveIndicator.ts';
import { CellError, cell, importFailed, parseTable, readTable, type ColumnSpec } from './table.ts';

const period = (raw: string): string => {
  const s = raw.replace(/^(\d{4})年(\d{1,2})月$/, (_, y: string, m: string) => `${y}-${m.padStart(2, '0')}`).replace(/^(\d{4})年第?([1-4])季度$/, '$1-Q$2').replace(/^(\d{4})年$/, '$1');
  if (!Period.safeParse(s).success || s.includes('-W')) throw new CellError(`“${raw}”不是期次（如2024-03、2024-Q1、2024）`, `"${raw}" is not a period (2024-03, 2024-Q1, 2024)`);
  return s;
};

export const INDICATOR_COLUMNS: ColumnSpec[] = [
  { key: 'indicator', headers: ['指标名称', 'indicator', '指标'], required: true },
  { key: 'period', headers: ['期次', 'period'], required: true, parse: period },
  { key: 'value', headers: ['数值', 'value'], parse: cell.decimal },
  { key: 'unit', headers: ['单位', 'unit'], required: true },
  { key: 'yoyGrowth', headers: ['同比增长', 'yoyGrowth', '同比增长（%）'], parse: cell.percent },
  { key: 'cumulative', headers: ['累计', 'cumulative'], parse: cell.yesNo },
];

/**
 * 经济指标批量导入 from CSV or XLSX: each row sets one indicator's value for one period (replacing a
 * stored one). All rows are checked first; any error → nothing applied and every error listed;
 * otherwise all rows are written and audited in one transaction.
 */
export async function importIndicators(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; data: Buffer; filename: string; contentType?: string }): Promise<{ saved: number }> {
  requireAdmin(o.actor, o.regionCode);
  const table = await readTable(o.data, o.filename, o.contentType);
  const { records, errors } = parseTable(table, INDICATOR_COLUMNS);
  const seen = new Map<string, number>();
  const inputs = records.map(({ row, value }) => {
    const key = `${value.indicator}|${value.period}`;
    if (value.indicator && value.period && seen.has(key)) errors.push({ row, column: '期次', zh: `与第${seen.get(key)}行重复`, en: `duplicates row ${seen.get(key)}` });
    seen.set(key, row);
    const r = SaveIndicatorInput.safeParse({ ...value, regionCode: o.regionCode, periodType: value.period ? periodTypeOf(String(value.period)) : undefined });
    if (!r.success && !errors.some((e) => e.row === row))
      errors.push(...r.error.issues.map((i) => ({ row, column: String(i.path[0] ?? ''), zh: '格式有误', en: i.message })));
    return r;
  });
  if (errors.length) throw importFailed(errors.sort((a, b) => a.row - b.row));
  return ctx.db.transaction(async (tx) => {
    for (const i of inputs) await saveIndicatorIn(tx, o.actor, i.data!, true);
    return { saved: inputs.length };
  });
}
