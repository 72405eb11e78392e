/** A generated document as Markdown: headings, paragraphs, GFM tables, optional list of sources. */
import { isFigure, oneLineTitle, sourcesOf, type Part, type ProseDocument } from '../domain/prose/document.ts';
import { TEMPLATES_ZH } from '../domain/prose/templates.zh.ts';
import { sourceHref } from './sources.ts';

export interface RenderOptions {
  /** region code, for links to commitment lists */
  regionCode: string;
  /** append 附件：数据来源 */
  appendix?: boolean;
  /** the web app's address (https://duban.example.gov.cn): links become absolute */
  baseUrl?: string | null;
}

const text = (parts: readonly Part[]) => parts.map((p) => (isFigure(p) ? p.text : p)).join('');
const cell = (p: Part) => text([p]).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(doc: ProseDocument, opts: RenderOptions): string {
  const out = [`# ${oneLineTitle(doc)}`, ''];
  if (doc.subtitle) out.push(doc.subtitle, '');
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level + 1)} ${b.text}`, '');
    else if (b.kind === 'paragraph') out.push(text(b.parts), '');
    else {
      out.push(`**${b.caption}**`, '', `| ${b.columns.join(' | ')} |`, `|${b.columns.map(() => ' --- ').join('|')}|`);
      for (const r of b.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
      out.push('');
    }
  }
  out.push(doc.issuer, '', doc.dateText, '');
  if (opts.appendix) {
    out.push(`## ${TEMPLATES_ZH.appendix.heading}`, '');
    sourcesOf(doc).forEach((s, i) => out.push(`${i + 1}. [${s.label}](${sourceHref(s, opts.regionCode)})`));
    out.push('');
  }
  return out.join('\n');
}
