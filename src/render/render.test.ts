import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../domain/prose/bulletin.ts';
import { buildYearSummary } from '../domain/prose/yearSummary.ts';
import { FIXTURE_BULLETIN, FIXTURE_COMMITMENTS, FIXTURE_YEAR } from '../domain/prose/fixtures.ts';
import { renderBulletinXlsx } from './bulletinXlsx.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { contentDisposition } from './index.ts';
import { renderMarkdown } from './markdown.ts';

const bulletin = buildBulletin(FIXTURE_BULLETIN);
const opts = { regionCode: '140802' };

describe('DOCX', () => {
  it('opens again with its title, headings, figures and the lagging departments', async () => {
    const file = await renderDocx(bulletin, { ...opts, appendix: true });
    const { value: text } = await mammoth.extractRawText({ buffer: file });
    expect(text).toContain('盐湖区2024年政府工作报告目标任务推进情况督查通报');
    for (const h of ['一、总体情况', '二、滞后及逾期任务', '（一）区农业农村局', '（二）区住建局', '四、民生实事进展']) expect(text).toContain(h);
    expect(text).toContain('累计完成3800户，完成率20%');
    expect(text).toContain('附件：数据来源');
    expect(text).toContain('盐湖区人民政府督查室');
  });

  it('is laid out in official fonts and sizes on A4 with page numbers', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await renderDocx(bulletin, opts));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toMatch(/<w:sz w:val="44"\/>/); // 二号 22pt title
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/); // A4
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/); // 28pt fixed line pitch
    const footers = Object.keys(zip.files).filter((f) => /footer\d*\.xml$/.test(f));
    const footer = await zip.file(footers[0]!)!.async('string');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
  });
});

describe('Markdown and HTML', () => {
  it('Markdown has headings, the table and the sources appendix on request', () => {
    const md = renderMarkdown(bulletin, { ...opts, appendix: true });
    expect(md).toContain('## 二、滞后及逾期任务');
    expect(md).toContain('| 2 | 改造老旧小区住户19000户 | 区住建局 | 1.9万户 | 3800户 | 20% | 滞后 |');
    expect(md).toMatch(/附件：数据来源\n\n1\. \[/);
    expect(renderMarkdown(bulletin, opts)).not.toContain('附件');
  });

  it('HTML links every figure to its source', () => {
    const html = renderHtml(bulletin, opts);
    const c = FIXTURE_COMMITMENTS[1]!;
    expect(html).toContain(`<a class="figure" href="/commitments/${c.id}#report-${c.valueReport!.id}"`);
    expect(html).toContain('>3800户</a>');
    expect(html).toContain('href="/commitments?region=140802&amp;status=lagging"');
    const summary = renderHtml(buildYearSummary(FIXTURE_YEAR), opts);
    expect(summary).toContain(`href="/indicators?region=140802#indicator-${FIXTURE_YEAR.indicators[0]!.id}"`);
    expect(summary).not.toMatch(/undefined|NaN/);
  });
});

describe('XLSX', () => {
  it('has an overview and one sheet per lead department with its commitments', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderBulletinXlsx(FIXTURE_BULLETIN)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '民生实事', '区农业农村局', '区人社局', '区住建局']);
    const housing = wb.getWorksheet('区住建局')!;
    const titles = [4, 5].map((r) => housing.getRow(r).getCell(2).value);
    expect(titles).toEqual(['改造老旧小区住户19000户', '完成固定资产投资22.51亿元']);
    expect(housing.getRow(4).getCell(8).value).toBe('滞后');
    expect(housing.getRow(4).getCell(10).value).toBe('受雨季影响，部分小区施工推迟。');
    const overall = wb.getWorksheet('总体情况')!;
    const rows = [...overall.getSheetValues()].map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['严重滞后', 1]);
    expect(rows.find((r) => r[1] === '区农业农村局')?.[7]).toBe('批评');
  });
});

it('Content-Disposition carries the Chinese file name encoded in UTF-8', () => {
  const h = contentDisposition('盐湖区督查通报.docx', 'bulletin.docx');
  expect(h).toBe(`attachment; filename="bulletin.docx"; filename*=UTF-8''${encodeURIComponent('盐湖区督查通报.docx')}`);
});
