/**
 * 兑现情况表 as a workbook that prints: numbers stored as numbers with the unit in its own column,
 * and the 出处 — the document and the sentence that says so — wrapped in a column of its own, rows
 * as tall as their text, A4 landscape fitted to the width, the heading rows on every page.
 */
import ExcelJS from 'exceljs';
import { CONSISTENCY_ZH, PROMISE_STATUS_ZH, sourceText } from '../domain/prose/promiseCheck.ts';
import type { PromiseReport } from '../app/reconcile/checkPromises.ts';
import { printable, table } from './bulletinXlsx.ts';

const COLUMNS = [
  { header: '序号', width: 6, numFmt: '0' },
  { header: '领域', width: 10 },
  { header: '目标任务', width: 30 },
  { header: '目标', width: 12 },
  { header: '单位', width: 7 },
  { header: '部门报送', width: 11, numFmt: '#,##0.####' },
  { header: '文件表述', width: 11, numFmt: '#,##0.####' },
  { header: '差异', width: 10, numFmt: '#,##0.####' },
  { header: '兑现情况', width: 10 },
  { header: '一致性', width: 13 },
  { header: '出处', width: 46 },
  { header: '已确认', width: 8 },
];

export async function renderPromiseXlsx(report: PromiseReport, regionName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duban';
  const ws = wb.addWorksheet('兑现情况');
  ws.getCell('A1').value = `${regionName}${report.year}年目标任务兑现情况表`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getRow(1).height = 24;
  const num = (s: string | null) => (s === null ? null : Number(s));
  table(
    ws,
    2,
    COLUMNS,
    report.items.map((r, i) => [
      i + 1, r.sector, r.title, r.target, r.unit ?? '', num(r.reportedValue), num(r.statedValue), r.difference,
      PROMISE_STATUS_ZH[r.status], r.consistency ? CONSISTENCY_ZH[r.consistency] : '', sourceText(r, report.documents) ?? '', r.confirmed ? '是' : '否',
    ]),
  );
  printable(ws, 2);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
