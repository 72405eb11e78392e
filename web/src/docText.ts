/** Text of an uploaded report: .txt (UTF-8, UTF-16, GBK/GB18030 or Big5, as encoding.ts detects) or .docx (paragraphs of word/document.xml). */
import { strFromU8, unzipSync } from 'fflate';
import { detectAndDecode } from '../../src/extract-io/encoding.ts';

const decodeEntities = (s: string) => s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  if (named[e]) return named[e]!;
  return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
});

export function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('不是有效的 .docx 文件（缺少 word/document.xml）');
  const body = strFromU8(xml);
  return body
    .split(/<\/w:p>/)
    .map((p) => decodeEntities(p.replace(/<w:tab\/>/g, '\t').replace(/<w:br\/>/g, '\n').replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g, (_m, t?: string) => t ?? '')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of a .txt file; throws (in Chinese) when its encoding cannot be told, never returns mojibake. */
export function txtText(bytes: Uint8Array): string {
  const decoded = detectAndDecode(bytes);
  if (decoded.text === null) throw new Error(`无法确定文本编码（已尝试：${decoded.tried.join('；')}），请另存为 UTF-8 后再上传`);
  return decoded.text.replace(/^\uFEFF/, '');
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
