/**
 * Where a DOCX's 版记 can go (GB/T 9704: on the last page, an even one). A DOCX has no pages: the
 * program that opens it lays it out. But its grid is fixed — 版心 225 mm tall, 28 pt lines, 三号
 * condensed to 15.75 pt a character (every CJK font sets a character one em wide, so the count per
 * line does not depend on which font a machine has; Latin text is Times New Roman or its metric
 * twin), tables in 五号 at 16 pt a line — so the page on which the body ends can be bounded: each
 * paragraph laid out greedily twice, early (closing punctuation hanging in the margin, quotes as
 * narrow as a Latin font sets them, no widow control) and late (a character pulled down with a
 * line-start mark or before an opening one, quotes one em, Latin text spaced off CJK, widow
 * control), numbers never broken, and every keep-together rule moving its block to the next page. Only when both bounds end the body on the
 * same even page with room below for the 版记 does it stay there; otherwise it goes in a section
 * that starts on an even page, which the layout program itself places after a blank page when the
 * body ends on an even page — right whatever the count, at worst two pages longer than needed.
 */
import { isFigure, sourcesOf, type Part, type ProseDocument } from '../domain/prose/document.ts';
import { TEMPLATES_ZH } from '../domain/prose/templates.zh.ts';
import type { RenderOptions } from './markdown.ts';

const MM_PT = 72 / 25.4;
/** the 版心: 156 × 225 mm */
const PAGE_HEIGHT = 225 * MM_PT;
const TEXT_WIDTH = (210 - 28 - 26) * MM_PT;
const LINE = 28;

/**
 * Advance of one character in em, [narrowest, widest] over the programs that lay a DOCX out: CJK
 * and full-width punctuation 1; digits ½ (Times New Roman and its metric twins); characters whose
 * font depends on the program (“ ” ‘ ’ · in the Latin or the CJK font) from their Latin width to 1.
 */
function advance(c: string): [number, number] {
  const code = c.codePointAt(0)!;
  if ((code >= 0x2018 && code <= 0x201d) || c === '·') return [0.25, 1];
  if (code >= 0x2e80 || c === '…' || c === '—') return [1, 1];
  if (/[0-9]/.test(c)) return [0.5, 0.5];
  if (c === '.' || c === ',' || c === ' ' || c === ':' || c === ';') return [0.25, 0.28];
  if (c === '%') return [0.833, 0.833];
  return [0.28, 1];
}

/** Characters a line may not start with (they hang or pull the one before down), and may not end with. */
const NO_START = new Set([...'，。、；：？！）》」』】〕”’%…·,.;:?!)']);
const NO_END = new Set([...'（《「『【〔“‘(']);
/** characters that make one unbreakable word: digits and Latin (a number with its point and %) */
const WORD = /[0-9A-Za-z.%]/;

/**
 * Lines of a text laid out greedily: `late` pushes a character down with a line-start character
 * (no hanging) and takes the widest advances; early lets a closing punctuation hang in the margin
 * and takes the narrowest. Numbers never break.
 */
function layoutLines(text: string, pt: number, width: number, indent: number, spacing: number, late: boolean): number {
  const units: Array<{ text: string; w: number }> = [];
  for (const c of text) {
    const w = advance(c)[late ? 1 : 0] * pt + spacing;
    const prev = units[units.length - 1];
    if (prev && WORD.test(c) && WORD.test(prev.text.slice(-1))) {
      prev.text += c;
      prev.w += w;
    } else units.push({ text: c, w });
  }
  // Word and LibreOffice space Latin text off CJK (autoSpaceDE/DN, on by default): late, a number
  // takes up to 0.3 em more on each side
  if (late) for (const u of units) if (WORD.test(u.text[0]!)) u.w += 0.6 * pt;
  let lines = 1;
  let used = indent;
  let line: typeof units = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (used + u.w <= width + 0.01 || line.length === 0) {
      line.push(u);
      used += u.w;
      continue;
    }
    if (NO_START.has(u.text)) {
      // early: the punctuation hangs on this line; late: the character before it goes down too
      if (!late) {
        line.push(u);
        used += u.w;
        continue;
      }
      const carried = line.length > 1 ? [line.pop()!] : [];
      lines++;
      line = [...carried, u];
      used = line.reduce((a, x) => a + x.w, 0);
      continue;
    }
    // a line may not end with an opening bracket or quote: it goes down with the next character
    const carried = late && line.length > 1 && NO_END.has(line[line.length - 1]!.text) ? [line.pop()!] : [];
    lines++;
    line = [...carried, u];
    used = line.reduce((a, x) => a + x.w, 0);
  }
  return lines;
}

/** Lines a text takes, as [fewest, most], at `pt` with `spacing` pt between characters, in `width` pt, the first line indented `indent` pt. */
export function lineBounds(text: string, pt: number, width: number, indent = 0, spacing = 0): [number, number] {
  if (!text) return [1, 1];
  return [layoutLines(text, pt, width, indent, spacing, false), layoutLines(text, pt, width, indent, spacing, true)];
}

/** A block of the page flow: its height, and how it may break. */
interface Flow {
  /** heights of its unbreakable pieces (a paragraph's lines, a table's rows), early and late */
  pieces: Array<[number, number]>;
  /** keep with the next block (a heading, a caption) */
  keepNext?: boolean;
  /** keep all its pieces on one page (the last paragraph with the 署名) */
  keepTogether?: boolean;
  /** a table's header row, repeated on every page the table runs onto */
  repeat?: [number, number];
  /** starts a page */
  pageBreakBefore?: boolean;
  /** lines of a paragraph (widow control applies in the late bound) */
  paragraph?: boolean;
}

const textOf = (parts: readonly Part[]) => parts.map((p) => (isFigure(p) ? p.text : p)).join('');

const lines = (text: string, pt: number, lineHeight: number, opts: { indent?: number; spacing?: number; width?: number } = {}): Array<[number, number]> => {
  const [a, b] = lineBounds(text, pt, opts.width ?? TEXT_WIDTH, opts.indent ?? 0, opts.spacing ?? 0);
  // the early bound has a lines, the late one b: b pieces, of which the last b − a are empty early
  return Array.from({ length: b }, (_, i) => [i < a ? lineHeight : 0, lineHeight] as [number, number]);
};

/** The page flow of the DOCX renderer (docx.ts), block by block. */
function flow(doc: ProseDocument, opts: RenderOptions, columnWidths: (columns: string[], rows: Part[][]) => number[]): Flow[] {
  const body = { spacing: -0.25 };
  const indent2 = { ...body, indent: 32 };
  const out: Flow[] = [];
  out.push({ pieces: doc.title.split('\n').flatMap((l) => lines(l, 22, 35)) });
  if (doc.subtitle) out.push({ pieces: lines(doc.subtitle, 16, LINE, body) });
  if (doc.number) out.push({ pieces: lines(doc.number, 16, LINE, body) });
  out.push({ pieces: [[LINE, LINE]] });
  if (doc.recipients) out.push({ pieces: lines(doc.recipients, 16, LINE, body) });
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'heading') out.push({ pieces: lines(b.text, 16, LINE, indent2), keepNext: true });
    else if (b.kind === 'paragraph') {
      const last = i === doc.blocks.length - 1;
      out.push({ pieces: lines(textOf(b.parts), 16, LINE, indent2), paragraph: true, keepNext: last, keepTogether: last });
    } else {
      out.push({ pieces: [[LINE, LINE]], keepNext: true });
      const widths = columnWidths(b.columns, b.rows).map((w) => w / 20 - 8);
      const row = (cells: readonly Part[], pt = 10.5): [number, number] => {
        const heights = cells.map((c, k) => lineBounds(isFigure(c) ? c.text : c, pt, widths[k]!));
        // 16 pt a line, 2 pt margins above and below, the border
        return [Math.max(...heights.map((h) => h[0])) * 16 + 4.5, Math.max(...heights.map((h) => h[1])) * 16 + 5];
      };
      const header = row(b.columns);
      // the caption, the header and the first row stay together
      out.push({ pieces: [header], keepNext: true });
      b.rows.forEach((r, n) => out.push({ pieces: [row(r)], keepNext: n === 0, repeat: header }));
      out.push({ pieces: [[LINE, LINE]] });
    }
  });
  const closing: Array<[number, number]> = [[LINE, LINE]];
  if (opts.appendix) closing.push([LINE, LINE], [LINE, LINE]);
  closing.push(...lines(doc.issuer, 16, LINE), ...lines(doc.dateText, 16, LINE));
  out.push({ pieces: closing, keepTogether: true });
  if (opts.appendix) {
    const heading = TEMPLATES_ZH.appendix.heading.replace(/^附件[：:]/, '');
    out.push({ pieces: [[LINE, LINE], ...lines(heading, 22, 35), [LINE, LINE]], pageBreakBefore: true });
    sourcesOf(doc).forEach((s, i) => out.push({ pieces: lines(`${i + 1}. ${s.label}`, 12, 22) }));
  }
  return out;
}

/** Where the body ends: page (1-based) and height used on it, laid out with the early or the late heights. */
export function bodyEnd(blocks: readonly Flow[], late: boolean): { page: number; used: number } {
  const h = (p: [number, number]) => (late ? p[1] : p[0]);
  let page = 1;
  let used = 0;
  const newPage = () => {
    page++;
    used = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.pageBreakBefore && used > 0) newPage();
    const pieces = b.pieces.map(h).filter((x) => x > 0);
    const total = pieces.reduce((a, x) => a + x, 0);
    // what must go with it on this page: the whole block if kept together, and the first piece of
    // each following block it is kept with (late bound: a heading and two lines of its paragraph)
    let needed = b.keepTogether ? total : (pieces[0] ?? 0);
    for (let j = i; blocks[j]?.keepNext && blocks[j + 1]; j++) {
      const next = blocks[j + 1]!;
      const first = next.pieces.map(h).filter((x) => x > 0);
      needed += next.keepTogether ? first.reduce((a, x) => a + x, 0) : first.slice(0, late && next.paragraph ? 2 : 1).reduce((a, x) => a + x, 0);
    }
    if (late && b.paragraph && pieces.length > 1) needed = Math.max(needed, pieces[0]! + pieces[1]!);
    if (used > 0 && used + needed > PAGE_HEIGHT) newPage();
    if (b.keepTogether && total <= PAGE_HEIGHT) {
      used += total;
      continue;
    }
    pieces.forEach((x, k) => {
      // widow control in the late bound: never one line left alone at the top of a page
      const rest = pieces.length - k;
      if (used > 0 && used + x > PAGE_HEIGHT) {
        newPage();
        if (b.repeat) used += h(b.repeat);
      } else if (late && b.paragraph && rest === 2 && used + x + pieces[k + 1]! > PAGE_HEIGHT && k > 0) {
        newPage();
      }
      used += x;
    });
  }
  return { page, used };
}

/** The 版记's height: 抄送 and the 印发 line in 四号, between rules. */
function imprintHeight(doc: ProseDocument): number {
  const width = TEXT_WIDTH - 16 - 28;
  const copy = doc.imprint?.copyTo ? lineBounds(`抄送：${doc.imprint.copyTo}`, 14, width)[1] * LINE : 0;
  return copy + LINE + 4;
}

/**
 * Where the 版记 goes: 'lastPage' when both bounds end the body on the same even page with room for
 * the 版记 below it, else 'evenPage' (a section of its own starting on an even page).
 */
export function imprintPage(doc: ProseDocument, opts: RenderOptions, columnWidths: (columns: string[], rows: Part[][]) => number[]): 'lastPage' | 'evenPage' {
  if (!doc.imprint) return 'lastPage';
  const blocks = flow(doc, opts, columnWidths);
  const early = bodyEnd(blocks, false);
  const late = bodyEnd(blocks, true);
  const room = imprintHeight(doc);
  const fits = (e: { used: number }) => e.used + room + LINE <= PAGE_HEIGHT;
  return early.page === late.page && early.page % 2 === 0 && fits(early) && fits(late) ? 'lastPage' : 'evenPage';
}

/** For tests and the bench: the early and late ends of the body. */
export function estimateBodyEnd(doc: ProseDocument, opts: RenderOptions, columnWidths: (columns: string[], rows: Part[][]) => number[]) {
  const blocks = flow(doc, opts, columnWidths);
  return { early: bodyEnd(blocks, false), late: bodyEnd(blocks, true), imprint: imprintHeight(doc), pageHeight: PAGE_HEIGHT };
}
