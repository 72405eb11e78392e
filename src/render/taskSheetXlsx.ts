/**
 * 任务填报表 as an Excel file: written for a department and period, read back when filled. Layout:
 * row 1 title; row 2 期次 (B2), 填报单位 (E2) and the department id (hidden column I); row 3
 * 行政区 (B3) and a note; row 4 headers; data from row 5 with the task id in hidden column I. Only
 * the value and narrative columns are unlocked (sheet protection without password).
 */
import ExcelJS from 'exceljs';
import { TASK_SHEET_COLUMNS as COLS, TASK_SHEET_HEADER_ROW, type TaskSheetRow } from '../domain/taskSheet.ts';
import { periodLabel } from '../domain/schedule.ts';

export interface TaskSheetModel {
  regionCode: string;
  regionName: string;
  period: string;
  department: { id: string; name: string };
  rows: Array<{ commitmentId: string; title: string; target: string; unit: string; lastValue: string; lastPeriod: string }>;
}

/** What a filled sheet says: its period, region, department and rows. */
export interface FilledTaskSheet {
  period: string;
  regionCode: string;
  departmentId: string;
  rows: TaskSheetRow[];
}

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };

export async function writeTaskSheet(m: TaskSheetModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duban';
  const ws = wb.addWorksheet(m.department.name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || '填报表');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = `${m.department.name}目标任务进展填报表（${periodLabel(m.period)}）`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').value = '填报期次';
  ws.getCell('B2').value = m.period;
  ws.getCell('D2').value = '填报单位';
  ws.getCell('E2').value = m.department.name;
  ws.getCell(`${COLS.id[0]}2`).value = m.department.id;
  ws.getCell('A3').value = '行政区';
  ws.getCell('B3').value = m.regionCode;
  ws.getCell('C3').value = m.regionName;
  ws.getCell('D3').value = '说明：请在黄色的G列填写截至本期末的累计完成值（可写1,234或1.2万），H列填写进展情况及存在问题；其他列请勿修改。';
  const header = ws.getRow(TASK_SHEET_HEADER_ROW);
  header.values = Object.values(COLS).map(([, h]) => h);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = thin;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  m.rows.forEach((r, i) => {
    const row = ws.getRow(TASK_SHEET_HEADER_ROW + 1 + i);
    // the last value a number (its unit in the 单位 column), as the value filled in is read
    const last = r.lastValue !== '' && Number.isFinite(Number(r.lastValue)) ? Number(r.lastValue) : r.lastValue;
    row.values = [i + 1, r.title, r.target, r.unit, last, r.lastPeriod, null, null, r.commitmentId];
    row.alignment = { vertical: 'top', wrapText: true };
    if (typeof last === 'number') row.getCell(5).numFmt = '#,##0.####';
    // tall enough for the title, and two lines at least to write the progress in
    row.height = 17 * Math.max(2, Math.ceil([...r.title].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0) / 39)) + 3;
    for (let c = 1; c <= 8; c++) row.getCell(c).border = thin;
    for (const key of [COLS.value[0], COLS.narrative[0]]) {
      const cell = row.getCell(key);
      cell.fill = INPUT_FILL;
      cell.protection = { locked: false };
    }
  });
  // 序号 wide enough for the 填报期次 and 行政区 labels above it
  [10, 40, 12, 8, 14, 10, 16, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(COLS.id[0]).hidden = true;
  ws.views = [{ state: 'frozen', ySplit: TASK_SHEET_HEADER_ROW }];
  // prints on A4 landscape, all columns on one page width, the heading rows on every page, numbered
  ws.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${TASK_SHEET_HEADER_ROW}`,
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's value as text or number (rich text joined, formulas by their result, empty as null). */
function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return null;
}
const cellText = (v: ExcelJS.CellValue): string => {
  const x = cellValue(v);
  return x === null ? '' : String(x).trim();
};

/** Reads a filled task sheet; null when the file is not a duban task sheet. */
export async function readTaskSheet(data: Buffer | Uint8Array): Promise<FilledTaskSheet | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws || cellText(ws.getCell(`${COLS.id[0]}${TASK_SHEET_HEADER_ROW}`).value) !== COLS.id[1]) return null;
  const rows: TaskSheetRow[] = [];
  for (let n = TASK_SHEET_HEADER_ROW + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const id = cellText(row.getCell(COLS.id[0]).value);
    const title = cellText(row.getCell(COLS.title[0]).value);
    if (!id && !title) continue;
    rows.push({
      row: n,
      commitmentId: id || null,
      title,
      unit: cellText(row.getCell(COLS.unit[0]).value) || null,
      value: cellValue(row.getCell(COLS.value[0]).value),
      narrative: cellText(row.getCell(COLS.narrative[0]).value),
    });
  }
  return {
    period: cellText(ws.getCell('B2').value),
    regionCode: cellText(ws.getCell('B3').value),
    departmentId: cellText(ws.getCell(`${COLS.id[0]}2`).value),
    rows,
  };
}
