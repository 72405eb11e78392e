/**
 * Checks an .xlsx or .docx archive before a parser (ExcelJS, mammoth) sees it: a few KB of zip
 * can inflate to gigabytes, and a single cell at XFD1048576 makes ExcelJS allocate every row and
 * column up to it. The central directory is read by hand (the parsers read the same one); every
 * entry they would read is inflated as a stream with node:zlib (native, on the thread pool: the
 * server keeps answering meanwhile), counting the bytes actually produced (declared sizes can lie)
 * and stopping at the limit; the worksheets' XML is scanned on the way for the cells written and
 * the farthest row and column that any cell, dimension, merge, data validation or conditional
 * format names. No new dependency: node:zlib streams and bounds this better than a JS inflater.
 * Limits: src/domain/limits.ts.
 */
import { createInflateRaw } from 'node:zlib';
import { LIMITS } from '../domain/limits.ts';

/** A file refused by a limit or as not a readable archive; zh and en say which and why. */
export class ArchiveLimitError extends Error {
  constructor(readonly code: 'file_too_large' | 'file_unreadable', readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
    this.name = 'ArchiveLimitError';
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

const unreadable = (why: string) => new ArchiveLimitError('file_unreadable', `文件不是有效的压缩包（${why}）`, `the file is not a valid zip archive (${why})`);
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The entries of a zip from its central directory; refuses ZIP64 and out-of-range offsets. */
function centralDirectory(data: Uint8Array, maxEntries: number): Entry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw unreadable('no central directory');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw unreadable('ZIP64');
  if (count > maxEntries) {
    throw new ArchiveLimitError('file_too_large', `压缩包内文件过多（${count} 个，上限 ${maxEntries}）`, `too many files in the archive (${count}, at most ${maxEntries})`);
  }
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) throw unreadable('bad directory entry');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = Buffer.from(data.subarray(p + 46, p + 46 + nameLength)).toString('utf8');
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (compressedSize === 0xffffffff || local === 0xffffffff) throw unreadable('ZIP64');
    if (local + 30 > data.length || view.getUint32(local, true) !== 0x04034b50) throw unreadable(`bad local header of ${name}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > data.length) throw unreadable(`${name} is cut short`);
    entries.push({ name, method, compressedSize, dataStart });
  }
  return entries;
}

/**
 * Inflates each entry `read` selects, as a stream (node:zlib, off the main thread, 64 KB at a
 * time), calling `scan` (if any) with its text (latin1: the XML's markup is ASCII); throws once
 * the bytes produced pass `maxBytes` in all, whatever the directory declared.
 */
async function inflateEntries(
  data: Uint8Array,
  entries: Entry[],
  read: (name: string) => boolean,
  maxBytes: number,
  tooLarge: (bytes: number) => ArchiveLimitError,
  scan?: (name: string) => ((text: string, final: boolean) => void) | undefined,
): Promise<void> {
  let total = 0;
  for (const e of entries) {
    if (!read(e.name)) continue;
    if (e.method !== 0 && e.method !== 8) throw unreadable(`${e.name}: compression method ${e.method}`);
    const scanner = scan?.(e.name);
    const raw = data.subarray(e.dataStart, e.dataStart + e.compressedSize);
    const take = (chunk: Uint8Array, final: boolean) => {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(total);
      scanner?.(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1'), final);
    };
    if (e.method === 0) {
      take(raw, true);
      continue;
    }
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    inflate.end(raw);
    try {
      for await (const chunk of inflate) take(chunk as Buffer, false);
      scanner?.('', true);
    } catch (err) {
      if (err instanceof ArchiveLimitError) throw err;
      throw unreadable(`${e.name}: ${(err as Error).message}`);
    } finally {
      inflate.destroy();
    }
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/**
 * Scanner of one worksheet's XML: counts cells and rows, and finds the farthest row and column of
 * every `r`, `ref` and `sqref` address (a whole column "A:A" reaches the last row).
 */
function worksheetScanner(sheet: string) {
  const limits = LIMITS.spreadsheet;
  let carry = '';
  let cells = 0;
  let rows = 0;
  let maxRow = 0;
  let maxColumn = 0;
  const tooLarge = (zh: string, en: string) =>
    new ArchiveLimitError('file_too_large', `表格过大：${zh}。请删除多余的行、列和整列格式后重试`, `the spreadsheet is too large: ${en}; remove unused rows, columns and whole-column formatting and try again`);
  const check = () => {
    if (cells > limits.maxCells) throw tooLarge(`${sheet} 超过 ${limits.maxCells} 个单元格`, `${sheet} has more than ${limits.maxCells} cells`);
    if (Math.max(rows, maxRow) > limits.maxRows) throw tooLarge(`${sheet} 用到第 ${Math.max(rows, maxRow)} 行，上限 ${limits.maxRows} 行`, `${sheet} reaches row ${Math.max(rows, maxRow)}, at most ${limits.maxRows}`);
    if (maxColumn > limits.maxColumns) throw tooLarge(`${sheet} 用到第 ${maxColumn} 列，上限 ${limits.maxColumns} 列`, `${sheet} reaches column ${maxColumn}, at most ${limits.maxColumns}`);
  };
  const address = (attribute: string, ref: string) => {
    if (attribute === 'r' && /^\d+$/.test(ref)) {
      maxRow = Math.max(maxRow, Number(ref)); // a row's number
      return;
    }
    for (const range of ref.trim().split(/\s+/)) {
      for (const corner of range.split(':')) {
        const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(corner);
        if (!m) continue;
        const [, letters, digits] = m;
        // "A:A" is every row, "1:1" every column
        maxRow = Math.max(maxRow, digits ? Number(digits) : EXCEL_ROWS);
        maxColumn = Math.max(maxColumn, letters ? columnNumber(letters.toUpperCase()) : EXCEL_COLUMNS);
      }
    }
  };
  const TOKENS = /<c(?=[\s/>])|<row(?=[\s/>])|\s(r|ref|sqref)="([^"]*)"/g;
  return (text: string, final: boolean) => {
    let s = carry + text;
    // keep an unfinished tag for the next chunk
    const open = s.lastIndexOf('<');
    if (!final && open >= 0 && s.indexOf('>', open) < 0) {
      carry = s.slice(open);
      s = s.slice(0, open);
      if (carry.length > 1024 * 1024) throw tooLarge(`${sheet} 含超长标记`, `${sheet} has a tag longer than 1 MB`);
    } else carry = '';
    for (const m of s.matchAll(TOKENS)) {
      if (m[1] !== undefined) address(m[1], m[2]!);
      else if (m[0][1] === 'c') cells++;
      else rows++;
    }
    check();
  };
}

/** Refuses an .xlsx beyond LIMITS.spreadsheet (or not a zip at all) before it is parsed. */
export async function checkSpreadsheet(data: Uint8Array): Promise<void> {
  const limits = LIMITS.spreadsheet;
  const entries = centralDirectory(data, limits.maxEntries);
  await inflateEntries(
    data,
    entries,
    () => true, // ExcelJS reads every entry, media included
    limits.maxUncompressedBytes,
    (n) => new ArchiveLimitError('file_too_large', `表格解压后超过 ${MB(limits.maxUncompressedBytes)}`, `the spreadsheet inflates to more than ${MB(limits.maxUncompressedBytes)} (${MB(n)} so far)`),
    (name) => (/^xl\/worksheets\/[^/]+\.xml$/i.test(name) ? worksheetScanner(name.replace(/^xl\/worksheets\//i, '').replace(/\.xml$/i, '')) : undefined),
  );
}

/** Refuses a .docx whose XML parts inflate beyond LIMITS.docx (or not a zip at all) before it is parsed. */
export async function checkDocx(data: Uint8Array): Promise<void> {
  const limits = LIMITS.docx;
  const entries = centralDirectory(data, limits.maxEntries);
  await inflateEntries(
    data,
    entries,
    (name) => /\.(xml|rels)$/i.test(name), // what mammoth reads for text; images are not read
    limits.maxXmlBytes,
    (n) => new ArchiveLimitError('file_too_large', `Word 文件解压后超过 ${MB(limits.maxXmlBytes)}`, `the .docx inflates to more than ${MB(limits.maxXmlBytes)} of XML (${MB(n)} so far)`),
  );
}
