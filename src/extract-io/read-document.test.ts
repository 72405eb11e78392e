import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../domain/extract/extract.ts';
import { decodeDocument, DocumentError, readDocument } from './read-document.ts';

const SENTENCE = '全区新建学校3所，新增学位1200个。';
const dir = mkdtempSync(join(tmpdir(), 'duban-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readDocument', () => {
  it('reads UTF-8, keeping a BOM so offsets match the file text', async () => {
    const file = join(dir, 'utf8.txt');
    writeFileSync(file, '\ufeff' + SENTENCE);
    const doc = await readDocument(file);
    expect(doc.encoding).toBe('utf-8');
    const [first] = extractClaims(doc.text);
    expect(doc.text.slice(first.start, first.end)).toBe('3所');
  });

  it('decodes GBK / GB18030', async () => {
    const file = join(dir, 'gbk.txt');
    // the sentence above, encoded as GBK
    writeFileSync(file, Buffer.from('c8abc7f8d0c2bda8d1a7d0a333cbf9a3acd0c2d4f6d1a7cebb31323030b8f6a1a3', 'hex'));
    const doc = await readDocument(file);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toBe(SENTENCE);
    expect(extractClaims(doc.text).map((c) => c.value)).toEqual([3, 1200]);
  });

  it('extracts the text of a .docx', async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('2024年工作回顾'), new Paragraph(SENTENCE)] }] }));
    const file = join(dir, 'report.docx');
    writeFileSync(file, bytes);
    const doc = await readDocument(file);
    expect(doc.encoding).toBe('docx');
    expect(doc.text).toContain(SENTENCE);
    expect(extractClaims(doc.text).map((c) => `${c.value}${c.unit}`)).toEqual(['3所', '1200个']);
  });

  it('refuses binary files with an error naming the file', async () => {
    const file = join(dir, 'image.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await expect(readDocument(file)).rejects.toThrow(DocumentError);
    await expect(readDocument(file)).rejects.toThrow(/image\.png.*binary/);
    await expect(decodeDocument(Buffer.from('%PDF-1.7\n...'), 'scan.pdf')).rejects.toThrow(/scan\.pdf/);
    await expect(readDocument(join(dir, 'missing.txt'))).rejects.toThrow(/missing\.txt/);
  });
});

describe('readDocument encodings', () => {
  it('reads a UTF-16 file as Notepad saves it ("Unicode": LE with BOM), not as binary', async () => {
    const file = join(dir, 'notepad.txt');
    writeFileSync(file, Buffer.from('\ufeff' + SENTENCE, 'utf16le'));
    const doc = await readDocument(file);
    expect(doc.encoding).toBe('utf-16le');
    expect(extractClaims(doc.text).map((c) => c.value)).toEqual([3, 1200]);
  });

  it('refuses undecodable bytes naming the file and the encodings tried, never mojibake', async () => {
    const bytes = Uint8Array.from({ length: 400 }, (_, i) => 0x81 + ((i * 37) % 0x7e));
    await expect(decodeDocument(bytes, 'odd.txt')).rejects.toThrow(/odd\.txt.*UTF-8.*GBK\/GB18030.*Big5/);
  });
});
