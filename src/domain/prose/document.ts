/**
 * The document model of generated prose (督查通报, 工作纪实): headings, paragraphs made of text and
 * figures, and tables. Every figure carries the sources it came from — the accepted progress report,
 * indicator value, project record or recorded fact — so the HTML links it and an appendix lists it.
 * Pure: builders (bulletin.ts, yearSummary.ts) produce it, renderers in src/reports/ print it.
 */

/** What a figure was taken from. */
export type SourceKind =
  /** 进展报告: `id` is the report, `commitmentId` its commitment */
  | 'report'
  /** 经济指标 value */
  | 'indicator'
  /** 重点项目 */
  | 'project'
  /** 往年成绩 (recorded fact of a past year) */
  | 'fact'
  /** 目标任务 itself (its target, a next-year plan item) */
  | 'commitment'
  /** a count over commitments: `id` is the list query, e.g. `status=lagging` */
  | 'commitments'
  /** 荣誉表彰 recorded by the office */
  | 'honour';

export interface SourceRef {
  kind: SourceKind;
  id: string;
  commitmentId?: string;
  /** how the appendix names it, e.g. 区人社局 2024年6月进展报告《城镇新增就业3500人以上》 */
  label: string;
}

/** A number written in the text, with where it came from. */
export interface Figure {
  text: string;
  sources: SourceRef[];
}

/** A piece of a sentence: plain text or a figure. */
export type Part = string | Figure;

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; parts: Part[] }
  | { kind: 'table'; caption: string; columns: string[]; rows: Part[][] };

/** A generated document. */
export interface ProseDocument {
  kind: 'bulletin' | 'yearSummary' | 'promiseCheck' | 'slipNotice';
  /** may hold `\n` where a long title breaks into lines; see `oneLineTitle` */
  title: string;
  /** line under the title, e.g. （2024年第6期）; null when none */
  subtitle: string | null;
  /** 落款: issuing office */
  issuer: string;
  /** 成文日期 as written: 2024年7月6日 */
  dateText: string;
  /** 发文字号 (盐督通〔2026〕10号), printed under the title; null or absent when none */
  number?: string | null;
  /** 主送机关, with its closing colon */
  recipients?: string | null;
  /** 版记: 抄送, 印发机关 and 印发日期 */
  imprint?: { copyTo: string | null; printedBy: string; printedOn: string } | null;
  blocks: Block[];
}

export const isFigure = (p: Part): p is Figure => typeof p !== 'string';

/** A figure from its text and one or more sources; refuses an empty text or a figure without source. */
export function figure(text: string, ...sources: SourceRef[]): Figure {
  if (!text || /undefined|null|NaN/.test(text)) throw new Error(`figure without a value: "${text}"`);
  if (sources.length === 0) throw new Error(`figure "${text}" has no source`);
  return { text, sources };
}

/** The plain text of parts. */
export const plainText = (parts: readonly Part[]): string => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

/** Every source cited in the document, once each, in order of first appearance. */
export function sourcesOf(doc: ProseDocument): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  const visit = (parts: readonly Part[]) => {
    for (const p of parts) if (isFigure(p)) for (const s of p.sources) if (!seen.has(`${s.kind}:${s.id}`)) seen.set(`${s.kind}:${s.id}`, s);
  };
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') visit(b.parts);
    else if (b.kind === 'table') b.rows.forEach(visit);
  }
  return [...seen.values()];
}

/** The title on one line (file names, Markdown, page titles). */
export const oneLineTitle = (doc: Pick<ProseDocument, 'title'>): string => doc.title.replace(/\n/g, '');

/** The whole document as plain text, one block a line (tests and previews). */
export function documentText(doc: ProseDocument): string {
  const lines = [oneLineTitle(doc), ...(doc.subtitle ? [doc.subtitle] : []), ...(doc.number ? [doc.number] : []), ...(doc.recipients ? [doc.recipients] : [])];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') lines.push(b.text);
    else if (b.kind === 'paragraph') lines.push(plainText(b.parts));
    else lines.push(b.caption, b.columns.join(' | '), ...b.rows.map((r) => r.map((c) => plainText([c])).join(' | ')));
  }
  lines.push(doc.issuer, doc.dateText);
  if (doc.imprint) lines.push(...(doc.imprint.copyTo ? [`抄送：${doc.imprint.copyTo}`] : []), `${doc.imprint.printedBy}　${doc.imprint.printedOn}`);
  return lines.join('\n');
}

/**
 * Fills a template such as `城镇新增就业{value}，任务完成率{rate}` with values: each `{name}` becomes
 * the given part (or parts). Throws when a placeholder has no value, so no sentence is written with a gap.
 */
export function fill(template: string, values: Record<string, Part | Part[] | undefined>): Part[] {
  const out: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) out.push(template.slice(last, m.index));
    const v = values[m[1]!];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'string' && /undefined|NaN/.test(v))) {
      throw new Error(`template "${template}" has no value for {${m[1]}}`);
    }
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return merge(out);
}

/** Joins adjacent strings. */
export function merge(parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (typeof p === 'string' && typeof prev === 'string') out[out.length - 1] = prev + p;
    else if (p !== '') out.push(p);
  }
  return out;
}

/** Joins sentences (each a list of parts) with a separator. */
export function joinParts(items: readonly Part[][], separator: string): Part[] {
  const out: Part[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(separator);
    out.push(...item);
  });
  return merge(out);
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99), as headings and ranks are numbered. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const [t, u] = [Math.floor(n / 10), n % 10];
  return `${t === 1 ? '' : CN_DIGITS[t]}十${u ? CN_DIGITS[u] : ''}`;
}
