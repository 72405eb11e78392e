/**
 * Reads a work report from a file as text, the way documents really arrive: UTF-8 (with or
 * without BOM), UTF-16 LE/BE (with or without BOM), GBK/GB18030, Big5 (encoding.ts decides,
 * refusing rather than guessing into mojibake), or .docx (its text via mammoth, in a worker thread).
 * A binary file (NUL bytes, PDF, images, archives) is refused with an error naming the file.
 * The returned text is what claim offsets refer to.
 */
import { readFile } from 'node:fs/promises';
import { FileParseError, parseDocxText } from './parsePool.ts';
import { detectAndDecode, looksUtf16, type TextEncodingName } from './encoding.ts';

export interface ReadDocument {
  /** the decoded text; claim offsets are offsets into this string */
  text: string;
  encoding: TextEncodingName | 'docx';
  /** raw bytes, e.g. for a sha256 of the file */
  bytes: Uint8Array;
}

/** Error for a file that cannot be read as a document; the message names the file. */
export class DocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Decodes bytes as a text document; `name` is used in error messages. */
export async function decodeDocument(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  const head = bytes.subarray(0, 8);
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (isZip) {
    if (!/\.docx$/i.test(name) && !looksLikeDocx(bytes)) {
      throw new DocumentError(`${name}: 不是文本文件（压缩包） / not a text file (a zip archive)`);
    }
    // in a worker thread, after the zip-bomb check (parsePool.ts)
    try {
      return { text: await parseDocxText(bytes), encoding: 'docx', bytes };
    } catch (err) {
      if (err instanceof FileParseError) throw new DocumentError(`${name}: ${err.zh} / ${err.en}`);
      throw err;
    }
  }
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) {
    throw new DocumentError(`${name}: PDF 文件请先复制出文本 / PDF files are not read; copy their text into a .txt file`);
  }
  // UTF-16 has NUL bytes: decided before the binary test
  if (!looksUtf16(bytes) && isBinary(bytes)) {
    throw new DocumentError(`${name}: 不是文本文件（二进制内容） / not a text file (binary content)`);
  }
  const decoded = detectAndDecode(bytes);
  if (decoded.text !== null && looksUtf16(bytes) && !decoded.encoding.startsWith('utf-16')) {
    throw new DocumentError(`${name}: 不是文本文件（二进制内容） / not a text file (binary content)`);
  }
  if (decoded.text === null) {
    throw new DocumentError(
      `${name}: 无法确定文本编码，请另存为 UTF-8 / cannot tell the text encoding; save the file as UTF-8 (tried: ${decoded.tried.join('; ')})`,
    );
  }
  return { text: decoded.text, encoding: decoded.encoding, bytes };
}

/** Reads and decodes a document file. */
export async function readDocument(path: string): Promise<ReadDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new DocumentError(`${path}: 无法读取文件 / cannot read the file (${e.code ?? e.message})`);
  }
  return decodeDocument(bytes, path);
}

/** NUL bytes or many control characters in the first 64 KB mean binary. */
function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.05;
}

function looksLikeDocx(bytes: Uint8Array): boolean {
  // a .docx names word/document.xml in its zip directory
  const probe = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('latin1');
  return probe.includes('word/document.xml');
}
