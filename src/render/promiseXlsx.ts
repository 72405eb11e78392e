/** 兑现情况表 as a workbook: numbers stored as numbers, units in their own column, ready to print. */
import ExcelJS from 'exceljs';
import { CONSISTENCY_ZH, PROMISE_STATUS_ZH } from '../domain/prose/promiseCheck.ts';
import type { PromiseReport } from '../app/reconcile/checkPromises.ts';

const COLUMNS: Array<[header: string, width: number]> = [
  ['序号', 6], ['领域', 10], ['目标任务', 36], ['目标', 14], ['单位', 8], ['部门报送', 12], ['文件表述', 12], ['差异', 10], ['兑现情况', 10], ['一致性', 12], ['出处', 50], ['已确认', 8],
];

export async function renderPromiseXlsx(report: PromiseReport, regionName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duban';
  const ws = wb.addWorksheet('兑现情况', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '1:2' },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.getCell('A1').value = `${regionName}${report.year}年目标任务兑现情况表`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const head = ws.getRow(2);
  head.values = COLUMNS.map(([h]) => h);
  head.font = { bold: true };
  COLUMNS.forEach(([, w], i) => (ws.getColumn(i + 1).width = w));
  const num = (s: string | null) => (s === null ? null : Number(s));
  report.items.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.values = [
      i + 1, r.sector, r.title, r.target, r.unit ?? '', num(r.reportedValue), num(r.statedValue), r.difference,
      PROMISE_STATUS_ZH[r.status], r.consistency ? CONSISTENCY_ZH[r.consistency] : '', r.source?.sentence ?? '', r.confirmed ? '是' : '否',
    ];
    row.alignment = { vertical: 'top', wrapText: true };
  });
  ws.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell, col) => {
    if (col <= COLUMNS.length && row.number >= 2) cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  }));
  for (const col of [6, 7, 8]) ws.getColumn(col).numFmt = '#,##0.####';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
