/**
 * A generated document as one HTML page. Every figure links to an entry of the page's own 数据来源
 * section (anchors #src-N, so the links work in a saved file opened anywhere), and each entry links
 * to the record in the web app — an absolute address when `baseUrl` is configured.
 */
import { isFigure, oneLineTitle, sourcesOf, type Part, type ProseDocument } from '../domain/prose/document.ts';
import { TEMPLATES_ZH } from '../domain/prose/templates.zh.ts';
import { sourceUrl, type RenderOptions } from './markdown.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const key = (s: { kind: string; id: string }) => `${s.kind}:${s.id}`;

function parts(ps: readonly Part[], anchors: Map<string, number>): string {
  return ps
    .map((p) =>
      isFigure(p)
        ? `<a class="figure" href="#src-${anchors.get(key(p.sources[0]!))}" title="${esc(p.sources.map((s) => s.label).join('；'))}">${esc(p.text)}</a>`
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
.appendix li{font-size:12pt}.recipients{text-indent:0}
.imprint{margin-top:2em;border-top:2px solid #000;border-bottom:2px solid #000;font-size:14pt}.imprint p{text-indent:0;padding:0 1em}
.imprint .copy{border-bottom:1px solid #000}.imprint .printed{display:flex;justify-content:space-between}
@media print{.sources:not(.appendix){display:none}}`;

export function renderHtml(doc: ProseDocument, opts: RenderOptions): string {
  const out = [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${esc(oneLineTitle(doc))}</title><style>${STYLE}</style></head><body>`,
    `<h1>${doc.title.split('\n').map(esc).join('<br>')}</h1>`,
  ];
  if (doc.subtitle) out.push(`<p class="subtitle">${esc(doc.subtitle)}</p>`);
  if (doc.number) out.push(`<p class="subtitle">${esc(doc.number)}</p>`);
  if (doc.recipients) out.push(`<p class="recipients">${esc(doc.recipients)}</p>`);
  const sources = sourcesOf(doc);
  const anchors = new Map(sources.map((s, i) => [key(s), i + 1]));
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(`<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`);
    else if (b.kind === 'paragraph') out.push(`<p>${parts(b.parts, anchors)}</p>`);
    else {
      out.push(`<table><caption>${esc(b.caption)}</caption><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>`);
      for (const r of b.rows) out.push(`<tr>${r.map((c) => `<td>${parts([c], anchors)}</td>`).join('')}</tr>`);
      out.push('</tbody></table>');
    }
  }
  out.push(`<p class="issuer">${esc(doc.issuer)}</p>`, `<p class="date">${esc(doc.dateText)}</p>`);
  if (doc.imprint) {
    out.push('<div class="imprint">');
    if (doc.imprint.copyTo) out.push(`<p class="copy">抄送：${esc(doc.imprint.copyTo)}</p>`);
    out.push(`<p class="printed"><span>${esc(doc.imprint.printedBy)}</span><span>${esc(doc.imprint.printedOn)}</span></p></div>`);
  }
  // the sources inside the page, so a figure's link works in a saved copy; printed only as the 附件
  if (sources.length) {
    out.push(`<section class="sources${opts.appendix ? ' appendix' : ''}"><h2>${esc(opts.appendix ? TEMPLATES_ZH.appendix.heading : TEMPLATES_ZH.appendix.heading.replace(/^附件[：:]/, ''))}</h2><ol>`);
    sources.forEach((s, i) => out.push(`<li id="src-${i + 1}"><a href="${esc(sourceUrl(s, opts))}">${esc(s.label)}</a></li>`));
    out.push('</ol></section>');
  }
  out.push('</body></html>', '');
  return out.join('\n');
}
