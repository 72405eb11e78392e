/** Output formats of generated documents and how HTTP and the CLI name and type each file. */
import type { ProseDocument } from '../domain/prose/document.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown, type RenderOptions } from './markdown.ts';

export const DOCUMENT_FORMATS = ['docx', 'md', 'html', 'xlsx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Renders a prose document as DOCX, Markdown or HTML. */
export async function renderDocument(doc: ProseDocument, format: Exclude<DocumentFormat, 'xlsx'>, opts: RenderOptions): Promise<Buffer> {
  if (format === 'docx') return renderDocx(doc, opts);
  return Buffer.from(format === 'md' ? renderMarkdown(doc, opts) : renderHtml(doc, opts), 'utf8');
}

/**
 * A Content-Disposition header for a download: an ASCII fallback name and the UTF-8 name
 * (RFC 6266 / 5987), so 盐湖区2024年6月督查通报.docx arrives with its Chinese name.
 */
export function contentDisposition(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
