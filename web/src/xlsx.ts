/**
 * A minimal .xlsx writer — one sheet that prints, enough for exporting a list to Excel without
 * shipping a spreadsheet library: an optional title row, a bold shaded header (frozen, and repeated
 * on every printed page), bordered cells with wrapped text and row heights that show it, numbers
 * stored as numbers with a number format per column, A4 landscape fitted to the page width and
 * 第 N 页，共 M 页 in the footer. Zipped with fflate.
 */
import { strToU8, zipSync } from 'fflate';

export type Cell = string | number | null | undefined;
/** A column: its header (a `\n` breaks it, e.g. 完成率\n（%）), width in Excel character units, number format of its numbers. */
export interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Display width in Excel character units: CJK 2, others 1. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
/** Lines a text `r` lines' worth long takes wrapped: one on one line, 5% more when it wraps. */
const wrapped = (r: number) => (r <= 1 ? 1 : Math.ceil(r * 1.05));
/** Lines `text` wraps to in a column `width` wide, one more for a line nearly full (fonts differ; punctuation cannot start a line). */
const linesIn = (text: string, width: number) => text.split('\n').reduce((n, l) => n + wrapped(textWidth(l) / Math.max(1, width - 1)), 0);
/** points a line of 11 pt text takes */
const LINE_PT = 17; // 11 pt CJK text: 宋体 takes 14.25 pt a line, Noto Sans CJK (LibreOffice on Linux) 16

// cell styles (cellXfs): 0 default, 1 header, 2 title, 3 bordered text; 4 + i bordered number in format i
const HEADER = 1;
const TITLE = 2;
const TEXT = 3;

/** The bytes of a workbook with one sheet: `title` (if any) on the first row, then the header and `rows`. */
export function buildXlsx(sheetName: string, columns: readonly Column[], rows: Cell[][], o: { title?: string } = {}): Uint8Array {
  const formats = [...new Set(columns.flatMap((c) => (c.numFmt ? [c.numFmt] : [])))];
  const numberStyle = (col: Column | undefined) => (col?.numFmt ? 4 + formats.indexOf(col.numFmt) : 4 + formats.length);
  const cell = (v: Cell, ref: string, style: number, col?: Column): string => {
    if (v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) return style ? `<c r="${ref}" s="${style}"/>` : '';
    if (typeof v === 'number') return `<c r="${ref}" s="${style === TEXT ? numberStyle(col) : style}"><v>${v}</v></c>`;
    return `<c r="${ref}" t="inlineStr" s="${style}"><is><t xml:space="preserve">${esc(String(v))}</t></is></c>`;
  };
  const headerRow = o.title ? 2 : 1;
  const height = (cells: Cell[]) => LINE_PT * Math.max(1, ...columns.map((c, j) => linesIn(cells[j] === null || cells[j] === undefined ? '' : String(cells[j]), c.width))) + 3;
  const row = (r: number, cells: Cell[], style: number) =>
    `<row r="${r}" ht="${height(cells)}" customHeight="1">${columns.map((c, j) => cell(cells[j], `${colName(j)}${r}`, style, c)).join('')}</row>`;
  const sheetRows = [
    ...(o.title ? [`<row r="1" ht="24" customHeight="1">${cell(o.title, 'A1', TITLE)}</row>`] : []),
    row(headerRow, columns.map((c) => c.header), HEADER),
    ...rows.map((r, i) => row(headerRow + 1 + i, r, TEXT)),
  ].join('');
  const cols = `<cols>${columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`;
  const name = esc(sheetName.replace(/[[\]:*?/\\]/g, '').slice(0, 31));
  const border = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';
  const styles =
    `<numFmts count="${formats.length}">${formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join('')}</numFmts>` +
    `<fonts count="3"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="14"/><name val="宋体"/><charset val="134"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${border}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${5 + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
    formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="top"/></xf>`).join('') +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="top"/></xf></cellXfs>`;
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    // print titles: the header (and title) rows on every printed page
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${name}'!$1:$${headerRow}</definedName></definedNames></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${styles}</styleSheet>`,
    'xl/worksheets/sheet1.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `${cols}<sheetData>${sheetRows}</sheetData><printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
      // A4 (9) landscape, one page wide, as many tall as it takes
      `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}
