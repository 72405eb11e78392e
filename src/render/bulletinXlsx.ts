/**
 * The bulletin's tables as an Excel workbook: 总体情况 (counts and the 考核 ranking), 民生实事, and one
 * sheet per lead department with its commitments, figures, status and latest reason.
 */
import ExcelJS from 'exceljs';
import { praiseAndCriticise } from '../domain/prose/bulletin.ts';
import type { BulletinData, CommitmentFacts } from '../domain/prose/facts.ts';
import { formatPercent, formatValue } from '../domain/prose/figures.ts';
import { dateLabel, periodLabel } from '../domain/schedule.ts';
import { STATUS_LABELS } from '../domain/types.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const STATUS_FILL: Record<string, string> = { lagging: 'FFFFF2CC', seriouslyLagging: 'FFF8CBAD' };

/** A valid, unique sheet name (≤ 31 characters, none of []:*?/\). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

function header(ws: ExcelJS.Worksheet, row: number, values: string[]) {
  const r = ws.getRow(row);
  r.values = values;
  r.font = { bold: true };
  r.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/** The latest narrative, marked with its month when its report still awaits review. */
function narrativeCell(c: CommitmentFacts): string {
  const r = c.latestReport;
  const text = r?.narrative.trim();
  if (!r || !text) return '—';
  return r.accepted === false && r.id !== c.valueReport?.id ? `（${periodLabel(r.period).slice(5)}报送，待审核）${text}` : text;
}

const value = (c: CommitmentFacts, v: string | null) => (v === null ? '—' : formatValue(v, c.unit));

const COMMITMENT_COLUMNS = ['序号', '目标任务', '领域', '目标', '累计完成', '完成率', '序时进度', '状态', '逾期未报期次', '最新进展（单位反映）'];
const WIDTHS = [6, 40, 12, 14, 14, 10, 10, 10, 16, 60];

function commitmentRows(ws: ExcelJS.Worksheet, start: number, list: CommitmentFacts[]) {
  header(ws, start, COMMITMENT_COLUMNS);
  list.forEach((c, i) => {
    const e = c.evaluation;
    const row = ws.getRow(start + 1 + i);
    row.values = [
      i + 1, c.title, c.sector, value(c, c.targetValue), c.valueReport ? value(c, e.latestValue) : '—',
      e.completionRate !== null && (c.valueReport || c.kind !== 'quantitative') ? formatPercent(e.completionRate) : '—',
      formatPercent(e.expectedProgress), STATUS_LABELS[e.status], e.missingPeriods.map(periodLabel).join('、') || '—',
      narrativeCell(c),
    ];
    row.alignment = { vertical: 'top', wrapText: true };
    const fill = STATUS_FILL[e.status];
    if (fill) row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
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
  header(overall, 4, ['项目', '数量']);
  const counts: Array<[string, number]> = [
    ['目标任务', items.length],
    ['已完成', items.filter((c) => c.evaluation.status === 'completed' || c.evaluation.status === 'exceeded').length],
    ['其中超额完成', items.filter((c) => c.evaluation.status === 'exceeded').length],
    ['正常推进', items.filter((c) => c.evaluation.status === 'onTrack').length],
    ['滞后', items.filter((c) => c.evaluation.status === 'lagging').length],
    ['严重滞后', items.filter((c) => c.evaluation.status === 'seriouslyLagging').length],
    ['未启动', items.filter((c) => c.evaluation.status === 'notStarted').length],
    ['逾期未报送', items.filter((c) => c.evaluation.overdue).length],
  ];
  counts.forEach(([k, n], i) => (overall.getRow(5 + i).values = [k, n]));
  const rankStart = 6 + counts.length;
  const { praised, criticised } = praiseAndCriticise(data.ranking, data.rules);
  header(overall, rankStart, ['排名', '牵头单位', '考核得分', '牵头任务', '滞后', '严重滞后', '逾期', '通报']);
  data.ranking.forEach((d, i) => {
    overall.getRow(rankStart + 1 + i).values = [
      d.rank ?? '—', d.name, d.total ?? '—', d.commitments, d.lagging, d.seriouslyLagging, d.overdue,
      praised.includes(d) ? '表扬' : criticised.includes(d) ? '批评' : '',
    ];
  });
  [10, 24, 10, 10, 8, 10, 8, 8].forEach((w, i) => (overall.getColumn(i + 1).width = w));

  const livelihood = items.filter((c) => c.livelihood);
  if (livelihood.length) commitmentRows(wb.addWorksheet(sheetName('民生实事', taken)), 1, livelihood);

  const byDept = new Map<string, CommitmentFacts[]>();
  for (const c of items) {
    const name = c.leadDepartment?.name ?? '未明确牵头单位';
    byDept.set(name, [...(byDept.get(name) ?? []), c]);
  }
  for (const [name, list] of [...byDept.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) {
    const ws = wb.addWorksheet(sheetName(name, taken));
    ws.getCell('A1').value = `${name}牵头目标任务推进情况（${periodLabel(data.period)}）`;
    ws.getCell('A1').font = { bold: true, size: 14 };
    commitmentRows(ws, 3, list);
    ws.views = [{ state: 'frozen', ySplit: 3 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
