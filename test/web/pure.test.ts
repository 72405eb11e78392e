/** The web app's pure helpers: reading typed values with units, the .xlsx export, and .docx/.txt text for import. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { parseReportedValue } from '../../web/src/reportValue.ts';
import { formatColumn, formatValue } from '../../web/src/format.ts';
import { buildXlsx } from '../../web/src/xlsx.ts';
import { docxText, sha256Hex, txtText } from '../../web/src/docText.ts';

describe('parseReportedValue', () => {
  it('takes plain numbers, thousands separators and Chinese numerals', () => {
    expect(parseReportedValue('3500', '人')).toEqual({ value: '3500', converted: false });
    expect(parseReportedValue('3,500', '人')).toEqual({ value: '3500', converted: false });
    expect(parseReportedValue('三千五百人', '人')).toEqual({ value: '3500', converted: false });
  });
  it('converts a scaled unit into the commitment unit', () => {
    expect(parseReportedValue('0.35万人', '人')).toEqual({ value: '3500', converted: true });
    expect(parseReportedValue('2.5亿元', '万元')).toEqual({ value: '25000', converted: true });
    expect(parseReportedValue('12000亩', '万亩')).toEqual({ value: '1.2', converted: true });
  });
  it('refuses text that is not a number and units of another kind', () => {
    expect(parseReportedValue('', '人')).toHaveProperty('error');
    expect(parseReportedValue('六千多', '人')).toHaveProperty('error');
    expect(parseReportedValue('20亩', '人')).toEqual({ error: '单位“亩”与任务单位“人”不一致' });
  });
});

describe('buildXlsx', () => {
  const load = async (bytes: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return wb;
  };
  it('writes a workbook Excel reads back: Chinese text, numbers as numbers with their format, bold header', async () => {
    const bytes = buildXlsx('目标任务', [{ header: '任务名称', width: 30 }, { header: '完成率\n（%）', width: 9, numFmt: '0.0' }], [['城镇新增就业6000人', 93.3], ['改造老旧小区<25>个 & 更多', null]]);
    const ws = (await load(bytes)).getWorksheet('目标任务')!;
    expect(ws.getCell('A1').value).toBe('任务名称');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('城镇新增就业6000人');
    expect(ws.getCell('B2').value).toBe(93.3);
    expect(ws.getCell('B2').numFmt).toBe('0.0');
    expect(ws.getCell('A3').value).toBe('改造老旧小区<25>个 & 更多');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('B3').border?.left?.style).toBe('thin');
  });
  it('prints: A4 landscape one page wide, title and header on every page, header frozen, rows tall enough', async () => {
    const long = '推进城区老旧小区改造，完成供热管网、雨污分流、屋面防水和加装电梯等配套改造'; // 37 characters
    const bytes = buildXlsx('目标任务', [{ header: '任务名称', width: 20 }, { header: '目标值', width: 10, numFmt: '#,##0.####' }], [[long, 12600]], { title: '盐湖区目标任务清单' });
    const ws = (await load(bytes)).getWorksheet('目标任务')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.getCell('A1').value).toBe('盐湖区目标任务清单');
    // 37 characters in a column of 20 units (9.5 characters a line) take 4 lines
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(4 * 16);
  });
});

describe('import text', () => {
  it('reads the paragraphs of a .docx in order', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('二、2026年目标任务')] }), new Paragraph({ children: [new TextRun('全年城镇新增就业'), new TextRun({ text: '6000人', bold: true }), new TextRun('以上 & 更多。')] })] }] });
    const text = docxText(new Uint8Array(await Packer.toBuffer(doc)));
    expect(text).toBe('二、2026年目标任务\n全年城镇新增就业6000人以上 & 更多。');
  });
  it('reads UTF-8 (with or without BOM) and GB18030 text files', () => {
    const s = '全年城镇新增就业6000人以上';
    expect(txtText(new TextEncoder().encode(`\uFEFF${s}`))).toBe(s);
    // 全年 in GB18030
    expect(txtText(new Uint8Array([0xc8, 0xab, 0xc4, 0xea]))).toBe('全年');
  });
  it('hashes bytes as hex sha256', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('formatColumn: one unit style per column', () => {
  /** each kind of unit in a column is written with one scale (万, 亿 or none) */
  const scalesByUnit = (texts: string[]) => {
    const seen = new Map<string, Set<string>>();
    for (const t of texts) {
      const m = /^-?[\d.]+(亿|万)?(.+)$/.exec(t);
      if (!m) continue;
      const unit = m[2]!.replace(/^公里$/, '米');
      seen.set(unit, (seen.get(unit) ?? new Set()).add(m[1] ?? ''));
    }
    return seen;
  };
  it('never writes 11880人 beside 1.26万人, nor 9000万元 beside 1.8亿元', () => {
    expect(formatColumn([{ value: '11880', unit: '人' }, { value: '12600', unit: '人' }, { value: '1041', unit: '人' }])).toEqual(['11880人', '12600人', '1041人']);
    expect(formatColumn([{ value: '12600', unit: '人' }, { value: '19000', unit: '人' }])).toEqual(['1.26万人', '1.9万人']);
    expect(formatColumn([{ value: '9000', unit: '万元' }, { value: '18000', unit: '万元' }, { value: '0', unit: '万元' }])).toEqual(['9000万元', '18000万元', '0万元']);
    expect(formatColumn([{ value: '22000', unit: '万元' }, { value: '1.2', unit: '亿元' }, { value: '120000', unit: '万元' }])).toEqual(['2.2亿元', '1.2亿元', '12亿元']);
  });
  it('writes 千米 as 公里 and keeps units that are not their own base as written', () => {
    expect(formatColumn([{ value: '22.19', unit: '千米' }, { value: '46', unit: '公里' }, { value: '6300', unit: '米' }])).toEqual(['22.19公里', '46公里', '6.3公里']);
    expect(formatColumn([{ value: '1.5', unit: '亿公斤' }, { value: '92', unit: '%' }, { value: null, unit: '人' }, { value: '3', unit: null }])).toEqual(['1.5亿公斤', '92%', '—', '3']);
  });
  it('keeps one scale per kind of unit over every mix of magnitudes, exactly', () => {
    const values = ['0', '7', '980', '1041', '9000', '11880', '12600', '100000', '150000000', '225100000', '3.25', '0.5'];
    for (const unit of ['人', '元', '万元', '亩', '米', '户']) {
      for (let i = 0; i < values.length; i++) {
        for (let j = i; j < values.length; j++) {
          const cells = [values[i]!, values[j]!, '12600'].map((value) => ({ value, unit }));
          const texts = formatColumn(cells);
          for (const scales of scalesByUnit(texts).values()) expect(scales.size, texts.join(' ')).toBe(1);
          // nothing rounded: each text reads back as its value
          texts.forEach((t, k) => expect(parseReportedValue(t, unit), t).toMatchObject({ value: String(Number(cells[k]!.value)) }));
        }
      }
    }
  });
  it('writes a single value the official way', () => {
    expect(formatValue('19000', '户')).toBe('1.9万户');
    expect(formatValue('18', '千米')).toBe('18公里');
    expect(formatValue('30', '亿元')).toBe('30亿元');
  });
});
