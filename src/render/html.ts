/** A generated document as one HTML page; every figure links to the record it came from. */
import { isFigure, oneLineTitle, sourcesOf, type Part, type ProseDocument } from '../domain/prose/document.ts';
import { TEMPLATES_ZH } from '../domain/prose/templates.zh.ts';
import type { RenderOptions } from './markdown.ts';
import { sourceHref } from './sources.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function parts(ps: readonly Part[], regionCode: string): string {
  return ps
    .map((p) =>
      isFigure(p)
        ? `<a class="figure" href="${esc(sourceHref(p.sources[0]!, regionCode))}" title="${esc(p.sources.map((s) => s.label).join('；'))}">${esc(p.text)}</a>`
        : esc(p),
    )
    .join('');
}

const STYLE = `body{max-width:46em;margin:2em auto;padding:0 1em;font:16pt/1.75 "FangSong","仿宋_GB2312","仿宋",serif;color:#000}
h1{font:22pt/1.6 "方正小标宋简体","FZXiaoBiaoSong-B05S","STZhongsong","SimSun",serif;text-align:center;margin:0 0 .2em}
.subtitle{text-align:center;font-family:"KaiTi","楷体_GB2312",serif}
h2{font:16pt/1.75 "SimHei","黑体",sans-serif;margin:.6em 0 0;text-indent:2em}
h3{font:16pt/1.75 "KaiTi","楷体_GB2312",serif;margin:.4em 0 0;text-indent:2em}
p{margin:0;text-indent:2em;text-align:justify}
table{border-collapse:collapse;margin:.5em auto;font-size:12pt;line-height:1.5}
th,td{border:1px solid #000;padding:.2em .4em}th{font-family:"SimHei","黑体",sans-serif}
caption{font-family:"SimHei","黑体",sans-serif;font-size:14pt}
a.figure{color:inherit;text-decoration:underline dotted}
.issuer{text-align:right;margin-top:2em;text-indent:0}.date{text-align:right;text-indent:0}
.appendix li{font-size:12pt}`;

export function renderHtml(doc: ProseDocument, opts: RenderOptions): string {
  const out = [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${esc(oneLineTitle(doc))}</title><style>${STYLE}</style></head><body>`,
    `<h1>${doc.title.split('\n').map(esc).join('<br>')}</h1>`,
  ];
  if (doc.subtitle) out.push(`<p class="subtitle">${esc(doc.subtitle)}</p>`);
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(`<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`);
    else if (b.kind === 'paragraph') out.push(`<p>${parts(b.parts, opts.regionCode)}</p>`);
    else {
      out.push(`<table><caption>${esc(b.caption)}</caption><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>`);
      for (const r of b.rows) out.push(`<tr>${r.map((c) => `<td>${parts([c], opts.regionCode)}</td>`).join('')}</tr>`);
      out.push('</tbody></table>');
    }
  }
  out.push(`<p class="issuer">${esc(doc.issuer)}</p>`, `<p class="date">${esc(doc.dateText)}</p>`);
  if (opts.appendix) {
    out.push(`<section class="appendix"><h2>${esc(TEMPLATES_ZH.appendix.heading)}</h2><ol>`);
    for (const s of sourcesOf(doc)) out.push(`<li><a href="${esc(sourceHref(s, opts.regionCode))}">${esc(s.label)}</a></li>`);
    out.push('</ol></section>');
  }
  out.push('</body></html>', '');
  return out.join('\n');
}
