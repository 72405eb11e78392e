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
    // 主送机关 before the body, 附件说明 before the 署名, 版记 last
    expect(text.indexOf('各乡镇人民政府、街道办事处，区直各有关单位：')).toBeLessThan(text.indexOf('一、总体情况'));
    expect(text.indexOf('附件：数据来源')).toBeLessThan(text.lastIndexOf('盐湖区人民政府督查室'));
    expect(text).toMatch(/抄送：区委办公室，区人大常委会办公室，区政协办公室。\s+盐湖区人民政府督查室\s+2024年7月8日印发\s*$/);
    const numbered = await renderDocx(buildBulletin({ ...FIXTURE_BULLETIN, heading: { number: '盐督通〔2024〕6号' } }), opts);
    expect((await mammoth.extractRawText({ buffer: numbered })).value).toMatch(/（2024年第6期）\s+盐督通〔2024〕6号/);
  });

  it('sets a table status\'s notes on lines of their own rather than breaking inside a word', async () => {
    const JSZip = (await import('jszip')).default;
    const statuses = ['正常推进（逾期未报）', '严重滞后（逾期未完成）', '滞后（逾期未报）（逾期未完成）'];
    const doc = { ...bulletin, blocks: [{ kind: 'table' as const, caption: '民生实事进展情况表', columns: ['序号', '民生实事', '牵头单位', '目标', '累计完成', '完成率', '状态'], rows: statuses.map((st, i) => [String(i + 1), '为180户特殊困难老年人家庭实施适老化改造', '区民政局', '25个、140条', '25个、112条', '90.8%', st]) }] };
    const xml = await (await JSZip.loadAsync(await renderDocx(doc, opts))).file('word/document.xml')!.async('string');
    for (const status of statuses) {
      const [first, ...notes] = status.split(/[（）]+/).filter(Boolean);
      expect(xml).toMatch(new RegExp(`>${first}</w:t>${notes.map((n) => `.*?<w:br/><w:t[^>]*>${n}<`).join('')}`));
    }
    // a title with a note in brackets stays whole
    const title = '涑水河片区农村污水治理（5个乡镇街道、18个行政村）';
    const titled = { ...doc, blocks: [{ ...doc.blocks[0]!, rows: [['1', title, '区民政局', '—', '—', '80%', '正常推进（逾期未报）']] }] };
    expect(await (await JSZip.loadAsync(await renderDocx(titled, opts))).file('word/document.xml')!.async('string')).toContain(`>${title}</w:t>`);
  });

  it('puts the 版记 at the foot of the last page: a table floating at the bottom of the 版心, after everything else', async () => {
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(await renderDocx(bulletin, { ...opts, appendix: true }))).file('word/document.xml')!.async('string');
    const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    const imprint = tables.at(-1)!;
    expect(imprint).toContain('抄送：');
    expect(imprint).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/);
    // narrower than the text area (else LibreOffice lays it out inline), and nothing but an empty anchor after it
    const width = Number(/<w:tblW w:type="dxa" w:w="(\d+)"/.exec(imprint)?.[1] ?? /<w:tblW w:w="(\d+)"/.exec(imprint)?.[1]);
    expect(width).toBeLessThan(Math.round((210 - 28 - 26) * 56.7));
    const after = xml.slice(xml.lastIndexOf('</w:tbl>'));
    expect(after.replace(/<w:sectPr.*$/, '')).not.toMatch(/<w:t(?: [^>]*)?>[^<]+<\/w:t>/);
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
    // 28 characters a line (22 lines from the exact 28 pt pitch); the page number 7 mm below the 版心
    expect(xml).toMatch(/<w:spacing w:val="-5"\/>/); // 28 characters of 三号 on the 156 mm line
    expect(xml).toMatch(/w:footer="1304"/);
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    for (const [font, alt] of [['方正小标宋简体', '宋体'], ['仿宋_GB2312', '仿宋'], ['黑体', 'SimHei'], ['楷体_GB2312', '楷体']]) {
      expect(fonts).toMatch(new RegExp(`<w:font w:name="${font}"><w:altName w:val="${alt}"/><w:panose1 w:val="\\d+"/><w:charset w:val="86"/>`));
    }
    expect(fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="swiss"/>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
    const footers = Object.keys(zip.files).filter((f) => /footer\d*\.xml$/.test(f));
    const footer = await zip.file(footers[0]!)!.async('string');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
  });
});

describe('Markdown and HTML', () => {
  it('Markdown has headings, the table, and with sources a footnote per figure instead of a flat list', () => {
    const md = renderMarkdown(bulletin, { ...opts, appendix: true });
    expect(md).toContain('## 二、滞后及逾期任务');
    expect(md).toMatch(/\| 2 \| 改造老旧小区住户19000户 \| 区住建局 \| 19000户\[\^\d+\] \| 3800户\[\^(\d+)\] \| 20%\[\^\1\] \| 滞后 \|/);
    const c = FIXTURE_COMMITMENTS[1]!;
    const n = /3800户\[\^(\d+)\]/.exec(md)![1];
    expect(md).toContain(`[^${n}]: [区住建局2024年6月进展报告《改造老旧小区住户19000户》](</commitments/${c.id}#report-${c.valueReport!.id}>)`);
    const plain = renderMarkdown(bulletin, opts);
    expect(plain).not.toContain('[^');
    expect(plain).toContain('| 2 | 改造老旧小区住户19000户 | 区住建局 | 19000户 | 3800户 | 20% | 滞后 |');
    expect(renderMarkdown(bulletin, { ...opts, appendix: true, baseUrl: 'https://duban.example.gov.cn/' })).toContain('(<https://duban.example.gov.cn/commitments/');
  });

  it('Markdown escapes raw HTML and links in user text (#11 item 12)', () => {
    const evil = FIXTURE_COMMITMENTS.map((c, i) =>
      i === 1 ? { ...c, title: '改造<img src=x onerror=alert(1)>小区[点此](javascript:alert(1))', latestReport: { ...c.latestReport!, narrative: '<script>alert(1)</script>见 <javascript:alert(2)>' } } : c,
    );
    const doc = buildBulletin({ ...FIXTURE_BULLETIN, commitments: evil });
    for (const appendix of [false, true]) {
      const md = renderMarkdown(doc, { ...opts, appendix });
      expect(md).not.toMatch(/<img|<script|<javascript|(?<!\\)\[[^\]]*(?<!\\)\]\(javascript:/i);
      expect(md).toContain('\\[点此\\](javascript:alert(1))'); // shown as text: the brackets escaped
      expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
      const html = renderHtml(doc, { ...opts, appendix });
      expect(html).not.toMatch(/<img|<script/i);
    }
  });

  it('HTML links every figure to its entry in the page\'s own sources, which links to the record', () => {
    const html = renderHtml(bulletin, opts);
    const c = FIXTURE_COMMITMENTS[1]!;
    const anchor = /<a class="figure" href="#src-(\d+)"[^>]*>3800户<\/a>/.exec(html)![1];
    expect(html).toContain(`<li id="src-${anchor}"><a href="/commitments/${c.id}#report-${c.valueReport!.id}">`);
    expect(html).toContain('href="/commitments?region=140802&amp;status=lagging"');
    const absolute = renderHtml(bulletin, { ...opts, baseUrl: 'https://duban.example.gov.cn' });
    expect(absolute).toContain(`<a href="https://duban.example.gov.cn/commitments/${c.id}#report-`);
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
    const row = housing.getRow(4);
    // numbers as numbers, the unit in its own column, rates in percent under a (%) header
    expect([row.getCell(4).value, row.getCell(5).value, row.getCell(6).value, row.getCell(7).value]).toEqual(['户', 19000, 3800, 20]);
    expect(row.getCell(7).numFmt).toBe('0.0');
    expect(row.getCell(9).value).toBe('滞后');
    expect(row.getCell(11).value).toBe('受雨季影响，部分小区施工推迟。');
    expect(row.getCell(2).border?.left?.style).toBe('thin');
    const overall = wb.getWorksheet('总体情况')!;
    const rows = [...overall.getSheetValues()].map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['严重滞后', 1]);
    expect(rows.find((r) => r[1] === '区农业农村局')?.[8]).toBe('批评');
  });

  it('prints: A4 landscape fitted to the width, print titles and a frozen header on every sheet, rows tall enough for their text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderBulletinXlsx(FIXTURE_BULLETIN)) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^1:\d$/);
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    }
    const housing = wb.getWorksheet('区住建局')!;
    expect(housing.getRow(4).height).toBeGreaterThanOrEqual(15);
  });

  it('headers read cleanly: each line of a header fits its column, a unit goes on a line of its own (序时进度 / （%）)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderBulletinXlsx(FIXTURE_BULLETIN)) as unknown as ArrayBuffer);
    const units = (x: string) => [...x].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
    let headers = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => {
        if ((row.getCell(1).fill as ExcelJS.FillPattern | undefined)?.pattern !== 'solid') return;
        row.eachCell((cell, col) => {
          headers++;
          // every column has its width written (ExcelJS drops a width of 9 as its default; Excel then prints 8.43)
          expect(ws.getColumn(col).width, `${ws.name}: ${cell.value}`).toBeGreaterThan(0);
          for (const line of String(cell.value).split('\n')) expect(units(line), `${ws.name}: ${cell.value}`).toBeLessThanOrEqual(ws.getColumn(col).width! - 1);
        });
      });
    }
    expect(headers).toBeGreaterThan(20);
    expect(wb.worksheets.some((ws) => ws.getRow(3).values.toString().includes('序时进度\n（%）'))).toBe(true);
  });
});

it('Content-Disposition carries the Chinese file name encoded in UTF-8', () => {
  const h = contentDisposition('盐湖区督查通报.docx', 'bulletin.docx');
  expect(h).toBe(`attachment; filename="bulletin.docx"; filename*=UTF-8''${encodeURIComponent('盐湖区督查通报.docx')}`);
});
