/**
 * The bulletin's tables as an Excel workbook that prints: 总体情况 (counts and the 考核 ranking),
 * 民生实事, and one sheet per lead department with its commitments, figures, status and latest
 * reason. Figures are numbers with number formats and their unit in a column of their own (a
 * parent's sums over several units stay text); every sheet has borders, a frozen header, print
 * titles, A4 landscape fitted to the page width, and rows tall enough for their wrapped text.
 */
import ExcelJS from 'exceljs';
import { deadlineOverdue, livelihoodFigures, praiseAndCriticise, reportsMissing, statusCell } from '../domain/prose/bulletin.ts';
import { plainText } from '../domain/prose/document.ts';
import type { BulletinData, CommitmentFacts } from '../domain/prose/facts.ts';
import { dateLabel, periodLabel } from '../domain/schedule.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const STATUS_FILL: Record<string, string> = { lagging: 'FFFFF2CC', seriouslyLagging: 'FFF8CBAD' };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
/** points a wrapped line of 11 pt text takes */
const LINE_PT = 17; // 11 pt CJK text: 宋体 takes 14.25 pt a line, Noto Sans CJK (LibreOffice on Linux) 16

/** A valid, unique sheet name (≤ 31 characters, none of []:*?/\). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

/** Display width in Excel character units: CJK 2, others 1. */
const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);

/** Lines a text `r` lines' worth long takes wrapped: one on one line, 5% more when it wraps. */
const wrapped = (r: number) => (r <= 1 ? 1 : Math.ceil(r * 1.05));
/**
 * Lines `text` takes in a column `columnWidth` wide: each of its own lines (`\n`) wrapped, and one
 * more for a line nearly full (the font may be wider and punctuation cannot start a line).
 */
const linesIn = (text: string, columnWidth: number) => text.split('\n').reduce((n, l) => n + wrapped(width(l) / Math.max(1, columnWidth - 1)), 0);

/** A header too wide for its column with its unit on a line of its own: 序时进度（%） → 序时进度\n（%）, never 序时进（ / %）. */
export const headerText = (header: string, columnWidth: number): string =>
  header.includes('\n') || width(header) <= columnWidth - 1 ? header : header.replace(/(?<=.)（[^（）]*）$/, '\n$&');

/**
 * A table: header row (see headerText), bordered body, bordered body, column widths, number formats, and row heights for wrapped text. */
export function table(ws: ExcelJS.Worksheet, start: number, columns: Array<{ header: string; width: number; numFmt?: string }>, rows: ExcelJS.CellValue[][]) {
  const head = ws.getRow(start);
  const headers = columns.map((c) => headerText(c.header, c.width));
  head.values = headers;
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  head.height = LINE_PT * Math.max(1, ...columns.map((c, i) => linesIn(headers[i]!, c.width)));
  rows.forEach((values, i) => {
    const row = ws.getRow(start + 1 + i);
    row.values = values;
    let lines = 1;
    columns.forEach((col, j) => {
      const cell = row.getCell(j + 1);
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: typeof values[j] === 'number' ? 'right' : 'left' };
      if (col.numFmt && typeof values[j] === 'number') cell.numFmt = col.numFmt;
      const text = values[j] === null || values[j] === undefined ? '' : String(values[j]);
      lines = Math.max(lines, linesIn(text, col.width));
    });
    row.height = LINE_PT * lines + 3;
  });
  // never exactly 9: ExcelJS takes 9 for its default width and leaves the column out, so it prints 8.43 wide
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width === 9 ? 9.01 : c.width));
}

/** Prints on A4 landscape, fitted to the page width, with the rows up to `headerRow` on every page; header frozen. */
export function printable(ws: ExcelJS.Worksheet, headerRow: number) {
  ws.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
}

/** A decimal string as a number (null stays null). */
const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** The latest narrative, marked with its month when its report still awaits review. */
function narrativeCell(c: CommitmentFacts): string {
  const r = c.latestReport;
  const text = r?.narrative.trim();
  if (!r || !text) return '—';
  return r.accepted === false && r.id !== c.valueReport?.id ? `（${periodLabel(r.period).slice(5)}报送，待审核）${text}` : text;
}

/** Target, value and rate cells: numbers in the commitment's unit where it has one, the document's text otherwise. */
function figureCells(c: CommitmentFacts): [ExcelJS.CellValue, ExcelJS.CellValue, ExcelJS.CellValue, ExcelJS.CellValue] {
  const f = livelihoodFigures(c);
  const text = (p: typeof f.target) => plainText([p]);
  const own = c.unit !== null && c.targetValue !== null;
  const target = own ? num(c.targetValue) : text(f.target);
  const value = own && text(f.value) !== '—' ? num(c.evaluation.latestValue) : text(f.value);
  const rate = text(f.rate) === '—' ? '—' : c.evaluation.completionRate;
  return [own ? c.unit : '—', target, value, rate];
}

const COMMITMENT_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '目标任务', width: 36 },
  { header: '领域', width: 10 },
  { header: '单位', width: 7 },
  { header: '目标', width: 12, numFmt: '#,##0.##' },
  { header: '累计完成', width: 12, numFmt: '#,##0.##' },
  { header: '完成率（%）', width: 10, numFmt: '0.0' },
  { header: '序时进度（%）', width: 10, numFmt: '0.0' },
  { header: '状态', width: 12 },
  { header: '逾期未报期次', width: 14 },
  { header: '最新进展（单位反映）', width: 48 },
];

function commitmentRows(list: CommitmentFacts[]): ExcelJS.CellValue[][] {
  return list.map((c, i) => {
    const e = c.evaluation;
    const [unit, target, value, rate] = figureCells(c);
    const missing = (c.reportsMissing ?? []).map((m) => `${m.title ? `${m.title}：` : ''}${m.periods.map(periodLabel).join('、')}`).join('；');
    return [i + 1, c.title, c.sector, unit, target, value, rate, e.expectedProgress, statusCell(c), missing || '—', narrativeCell(c)];
  });
}

function commitmentSheet(ws: ExcelJS.Worksheet, title: string, list: CommitmentFacts[]) {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  table(ws, 3, COMMITMENT_COLUMNS, commitmentRows(list));
  list.forEach((c, i) => {
    const fill = STATUS_FILL[c.evaluation.status];
    if (fill) ws.getRow(4 + i).getCell(9).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  printable(ws, 3);
}

export async function renderBulletinXlsx(data: BulletinData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duban';
  const taken = new Set<string>();
  const items = data.commitments;
  const title = `${data.region.name}${periodLabel(data.period)}目标任务推进情况`;

  const overall = wb.addWorksheet(sheetName('总体情况', taken));
  overall.getCell('A1').value = title;
  overall.getCell('A1').font = { bold: true, size: 14 };
  overall.getCell('A2').value = `截至${dateLabel(data.asOf)}`;
  const counts: Array<[string, number]> = [
    ['目标任务', items.length],
    ['已完成', items.filter((c) => c.evaluation.status === 'completed' || c.evaluation.status === 'exceeded').length],
    ['其中超额完成', items.filter((c) => c.evaluation.status === 'exceeded').length],
    ['正常推进', items.filter((c) => c.evaluation.status === 'onTrack').length],
    ['滞后', items.filter((c) => c.evaluation.status === 'lagging').length],
    ['严重滞后', items.filter((c) => c.evaluation.status === 'seriouslyLagging').length],
    ['未启动', items.filter((c) => c.evaluation.status === 'notStarted').length],
    ['逾期未报送', items.filter(reportsMissing).length],
    ['逾期未完成', items.filter(deadlineOverdue).length],
  ];
  table(overall, 4, [{ header: '项目', width: 14 }, { header: '数量（项）', width: 12, numFmt: '0' }], counts);
  const rankStart = 6 + counts.length;
  const { praised, criticised } = praiseAndCriticise(data.ranking, data.rules);
  const rankColumns = [
    { header: '排名', width: 8, numFmt: '0' }, { header: '牵头单位', width: 30 }, { header: '考核得分', width: 10, numFmt: '0.0' },
    // each header's words fit on a line (a CJK character is 2 units); its unit goes below
    { header: '牵头任务（项）', width: 10, numFmt: '0' }, { header: '滞后（项）', width: 10, numFmt: '0' }, { header: '严重滞后（项）', width: 10, numFmt: '0' },
    { header: '逾期未报送（项）', width: 12, numFmt: '0' }, { header: '逾期未完成（项）', width: 12, numFmt: '0' }, { header: '通报', width: 8 },
  ];
  // the ranking table's columns are wider than the counts' above: widths set once, by the wider
  table(
    overall,
    rankStart,
    rankColumns.map((c, i) => (i < 2 ? { ...c, width: Math.max(c.width, i === 0 ? 14 : 12) } : c)),
    data.ranking.map((d) => [
      d.rank ?? '—', d.name, d.total ?? '—', d.commitments, d.lagging, d.seriouslyLagging, d.reportsMissing ?? d.overdue, d.deadlineOverdue ?? 0,
      praised.includes(d) ? '表扬' : criticised.includes(d) ? '批评' : '',
    ]),
  );
  printable(overall, 0);
  overall.views = [{ state: 'frozen', ySplit: 2 }];
  overall.pageSetup.printTitlesRow = '1:2';

  const livelihood = items.filter((c) => c.livelihood);
  if (livelihood.length) commitmentSheet(wb.addWorksheet(sheetName('民生实事', taken)), `${data.region.name}${data.period.slice(0, 4)}年民生实事进展情况（${periodLabel(data.period)}）`, livelihood);

  const byDept = new Map<string, CommitmentFacts[]>();
  for (const c of items) {
    const name = c.leadDepartment?.name ?? '未明确牵头单位';
    byDept.set(name, [...(byDept.get(name) ?? []), c]);
  }
  for (const [name, list] of [...byDept.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) {
    commitmentSheet(wb.addWorksheet(sheetName(name, taken)), `${name}牵头目标任务推进情况（${periodLabel(data.period)}）`, list);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
