/**
 * A generated document as DOCX laid out after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm,
 * title in 小标宋 二号 (22pt) centred, body 仿宋_GB2312 三号 (16pt) with a two-character first-line
 * indent and a fixed 28 pt line pitch, level-1 headings 黑体, level-2 楷体, page numbers "— 1 —" in
 * 宋体 四号 at the bottom (odd pages right, even pages left), 署名 and 成文日期 at the end.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun,
  TableLayoutType, VerticalAlign, WidthType, type IRunOptions,
} from 'docx';
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
const LINE = { line: 28 * PT, lineRule: LineRuleType.EXACT };
const INDENT_2 = { firstLine: 2 * BODY_PT * PT };

const run = (text: string, font: string, pt: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: font, cs: font }, size: pt * 2, ...extra });

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
 * Column widths in twips: columns of short content (figures, numbers, up to 6 characters) get just
 * their width so a figure never wraps; the text columns share the rest by how much they hold.
 */
function columnWidths(columns: string[], rows: Part[][]): number[] {
  const cellText = (p: Part) => (isFigure(p) ? p.text : p);
  const charTwips = TABLE_PT * PT;
  const content = columns.map((h, i) => ({ header: textWidth(h), widest: Math.max(0, ...rows.map((r) => textWidth(cellText(r[i]!)))) }));
  const fixed = content.map((c) => (c.widest <= 6 ? Math.round((Math.max(c.header, c.widest) + 1.2) * charTwips) : null));
  const rest = TEXT_WIDTH - fixed.reduce<number>((a, b) => a + (b ?? 0), 0);
  const weights = content.map((c, i) => (fixed[i] === null ? Math.min(14, c.widest) : 0));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return content.map((_, i) => fixed[i] ?? Math.floor((weights[i]! / total) * rest));
}

function table(caption: string, columns: string[], rows: Part[][]): (Paragraph | Table)[] {
  const cellPara = (parts: Part[], bold: boolean, center: boolean) =>
    new Paragraph({
      alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { line: 16 * PT, lineRule: LineRuleType.EXACT },
      children: bold ? [run(parts.join(''), FONTS.heading1, TABLE_PT)] : runs(parts, FONTS.body, TABLE_PT),
    });
  const widths = columnWidths(columns, rows);
  const cell = (parts: Part[], header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      borders: { top: border, bottom: border, left: border, right: border },
      children: [cellPara(parts, header, header || i !== 1)],
    });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(caption, FONTS.heading1, 14)] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, children: columns.map((c, i) => cell([c], true, i)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell([c], false, i)) })),
      ],
    }),
    new Paragraph({ spacing: LINE, children: [] }),
  ];
}

/** Renders the document as a .docx file. */
export async function renderDocx(doc: ProseDocument, opts: RenderOptions): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 35 * PT, lineRule: LineRuleType.EXACT }, children: doc.title.split('\n').map((line, i) => run(line, FONTS.title, 22, i > 0 ? { break: 1 } : {})) }),
  ];
  if (doc.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(doc.subtitle, FONTS.heading2, BODY_PT)] }));
  children.push(new Paragraph({ spacing: LINE, children: [] }));
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      children.push(new Paragraph({ spacing: LINE, indent: INDENT_2, keepNext: true, children: [run(b.text, b.level === 1 ? FONTS.heading1 : FONTS.heading2, BODY_PT)] }));
    } else if (b.kind === 'paragraph') {
      children.push(new Paragraph({ spacing: LINE, indent: INDENT_2, alignment: AlignmentType.JUSTIFIED, children: runs(b.parts) }));
    } else {
      children.push(...table(b.caption, b.columns, b.rows));
    }
  }
  const signature = (text: string) => new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 4 * BODY_PT * PT }, children: [run(text, FONTS.body, BODY_PT)] });
  children.push(new Paragraph({ spacing: LINE, children: [] }), new Paragraph({ spacing: LINE, children: [] }), signature(doc.issuer), signature(doc.dateText));
  if (opts.appendix) {
    children.push(new Paragraph({ pageBreakBefore: true, spacing: LINE, children: [run(TEMPLATES_ZH.appendix.heading, FONTS.heading1, BODY_PT)] }));
    sourcesOf(doc).forEach((s, i) =>
      children.push(new Paragraph({ spacing: { line: 22 * PT, lineRule: LineRuleType.EXACT }, children: [run(`${i + 1}. ${s.label}`, FONTS.body, 12)] })),
    );
  }
  const document = new Document({
    title: oneLineTitle(doc),
    creator: doc.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { ascii: FONTS.latin, eastAsia: FONTS.body, hAnsi: FONTS.latin }, size: BODY_PT * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(20 * MM) },
          },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
