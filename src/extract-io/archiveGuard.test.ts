import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../domain/limits.ts';
import { ArchiveLimitError, checkDocx, checkSpreadsheet } from './archiveGuard.ts';
import { cell, columnBomb, docx, documentXml, filler, paragraph, rowBomb, xlsx, zip } from './bombs.testing.ts';
import { decodeDocument } from './read-document.ts';

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as ArchiveLimitError);

describe('archive guard: spreadsheets', () => {
  it('refuses the issue\'s bombs (a cell in column XFD on 2,000 rows; a cell in row 1,048,576) from a few KB', async () => {
    const columns = columnBomb();
    expect(columns.length).toBeLessThan(40_000);
    const e1 = await refusal(checkSpreadsheet(columns));
    expect(e1).toBeInstanceOf(ArchiveLimitError);
    expect(e1!.code).toBe('file_too_large');
    expect(e1!.zh).toContain(`第 16384 列，上限 ${LIMITS.spreadsheet.maxColumns} 列`);
    expect(e1!.en).toContain('column 16384');
    const rows = rowBomb();
    expect(rows.length).toBeLessThan(2_000);
    const e2 = await refusal(checkSpreadsheet(rows));
    expect(e2!.zh).toContain(`第 1048576 行，上限 ${LIMITS.spreadsheet.maxRows} 行`);
  });

  it('refuses ranges ExcelJS would expand cell by cell: merges, whole-column validations, dimensions', async () => {
    const one = `<row r="1">${cell('A1')}</row>`;
    for (const extra of [
      '<mergeCells count="1"><mergeCell ref="A1:CV20000"/></mergeCells>',
      '<dataValidations count="1"><dataValidation type="list" sqref="B2:B1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
      '<conditionalFormatting sqref="A:A"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>',
    ]) {
      expect((await refusal(checkSpreadsheet(xlsx(one, extra))))?.code, extra).toBe('file_too_large');
    }
    const dimension = xlsx(one).toString('latin1'); // sanity: the same sheet without them passes
    expect(dimension.length).toBeGreaterThan(0);
    await expect(checkSpreadsheet(xlsx(one))).resolves.toBeUndefined();
  });

  it('counts cells however they are written, and measures inflated bytes rather than trusting declared sizes', async () => {
    const perRow = 30;
    const rowsNeeded = Math.ceil((LIMITS.spreadsheet.maxCells + 1) / perRow);
    expect(rowsNeeded).toBeLessThanOrEqual(LIMITS.spreadsheet.maxRows);
    const many = Array.from({ length: rowsNeeded }, (_, r) => `<row>${'<c><v>1</v></c>'.repeat(perRow)}</row>`).join('');
    expect((await refusal(checkSpreadsheet(xlsx(many))))?.zh).toContain(`超过 ${LIMITS.spreadsheet.maxCells} 个单元格`);

    const bomb = xlsx(`<row r="1">${cell('A1')}</row>`, '', { 'xl/sharedStrings.xml': filler(60) });
    expect(bomb.length).toBeLessThan(200_000);
    // lie in the central directory: declare every entry 1 byte long
    const lying = Buffer.from(bomb);
    for (let p = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) lying.writeUInt32LE(1, p + 24);
    for (const file of [bomb, lying]) expect((await refusal(checkSpreadsheet(file)))?.en).toContain('inflates to more than 50 MB');
  });

  it('lets a real workbook through, and calls a non-archive unreadable', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目');
    ws.addRow(['年度', '项目名称', '牵头单位', '总投资']);
    for (let i = 0; i < 500; i++) ws.addRow([2024, `项目${i}`, '人社局', 1000 + i]);
    ws.mergeCells('A600:D600');
    await expect(checkSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()))).resolves.toBeUndefined();
    expect((await refusal(checkSpreadsheet(Buffer.from('not a zip at all'))))?.code).toBe('file_unreadable');
  });
});

describe('archive guard: .docx', () => {
  it('refuses a .docx whose XML inflates beyond the limit before mammoth reads it; a normal one is read', async () => {
    const bomb = docx(Buffer.concat([Buffer.from(documentXml(paragraph('开头'))), filler(45)]));
    expect(bomb.length).toBeLessThan(200_000);
    expect((await refusal(checkDocx(bomb)))?.code).toBe('file_too_large');
    await expect(decodeDocument(bomb, 'bomb.docx')).rejects.toThrow(/bomb\.docx: Word 文件解压后超过 40 MB/);
    const fine = await decodeDocument(docx(documentXml(paragraph('全年新增就业3500人'))), 'fine.docx');
    expect(fine.text).toContain('全年新增就业3500人');
    // many files in one archive
    const crowded = zip(Object.fromEntries(Array.from({ length: LIMITS.docx.maxEntries + 1 }, (_, i) => [`word/media/${i}.xml`, 'x'])));
    expect((await refusal(checkDocx(crowded)))?.zh).toContain('压缩包内文件过多');
  });
});
