/**
 * 目标任务 list → Excel: the rows of the list as a workbook that prints — a title row, the header
 * repeated on every page, figures as numbers with the unit in its own column and % in the header.
 * The target as written (目标: 50.5万亩以上) says how it compares, so there is no 比较方式 column.
 * Pure (no React), so bench/render-extra.ts renders the same workbook the page downloads.
 */
import { STATUS_LABELS } from './labels.ts';
import { formatValue } from './format.ts';
import type { EvaluatedCommitment } from './model.ts';
import { buildXlsx, type Column } from './xlsx.ts';

/** The target as written: 不少于5000人, 以内4%. */
export function targetText(c: Pick<EvaluatedCommitment, 'targetValue' | 'targetValueMax' | 'unit' | 'comparator' | 'kind'>, written?: string): string {
  if (c.targetValue === null) return c.kind === 'milestone' ? '按节点推进' : '定性任务';
  // `written`: the value as its column writes it (formatColumn), so a column keeps one style
  const v = written ?? formatValue(c.targetValue, c.unit);
  if (c.comparator === 'range' && c.targetValueMax) return `${v}～${formatValue(c.targetValueMax, c.unit)}`;
  if (c.comparator === 'lte') return `不超过${v}`;
  if (c.comparator === 'eq') return v;
  if (c.comparator === 'approx') return `${v}左右`;
  return `${v}以上`;
}

// widths in Excel character units (a Chinese character is 2); a header's unit goes on a line of its own
const COLUMNS: Column[] = [
  { header: '序号', width: 5, numFmt: '0' },
  { header: '任务名称', width: 30 },
  { header: '领域', width: 9 },
  { header: '牵头单位', width: 12 },
  { header: '配合单位', width: 14 },
  { header: '目标', width: 14 },
  { header: '目标值', width: 10, numFmt: '#,##0.####' },
  { header: '单位', width: 6 },
  { header: '最新累计值', width: 10, numFmt: '#,##0.####' },
  { header: '最新期次', width: 9 },
  { header: '完成率\n（%）', width: 9, numFmt: '0.0' },
  { header: '序时进度\n（%）', width: 9, numFmt: '0.0' },
  { header: '状态', width: 9 },
  { header: '逾期', width: 11 },
  { header: '截止日期', width: 11 },
  { header: '民生\n实事', width: 6 },
  { header: '责任领导', width: 12 },
];

/** 2026-12-04 → 2026年12月4日 */
const dateZh = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);

/** The workbook of `items` as the list shows them; `deptName` names a department by id. */
export function commitmentsWorkbook(items: readonly EvaluatedCommitment[], o: { regionName: string; asOf: string; deptName: (id: string | null) => string }): Uint8Array {
  const n = (v: string | null) => (v === null ? null : Number(v));
  const rows = items.map((c, i) => [
    i + 1, c.title, c.sector, o.deptName(c.leadDepartmentId), c.coDepartmentIds.map((d) => o.deptName(d)).join('、'), targetText(c),
    n(c.targetValue), c.unit ?? '', n(c.evaluation.latestValue), c.evaluation.latestPeriod ?? '',
    c.evaluation.completionRate, c.evaluation.expectedProgress, STATUS_LABELS[c.evaluation.status],
    [c.evaluation.reportOverdue ? '逾期未报送' : '', c.evaluation.deadlineOverdue ? '逾期未完成' : ''].filter(Boolean).join('、') || '否',
    c.deadline, c.livelihood ? '是' : '否', c.responsibleLeader ?? '',
  ]);
  return buildXlsx('目标任务', COLUMNS, rows, { title: `${o.regionName}目标任务清单（截至${dateZh(o.asOf)}）` });
}
