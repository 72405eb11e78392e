/** The web app's pure helpers: reading typed values with units, the .xlsx export, and .docx/.txt text for import. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { parseReportedValue } from '../../web/src/reportValue.ts';
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
  it('writes a workbook Excel reads back: Chinese text, numbers as numbers, bold header', async () => {
    const bytes = buildXlsx('目标任务', ['任务名称', '完成率(%)'], [['城镇新增就业6000人', 93.3], ['改造老旧小区<25>个 & 更多', null]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('目标任务')!;
    expect(ws.getCell('A1').value).toBe('任务名称');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('城镇新增就业6000人');
    expect(ws.getCell('B2').value).toBe(93.3);
    expect(ws.getCell('A3').value).toBe('改造老旧小区<25>个 & 更多');
    expect(ws.getCell('B3').value).toBeNull();
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
