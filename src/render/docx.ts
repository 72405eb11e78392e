/**
 * A generated document as DOCX laid out after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm,
 * a 156 × 225 mm 版心 of 22 lines × 28 characters (document grid), title in 小标宋 二号 (22pt)
 * centred, 发文字号 and 主送机关 under it, body 仿宋_GB2312 三号 (16pt) with a two-character
 * first-line indent and a fixed 28 pt line pitch, level-1 headings 黑体, level-2 楷体, page numbers
 * "— 1 —" in 宋体 四号 7 mm below the 版心 (odd pages right, even pages left), 附件说明, 署名 and
 * 成文日期, the appendix on its own page, and the 版记 (抄送, 印发机关 and 印发日期) last.
 *
 * The font table names a fallback for each official font (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体,
 * 方正小标宋简体 → 宋体, 黑体 sans) with its GB2312 character set and family, and East Asian text is
 * tagged zh-CN, so a machine without the official fonts substitutes a serif or sans Chinese font
 * of the right kind rather than one font for everything.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun,
  TableLayoutType, VerticalAlign, WidthType, type IRunOptions, TableAnchorType, RelativeHorizontalPosition, RelativeVerticalPosition, OverlapType, SectionType,
} from 'docx';
import { imprintPage } from './docxPages.ts';
import { isFigure, oneLineTitle, sourcesOf, type Part, type ProseDocument } from '../domain/prose/document.ts';
import { TEMPLATES_ZH } from '../domain/prose/templates.zh.ts';
import type { RenderOptions } from './markdown.ts';

const MM = 56.7; // twips per millimetre
const PT = 20; // twips per point
const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};
const BODY_PT = 16;

/** Fallbacks of the official fonts for the font table: alternative name, panose, family, pitch. */
const FONT_TABLE: Array<{ name: string; alt: string; panose: string; family: 'roman' | 'swiss' | 'modern' | 'script'; pitch: 'variable' | 'fixed' }> = [
  { name: FONTS.title, alt: '宋体', panose: '02000000000000000000', family: 'roman', pitch: 'variable' },
  { name: FONTS.body, alt: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', alt: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading1, alt: 'SimHei', panose: '02010609060101010101', family: 'swiss', pitch: 'fixed' },
  { name: FONTS.heading2, alt: '楷体', panose: '02010609030101010101', family: 'script', pitch: 'fixed' },
  { name: '楷体', alt: 'KaiTi', panose: '02010609060101010101', family: 'script', pitch: 'fixed' },
  { name: FONTS.pageNumber, alt: 'SimSun', panose: '02010600030101010101', family: 'roman', pitch: 'variable' },
  { name: FONTS.latin, alt: 'Liberation Serif', panose: '02020603050405020304', family: 'roman', pitch: 'variable' },
];

/** word/fontTable.xml with the fallbacks (GB2312 character set 86). */
export function fontTableXml(): string {
  const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.alt)}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.name === FONTS.latin ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}
const LINE = { line: 28 * PT, lineRule: LineRuleType.EXACT };
const INDENT_2 = { firstLine: 2 * BODY_PT * PT };

/**
 * 三号 text condensed by a quarter point (w:spacing −5 twentieths), so 28 characters fill the
 * 156 mm line (28 × 15.75 pt ≤ 442 pt) in Word and LibreOffice alike; a character grid (docGrid
 * charSpace) would do the same in Word but LibreOffice lays it out differently.
 */
const BODY_SPACING = -5;
const run = (text: string, font: string, pt: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: font, cs: font }, size: pt * 2, ...(pt === BODY_PT ? { characterSpacing: BODY_SPACING } : {}), ...extra });

const runs = (parts: readonly Part[], font = FONTS.body, pt = BODY_PT) => parts.map((p) => run(isFigure(p) ? p.text : p, font, pt));

function pageFooter(align: 'right' | 'left'): Footer {
  const f = (text: string) => run(text, FONTS.pageNumber, 14);
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 14 * PT } : { left: 14 * PT },
        children: [
          f('— '),
          new TextRun({ children: [PageNumber.CURRENT], font: { ascii: FONTS.pageNumber, eastAsia: FONTS.pageNumber, hAnsi: FONTS.pageNumber }, size: 28 }),
          f(' —'),
        ],
      }),
    ],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** width of the text block: A4 less the left and right margins */
const TEXT_WIDTH = Math.round((210 - 28 - 26) * MM);

/** Display width in character cells: CJK 1, Latin letters and digits ½. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

const TABLE_PT = 10.5; // 五号

/**
 * A status cell's words: 正常推进（逾期未报） → 正常推进, 逾期未报; null for any other text — one
 * without a note in brackets, or with a longer part (a title such as 涑水河片区农村污水治理（5个乡镇街道…）).
 */
function notes(text: string): string[] | null {
  if (!/^[^（）]+(（[^（）]+）)+$/.test(text)) return null;
  const parts = text.split(/[（）]+/).filter(Boolean);
  return parts.every((p) => textWidth(p) <= 6) ? parts : null;
}

/** A list of figures (23个、97条): its items, each but the last with its 、; null for any other text. */
function figureList(text: string): string[] | null {
  if (!/^[^、]+(、[^、]+)+$/.test(text) || !/^[\d.]/.test(text)) return null;
  const items = text.split('、');
  return items.map((x, k) => (k < items.length - 1 ? `${x}、` : x));
}

/** The pieces a cell may be set in, one a line: a status's words, a figure list's items, or the text whole. */
const pieces = (text: string): string[] => notes(text) ?? figureList(text) ?? [text];

/**
 * Column widths in twips: columns of short content (figures, numbers, up to 6 characters) get just
 * their width so a figure never wraps; the other columns get at least room for their longest piece
 * (a status's word and each bracketed note on its own line: 正常推进 / 逾期未报; a figure list's
 * item: 23个、/ 97条 — up to 6 characters) and share the rest by how much they hold, a status or a
 * figure list by its longest piece and the title column (the commitment's) twice: it holds the most.
 */
export function columnWidths(columns: string[], rows: Part[][]): number[] {
  const cellText = (p: Part) => (isFigure(p) ? p.text : p);
  const charTwips = TABLE_PT * PT;
  const content = columns.map((h, i) => ({ header: textWidth(h), widest: Math.max(0, ...rows.map((r) => textWidth(cellText(r[i]!)))) }));
  // a figure list (20个、120条) may take two lines rather than narrow the title column
  const lists = columns.map((_, i) => rows.some((r) => figureList(cellText(r[i]!)) !== null));
  const fixed = content.map((c, i) => (c.widest <= 6 && !lists[i] ? Math.round((Math.max(c.header, c.widest) + 1.2) * charTwips) : null));
  const longestPiece = (i: number) => Math.max(0, ...rows.map((r) => Math.max(...pieces(cellText(r[i]!)).map(textWidth))));
  const word = columns.map((h, i) => (fixed[i] !== null ? 0 : Math.round((Math.min(6, Math.max(textWidth(h), longestPiece(i))) + 1.2) * charTwips)));
  const rest = TEXT_WIDTH - fixed.reduce<number>((a, b) => a + (b ?? 0), 0) - word.reduce((a, b) => a + b, 0);
  const weights = content.map((c, i) => (fixed[i] !== null ? 0 : i === 1 ? Math.min(14, c.widest) * 2 : Math.min(14, c.widest, Math.max(textWidth(columns[i]!), longestPiece(i)) * 1.5)));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return content.map((_, i) => fixed[i] ?? word[i]! + Math.floor((weights[i]! / total) * Math.max(0, rest)));
}

function table(caption: string, columns: string[], rows: Part[][]): (Paragraph | Table)[] {
  // the caption, the header and the first row stay on one page: keep-with-next on their paragraphs
  const widths = columnWidths(columns, rows);
  // a status with notes or a list of figures that does not fit on one line: each piece on a line of its own
  const lines = (parts: Part[], twips: number) => {
    const text = parts.length === 1 ? (isFigure(parts[0]!) ? parts[0].text : parts[0]!) : null;
    const split = text !== null && textWidth(text) > (twips - 160) / (TABLE_PT * PT) ? (notes(text) ?? figureList(text)) : null;
    return split ? split.map((l, n) => run(l, FONTS.body, TABLE_PT, n > 0 ? { break: 1 } : {})) : runs(parts, FONTS.body, TABLE_PT);
  };
  const cellPara = (parts: Part[], bold: boolean, center: boolean, i: number, keepNext = false) =>
    new Paragraph({
      keepNext,
      keepLines: true,
      alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { line: 16 * PT, lineRule: LineRuleType.EXACT },
      children: bold ? [run(parts.join(''), FONTS.heading1, TABLE_PT)] : lines(parts, widths[i]!),
    });
  const cell = (parts: Part[], header: boolean, i: number, keepNext = header) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      borders: { top: border, bottom: border, left: border, right: border },
      children: [cellPara(parts, header, header || i !== 1, i, keepNext)],
    });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, keepNext: true, keepLines: true, children: [run(caption, FONTS.heading1, 14)] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, children: columns.map((c, i) => cell([c], true, i)) }),
        ...rows.map((r, n) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell([c], false, i, n === 0)) })),
      ],
    }),
    new Paragraph({ spacing: LINE, children: [] }),
  ];
}

const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * 版记: 抄送 and the 印发机关/印发日期 line between full-width rules (thick first and last, thin
 * between), 四号 仿宋, one character in from each side, at the foot of the last page (GB/T 9704:
 * its last rule on the 版心's lower edge): a table floating at the bottom of the 版心, anchored to
 * the document's last paragraph, so the text of that page stops above it and, when the page has no
 * room left, it stands at the foot of a page of its own. It is a point narrower than the 版心:
 * LibreOffice lays a floating table as wide as the text area out inline.
 */
function imprint(copyTo: string | null, printedBy: string, printedOn: string): Table {
  const PT14 = 14;
  // keep-with-next holds the two rows on one page
  const para = (children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
    new Paragraph({ alignment, spacing: LINE, keepNext: true, keepLines: true, indent: { left: PT14 * PT, right: PT14 * PT }, children });
  const rows: TableRow[] = [];
  const row = (children: Paragraph[], top: ReturnType<typeof rule>, bottom: ReturnType<typeof rule>) =>
    new TableRow({
      cantSplit: true,
      children: [new TableCell({ width: { size: IMPRINT_WIDTH, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, borders: { top, bottom, left: NONE, right: NONE }, children })],
    });
  if (copyTo) rows.push(row([para([run(`抄送：${copyTo}`, FONTS.body, PT14)])], rule(8), rule(4)));
  rows.push(
    row(
      [
        new Paragraph({
          spacing: LINE,
          indent: { left: PT14 * PT, right: PT14 * PT },
          tabStops: [{ type: 'right', position: IMPRINT_WIDTH - 2 * PT14 * PT - 200 }],
          children: [run(printedBy, FONTS.body, PT14), run(`\t${printedOn}`, FONTS.body, PT14)],
        }),
      ],
      copyTo ? rule(4) : rule(8),
      rule(8),
    ),
  );
  return new Table({
    width: { size: IMPRINT_WIDTH, type: WidthType.DXA },
    columnWidths: [IMPRINT_WIDTH],
    layout: TableLayoutType.FIXED,
    rows,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
      topFromText: 0,
      bottomFromText: 0,
    },
  });
}
const IMPRINT_WIDTH = TEXT_WIDTH - 320;

/** Renders the document as a .docx file. */
export async function renderDocx(doc: ProseDocument, opts: RenderOptions): Promise<Buffer> {
  const blank = () => new Paragraph({ spacing: LINE, children: [] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 35 * PT, lineRule: LineRuleType.EXACT }, children: doc.title.split('\n').map((line, i) => run(line, FONTS.title, 22, i > 0 ? { break: 1 } : {})) }),
  ];
  if (doc.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(doc.subtitle, FONTS.heading2, BODY_PT)] }));
  // 发文字号 centred under the title
  if (doc.number) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(doc.number, FONTS.body, BODY_PT)] }));
  children.push(blank());
  // 主送机关: flush left, one line below the title
  if (doc.recipients) children.push(new Paragraph({ spacing: LINE, children: [run(doc.recipients, FONTS.body, BODY_PT)] }));
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'heading') {
      children.push(new Paragraph({ spacing: LINE, indent: INDENT_2, keepNext: true, children: [run(b.text, b.level === 1 ? FONTS.heading1 : FONTS.heading2, BODY_PT)] }));
    } else if (b.kind === 'paragraph') {
      const last = i === doc.blocks.length - 1;
      children.push(new Paragraph({ spacing: LINE, indent: INDENT_2, alignment: AlignmentType.JUSTIFIED, keepNext: last, keepLines: last, children: runs(b.parts) }));
    } else {
      children.push(...table(b.caption, b.columns, b.rows));
    }
  });
  const appendixName = TEMPLATES_ZH.appendix.heading.replace(/^附件[：:]/, '');
  // 附件说明: one line under the body, indented two characters
  const kept = () => new Paragraph({ spacing: LINE, keepNext: true, children: [] });
  if (opts.appendix) children.push(kept(), new Paragraph({ spacing: LINE, indent: INDENT_2, keepNext: true, children: [run(`附件：${appendixName}`, FONTS.body, BODY_PT)] }));
  // 署名 one line below (no seal), and with 成文日期 never alone on a page: the body's last lines keep with them
  const signature = (text: string, keepNext: boolean) => new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 4 * BODY_PT * PT }, keepNext, children: [run(text, FONTS.body, BODY_PT)] });
  children.push(kept(), signature(doc.issuer, true), signature(doc.dateText, false));
  if (opts.appendix) {
    // the appendix on its own page: 附件 top left in 黑体, its title centred
    children.push(new Paragraph({ pageBreakBefore: true, spacing: LINE, children: [run('附件', FONTS.heading1, BODY_PT)] }));
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 35 * PT, lineRule: LineRuleType.EXACT }, children: [run(appendixName, FONTS.title, 22)] }), blank());
    sourcesOf(doc).forEach((s, i) =>
      children.push(new Paragraph({ spacing: { line: 22 * PT, lineRule: LineRuleType.EXACT }, children: [run(`${i + 1}. ${s.label}`, FONTS.body, 12)] })),
    );
  }
  // the 版记 floats at the foot of the page of the paragraph after it: a 1 pt one, so it needs no room of its own
  const imprintBlock = doc.imprint
    ? [imprint(doc.imprint.copyTo, doc.imprint.printedBy, doc.imprint.printedOn), new Paragraph({ spacing: { line: PT, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run('', FONTS.body, 1)] })]
    : [];
  // on the body's last page when that is sure to be an even page with room for it; else in a section
  // of its own that starts on an even page (the layout engine inserts a blank page when needed)
  const evenPage = doc.imprint ? (opts.imprintPage ?? imprintPage(doc, opts, columnWidths)) === 'evenPage' : false;
  if (!evenPage) children.push(...imprintBlock);
  const page = {
    size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
    // the footer line sits 7 mm below the 版心 (bottom margin 35 mm): its baseline 35 − 7 − 4.9 mm (四号) above the edge
    margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(23 * MM) },
  };
  const footers = { default: pageFooter('right'), even: pageFooter('left') };
  const document = new Document({
    title: oneLineTitle(doc),
    creator: doc.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONTS.latin, eastAsia: FONTS.body, hAnsi: FONTS.latin }, size: BODY_PT * 2, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      { properties: { page }, footers, children },
      // (a 1 pt paragraph opens the section: LibreOffice drops the break of a section that opens with a floating table)
      ...(evenPage ? [{ properties: { page, type: SectionType.EVEN_PAGE }, footers, children: [new Paragraph({ spacing: { line: PT, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run('', FONTS.body, 1)] }), ...imprintBlock] }] : []),
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
