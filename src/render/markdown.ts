/**
 * A generated document as Markdown: headings, paragraphs, GFM tables. With sources on request,
 * each figure carries a footnote naming the records it came from (one footnote per distinct set of
 * sources). Text from users (titles, narratives, names) is escaped, so raw HTML (<img onerror>) and
 * links ([x](javascript:…)) in it are shown as text, never rendered.
 */
import { isFigure, oneLineTitle, type Part, type ProseDocument, type SourceRef } from '../domain/prose/document.ts';
import { sourceHref } from './sources.ts';

export interface RenderOptions {
  /** region code, for links to commitment lists */
  regionCode: string;
  /** append 附件：数据来源 (footnotes in Markdown, a sources section in HTML) */
  appendix?: boolean;
  /** the web app's address (https://duban.example.gov.cn): links become absolute */
  baseUrl?: string | null;
  /** DOCX: where the 版记 goes — on the body's last page, or on an even page of its own; by default as `imprintPage` (docxPages.ts) estimates */
  imprintPage?: 'lastPage' | 'evenPage';
}

/** Markdown text with every character that could start markup escaped (HTML, links, emphasis, tables). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|#&!~]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`)).replace(/\n/g, ' ');
}

/** The address of a source: absolute under `baseUrl` when one is configured. */
export function sourceUrl(s: SourceRef, opts: RenderOptions): string {
  const href = sourceHref(s, opts.regionCode);
  return opts.baseUrl ? `${opts.baseUrl.replace(/\/+$/, '')}${href}` : href;
}

/** Footnote numbering: one number per distinct set of sources, in order of first use. */
export function footnoteIndex() {
  const keys = new Map<string, { n: number; sources: SourceRef[] }>();
  return {
    of(sources: readonly SourceRef[]): number {
      const key = sources.map((s) => `${s.kind}:${s.id}`).join('|');
      let entry = keys.get(key);
      if (!entry) keys.set(key, (entry = { n: keys.size + 1, sources: [...sources] }));
      return entry.n;
    },
    all: () => [...keys.values()],
  };
}

export function renderMarkdown(doc: ProseDocument, opts: RenderOptions): string {
  const notes = footnoteIndex();
  const text = (parts: readonly Part[]) =>
    parts.map((p) => (isFigure(p) ? `${escapeMarkdown(p.text)}${opts.appendix ? `[^${notes.of(p.sources)}]` : ''}` : escapeMarkdown(p))).join('');
  const out = [`# ${escapeMarkdown(oneLineTitle(doc))}`, ''];
  if (doc.subtitle) out.push(escapeMarkdown(doc.subtitle), '');
  if (doc.number) out.push(escapeMarkdown(doc.number), '');
  if (doc.recipients) out.push(escapeMarkdown(doc.recipients), '');
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}`, '');
    else if (b.kind === 'paragraph') out.push(text(b.parts), '');
    else {
      out.push(`**${escapeMarkdown(b.caption)}**`, '', `| ${b.columns.map(escapeMarkdown).join(' | ')} |`, `|${b.columns.map(() => ' --- ').join('|')}|`);
      for (const r of b.rows) out.push(`| ${r.map((c) => text([c])).join(' | ')} |`);
      out.push('');
    }
  }
  out.push(escapeMarkdown(doc.issuer), '', escapeMarkdown(doc.dateText), '');
  if (doc.imprint) {
    out.push('---', '');
    if (doc.imprint.copyTo) out.push(`抄送：${escapeMarkdown(doc.imprint.copyTo)}`, '');
    out.push(`${escapeMarkdown(doc.imprint.printedBy)}　${escapeMarkdown(doc.imprint.printedOn)}`, '');
  }
  if (opts.appendix) {
    for (const { n, sources } of notes.all()) out.push(`[^${n}]: ${sources.map((s) => `[${escapeMarkdown(s.label)}](<${sourceUrl(s, opts).replace(/[<>\s]/g, encodeURIComponent)}>)`).join('；')}`);
    out.push('');
  }
  return out.join('\n');
}
