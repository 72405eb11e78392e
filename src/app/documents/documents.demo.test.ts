/**
 * The rules of generated documents (督查通报, 工作纪实) checked over all the demo data: every demo
 * district's plan, every month, in every format. The demo is loaded once per engine as of
 * 2026-12-03, so the current year's December is an unfinished period and its October is a past
 * one regenerated later. Every report narrative and honour title carries hostile markup (HOSTILE):
 * user text must reach every document as text, never as markup or a link. Each document is
 * rendered once in every format (`render`) and the renders are shared by the tests.
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../domain/dates.ts';
import { DEFAULT_CONFIG } from '../../domain/config.ts';
import { criticismReasons, praiseAndCriticise } from '../../domain/prose/bulletin.ts';
import { documentText, isFigure, plainText, type ProseDocument } from '../../domain/prose/document.ts';
import type { BulletinData, YearSummaryData } from '../../domain/prose/facts.ts';
import { dateLabel, periodLabel, periodRange } from '../../domain/schedule.ts';
import { loadDemoData } from '../../demo/loadDemo.ts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatPercent } from '../../domain/prose/figures.ts';
import { normalize, toString, tryParseQuantity } from '../../domain/quantity.ts';
import { renderBulletinXlsx } from '../../render/bulletinXlsx.ts';
import { renderDocx } from '../../render/docx.ts';
import { renderHtml } from '../../render/html.ts';
import { escapeMarkdown, renderMarkdown } from '../../render/markdown.ts';
import type { Db } from '../../store/db.ts';
import { listReports } from '../../store/reports.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { createContext, type AppContext } from '../context.ts';
import { SYSTEM_ACTOR } from '../workflow/access.ts';
import { bulletinDocument } from './bulletinDocument.ts';
import { documentDate } from './documentDate.ts';
import { yearSummaryDocument } from './yearSummaryDocument.ts';
import { buildCommitment } from '../../domain/factories.ts';
import { insertCommitment } from '../../store/commitments.ts';
import { upsertPlan } from '../../store/plans.ts';
import { distinguishes, resultSubject } from '../../domain/prose/yearSummary.ts';
import { commitmentSubject } from '../../domain/prose/figures.ts';
import { sourcesOf } from '../../domain/prose/document.ts';
import { slipNotice } from '../escalation/slipRecords.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_ZH } from '../../domain/prose/templates.zh.ts';

const TODAY = '2026-12-03';
const BASE_URL = 'https://duban.example.gov.cn/';
/** two sentences a department could type into its report: an image with a script and a javascript: link */
const HOSTILE = ['<img src=x onerror=alert(1)>已完成现场核查', '详见[核查材料](javascript:alert(2))及<a href="javascript:alert(3)">附表</a>'];
const HOSTILE_HONOUR = '<script>alert(4)</script>';

interface Bulletin {
  period: string;
  regionCode: string;
  document: ProseDocument;
  data: BulletinData;
}
interface Summary {
  year: number;
  regionCode: string;
  document: ProseDocument;
  data: YearSummaryData;
}

describe.each(testEngines())('documents over all demo data on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  const bulletins: Bulletin[] = [];
  const summaries: Summary[] = [];
  const reports = new Map<string, { period: string; submittedAt: string | null }>();

  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => TODAY);
    await loadDemoData(ctx);
    // hostile markup in every report narrative (it reaches the bulletins' reasons and the 纪实's 具体做法) and honour title
    await db.query(`update progress_report set narrative = $1 || narrative`, [HOSTILE.map((x) => `${x}。`).join('')]);
    await db.query('update honour set title = title || $1', [HOSTILE_HONOUR]);
    // a department that stopped reporting after June: 城镇新增就业's reports from July on withdrawn
    const [stopped] = await db.query<{ id: string }>(
      `select c.id from commitment c join plan p on p.id = c.plan_id
       where p.region_code = '140802' and p.year = 2026 and c.kind = 'quantitative' and c.parent_id is null
         and exists (select 1 from progress_report r where r.commitment_id = c.id and r.period = '2026-10' and r.state = 'accepted')
       order by c.title limit 1`,
    );
    await db.query("delete from evidence where report_id in (select id from progress_report where commitment_id = $1 and period > '2026-06')", [stopped!.id]);
    await db.query("delete from progress_report where commitment_id = $1 and period > '2026-06'", [stopped!.id]);
    // 盐湖区's 2025 plan: imported drafts (one three times) beside confirmed commitments
    const plan2025 = await upsertPlan(db, { id: '00000000-0000-4000-8000-000000002025', regionCode: '140802', year: 2025, title: '2025', sourceDocumentId: null });
    const [dept] = await db.query<{ id: string }>("select id from department where region_code = '140802' order by name limit 1");
    const nextYear = (title: string, state: 'draft' | 'assigned', sector: string) =>
      insertCommitment(db, buildCommitment({ regionCode: '140802', planId: plan2025.id, title, state, sector, leadDepartmentId: dept!.id, coDepartmentIds: [], startDate: '2025-01-01', deadline: '2025-12-31' }));
    for (let i = 0; i < 3; i++) await nextYear('草稿目标新建停车位500个', 'draft', '城市建设');
    await nextYear('城镇新增就业3600人以上', 'assigned', '民生保障');
    await nextYear('城镇新增就业3600人以上', 'assigned', '民生保障');
    await nextYear('签约招商项目45个', 'assigned', '经济发展');
    const plans = await db.query<{ region_code: string; year: number }>('select region_code, year from plan order by region_code, year');
    for (const p of plans) {
      for (let m = 1; m <= 12; m++) {
        const period = `${p.year}-${String(m).padStart(2, '0')}`;
        const { document, data } = await bulletinDocument(ctx, { actor: SYSTEM_ACTOR, regionCode: p.region_code, period });
        bulletins.push({ period, regionCode: p.region_code, document, data });
      }
      const { document, data } = await yearSummaryDocument(ctx, { actor: SYSTEM_ACTOR, regionCode: p.region_code, year: p.year });
      summaries.push({ year: p.year, regionCode: p.region_code, document, data });
    }
    for (const r of await listReports(db, [...new Set(plans.map((p) => p.region_code))])) reports.set(r.id, { period: r.period, submittedAt: r.submittedAt });
  });
  afterAll(async () => {
    await db?.close();
  });

  /** a document in every format, rendered once: the bulletin with a 发文字号, both with the sources appendix and the base URL */
  interface Rendered {
    document: ProseDocument;
    /** word/document.xml, word/fontTable.xml, word/styles.xml */
    xml: string;
    fonts: string;
    styles: string;
    /** the DOCX's text (mammoth) before its appendix */
    docxBody: string;
    md: string;
    html: string;
    workbook: ExcelJS.Workbook | null;
  }
  const renders = new Map<ProseDocument, Rendered>();
  const render = async (d: Bulletin | Summary): Promise<Rendered> => {
    const done = renders.get(d.document);
    if (done) return done;
    const document = { ...d.document, number: d.document.kind === 'bulletin' ? '盐督通〔2026〕10号' : null };
    const opts = { regionCode: d.regionCode, appendix: true, baseUrl: BASE_URL };
    const buffer = await renderDocx(document, opts);
    const zip = await JSZip.loadAsync(buffer);
    const { value: text } = await mammoth.extractRawText({ buffer });
    let workbook: ExcelJS.Workbook | null = null;
    if ('period' in d) {
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await renderBulletinXlsx(d.data)) as unknown as ArrayBuffer);
    }
    const r: Rendered = {
      document,
      xml: await zip.file('word/document.xml')!.async('string'),
      fonts: await zip.file('word/fontTable.xml')!.async('string'),
      styles: await zip.file('word/styles.xml')!.async('string'),
      docxBody: text.slice(0, text.indexOf(TEMPLATES_ZH.appendix.heading)),
      md: renderMarkdown(document, opts),
      html: renderHtml(document, opts),
      workbook,
    };
    renders.set(d.document, r);
    return r;
  };

  const reportSources = (doc: ProseDocument) =>
    doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.parts : b.kind === 'table' ? b.rows.flat() : [])).filter(isFigure).flatMap((f) => f.sources).filter((s) => s.kind === 'report');

  it('covers every demo plan and month', () => {
    expect(new Set(bulletins.map((b) => b.regionCode)).size).toBe(4);
    expect(bulletins.length).toBeGreaterThanOrEqual(60);
    expect(summaries.length).toBeGreaterThanOrEqual(5);
  });

  it('成文日期: the day after the period\'s reports were due, or today if earlier; an unfinished period is written 截至 that day', () => {
    // the rule itself: the month's end + the days reports are given + 1, never after today
    const expected = (period: string) => {
      const due = addDays(periodRange(period.length === 4 ? `${period}-12` : period).end, DEFAULT_CONFIG.reportDueDays.monthly + 1);
      return due < TODAY ? due : TODAY;
    };
    for (const b of bulletins) {
      const d = documentDate(ctx, b.period);
      const text = documentText(b.document);
      expect(d.issuedOn, `${b.regionCode} ${b.period}`).toBe(expected(b.period));
      expect(b.document.dateText, `${b.regionCode} ${b.period}`).toBe(dateLabel(d.issuedOn));
      if (d.asOf < periodRange(b.period).end) {
        expect(text, `${b.regionCode} ${b.period}`).toContain(`截至${dateLabel(d.asOf)}各项目标任务`);
        expect(text).not.toContain(`${periodLabel(b.period)}底`);
        expect(text).not.toContain('全年');
      } else {
        expect(text).toContain(`截至${periodLabel(b.period)}底各项目标任务`);
      }
    }
    for (const s of summaries) expect(s.document.dateText, `${s.regionCode} ${s.year}`).toBe(dateLabel(expected(String(s.year))));
  });

  it('a past period uses only reports of that period or before, filed by the document\'s date', () => {
    for (const b of bulletins) {
      const { asOf } = documentDate(ctx, b.period);
      for (const s of reportSources(b.document)) {
        const r = reports.get(s.id)!;
        expect(periodRange(r.period).end <= periodRange(b.period).end, `${b.regionCode} ${b.period}: report of ${r.period}`).toBe(true);
        expect(localDate(r.submittedAt!, DEFAULT_CONFIG.utcOffsetMinutes) <= asOf, `${b.regionCode} ${b.period}: report filed ${r.submittedAt}`).toBe(true);
      }
    }
    for (const s of summaries) for (const src of reportSources(s.document)) expect(reports.get(src.id)!.period.startsWith(String(s.year))).toBe(true);
  });

  it('逾期未报送 and 逾期未完成 are two counts, each naming exactly its commitments; a department that stopped reporting is named', () => {
    let stopped = 0;
    for (const b of bulletins) {
      const text = documentText(b.document);
      const where = `${b.regionCode} ${b.period}`;
      const missing = b.data.commitments.filter((c) => (c.reportsMissing ?? []).length > 0);
      const late = b.data.commitments.filter((c) => c.evaluation.deadlineOverdue);
      const reported = /(\d+)项目标任务逾期未报送进展（((?:“[^”]*”)+)）/.exec(text);
      const unfinished = /(\d+)项目标任务已过完成时限尚未完成（((?:“[^”]*”)+)）/.exec(text);
      expect(reported ? Number(reported[1]) : 0, where).toBe(missing.length);
      expect(unfinished ? Number(unfinished[1]) : 0, where).toBe(late.length);
      for (const c of missing) expect(reported![2], where).toContain(c.title.replace(/“/g, '‘').replace(/”/g, '’'));
      for (const c of late) expect(unfinished![2], where).toContain(c.title.replace(/“/g, '‘').replace(/”/g, '’'));
      // every commitment named as not reporting has a report missing; none merely past its deadline
      for (const c of b.data.commitments.filter((c) => !missing.includes(c))) expect(reported?.[2] ?? '').not.toContain(`“${c.title.replace(/“/g, '‘').replace(/”/g, '’')}”`);
      for (const c of missing) {
        const own = c.reportsMissing!.find((m) => m.title === null);
        if (own && own.periods.length >= 2) {
          stopped++;
          expect(text, where).toContain(`${c.leadDepartment!.name}自${periodLabel(own.periods[0]!)}起未再报送进展`);
        }
      }
    }
    expect(stopped).toBeGreaterThan(0);
  });

  it('praise only a clear lead (never some of a tie), criticism only with a stated reason', () => {
    const rules = DEFAULT_CONFIG.documents;
    for (const b of bulletins) {
      const text = documentText(b.document);
      const where = `${b.regionCode} ${b.period}`;
      const { praised, criticised } = praiseAndCriticise(b.data.ranking, rules);
      expect(praised.length).toBeLessThanOrEqual(rules.praiseLimit);
      const praisedIds = new Set(praised.map((d) => d.departmentId));
      for (const d of b.data.ranking) {
        const named = text.includes(`${d.name}（`) && /予以通报表扬/.test(text) && praisedIds.has(d.departmentId);
        if (!named) continue;
        // nobody left out scores as well
        const tied = b.data.ranking.filter((x) => !praisedIds.has(x.departmentId) && x.total === d.total && x.lagging + x.seriouslyLagging + x.overdue === 0);
        expect(tied, `${where}: ${d.name} praised while others tie`).toEqual([]);
        expect(d.total!).toBeGreaterThanOrEqual(rules.praiseMinScore);
      }
      for (const d of criticised) {
        expect(criticismReasons(d, rules).length, where).toBeGreaterThan(0);
        expect(text, where).toMatch(new RegExp(`${d.name}（[\\d.]+分，[^）]+）`));
      }
    }
  });

  it('a parent states its subtasks\' sums in the 民生实事 table, and the table gives the same figures in DOCX, XLSX, HTML and Markdown', async () => {
    let parents = 0;
    for (const b of bulletins) {
      const table = b.document.blocks.find((x) => x.kind === 'table');
      if (!table || table.kind !== 'table') continue;
      for (const row of table.rows) {
        const c = b.data.commitments.find((x) => x.title === plainText([row[1]!]))!;
        if (c.children?.some((k) => k.latestValue !== null && k.unit)) {
          parents++;
          expect(plainText([row[4]!]), `${b.regionCode} ${b.period} ${c.title}`).not.toBe('—');
        }
      }
    }
    expect(parents).toBeGreaterThan(0);
    // every format of every demo bulletin shows the same cells
    let rows = 0;
    for (const b of bulletins) {
      const table = b.document.blocks.find((x) => x.kind === 'table');
      if (!table || table.kind !== 'table') continue;
      const { md, html, docxBody: docx, workbook } = await render(b);
      const sheet = workbook!.getWorksheet('民生实事')!;
      table.rows.forEach((row, i) => {
        rows++;
        const x = sheet.getRow(4 + i);
        const unit = x.getCell(4).value as string;
        // the same quantity: the sheet's number in its unit, the document's figure as written (11000人 = 1.1万人)
        const base = (text: string) => {
          const q = tryParseQuantity(text);
          return q ? toString(normalize(q.value, q.unit).value) : text;
        };
        const shown = (v: ExcelJS.CellValue) => (typeof v === 'number' ? toString(normalize(String(v), unit).value) : String(v));
        const rate = x.getCell(7).value;
        const where = `${b.regionCode} ${b.period} ${plainText([row[1]!])}`;
        expect(x.getCell(2).value, where).toBe(plainText([row[1]!]));
        const doc = (k: number, v: ExcelJS.CellValue) => (typeof v === 'number' ? base(plainText([row[k]!])) : plainText([row[k]!]));
        expect([shown(x.getCell(5).value), shown(x.getCell(6).value), typeof rate === 'number' ? formatPercent(rate) : rate], where).toEqual([
          doc(3, x.getCell(5).value), doc(4, x.getCell(6).value), plainText([row[5]!]),
        ]);
      });
      // the Markdown row without its footnote marks
      const mdRows = md.replace(/\[\^\d+\]/g, '');
      for (const row of table.rows) {
        const cells = row.map((c) => plainText([c]));
        expect(mdRows, `${b.regionCode} ${b.period}`).toContain(`| ${cells.map(escapeMarkdown).join(' | ')} |`);
        // the title whole, in every format
        expect(docx, `${b.regionCode} ${b.period}`).toContain(cells[1]);
        for (const c of cells.slice(3)) {
          expect(html, `${b.regionCode} ${b.period}: ${c}`).toContain(`>${c.replace(/&/g, '&amp;')}<`);
          // the DOCX may set a status's notes on lines of their own (正常推进↵逾期未报), which the text extraction runs together
          expect(docx.includes(c) || docx.includes(c.replace(/[（）]/g, '')), `${b.regionCode} ${b.period}: ${c}`).toBe(true);
        }
      }
    }
    expect(rows).toBeGreaterThan(bulletins.length * 5);
  });

  const clauses = (text: string) => text.split(/[；。\n]/);

  it('工作纪实: sectors in the configured order, no 全年 about part of a year, no one-line paragraphs, no "1项目标任务已完成1项"', () => {
    const order = DEFAULT_CONFIG.documents.sectorOrder;
    for (const s of summaries) {
      const where = `${s.regionCode} ${s.year}`;
      const text = documentText(s.document);
      const sectors = s.document.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text.replace(/^[一二三四五六七八九十]+、/, '')).filter((h) => order.includes(h));
      expect(sectors, where).toEqual([...sectors].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      expect(sectors[0], where).toBe('经济发展');
      if (sectors.includes('安全稳定')) expect(sectors[sectors.length - 1], where).toBe('安全稳定');
      if (s.data.partial) expect(text, where).not.toContain('全年');
      expect(text, where).not.toMatch(/(^|[^\d.])1项目标任务已?完成1项/);
      for (const b of s.document.blocks) if (b.kind === 'paragraph') expect(plainText(b.parts).length, `${where}: ${plainText(b.parts)}`).toBeGreaterThanOrEqual(28);
    }
    expect(summaries.some((s) => s.data.partial)).toBe(true);
  });

  it('工作纪实: 比上年 only for a level or flow of the same definition, never a fall beside a met target; rate targets in 个百分点', () => {
    for (const s of summaries) {
      const where = `${s.regionCode} ${s.year}`;
      const text = documentText(s.document);
      for (const clause of clauses(text).filter((x) => x.includes('比上年'))) {
        expect(clause, where).not.toMatch(/任务完成率(1\d\d|[2-9]\d\d)(\.\d)?%，比上年下降/);
        expect(clause, where).not.toContain('累计'); // a task volume (增加优质学位 …) is not compared
      }
      for (const c of s.data.commitments.filter((c) => c.kind === 'quantitative' && c.unit === '%' && c.comparator !== 'lte' && c.evaluation.latestValue !== null)) {
        const subject = resultSubject(c.title)?.subject;
        const clause = subject ? clauses(text).find((x) => x.includes(`${subject}${Number(c.evaluation.latestValue)}%`)) : undefined;
        if (clause) expect(clause, `${where} ${c.title}`).not.toContain('任务完成率');
      }
    }
  });

  it('工作纪实: peer ranks name their scope, only ranks that distinguish, each rank phrase once', () => {
    let ranked = 0;
    for (const s of summaries) {
      const text = documentText(s.document);
      expect(text).not.toMatch(/居全[市省县]第/);
      for (const m of text.matchAll(/在全[市省县](\d+)个[^中]+中居第([一二三四五六七八九十]+)/g)) {
        ranked++;
        const rank = '一二三四五六七八九十'.indexOf(m[2]!) + 1;
        expect(distinguishes({ rank, of: Number(m[1]) }, DEFAULT_CONFIG.documents.rankTopShare), m[0]).toBe(true);
      }
      for (const sentence of text.split('。')) expect((sentence.match(/居第/g) ?? []).length <= (sentence.match(/；/g) ?? []).length + 1).toBe(true);
      for (const sentence of text.split('。')) {
        const phrases = [...sentence.matchAll(/中居第[一二三四五六七八九十]+/g)].map((x) => x[0]);
        expect(new Set(phrases).size, sentence).toBe(phrases.length);
      }
    }
    expect(ranked).toBeGreaterThan(0);
  });

  it('工作纪实: results are subject + figure (no title\'s deadline or verb before a partial figure); parents carry their subtasks\' sums', () => {
    const prefixes = TEMPLATES_ZH.timePrefixes.map((p) => new RegExp(p.replace('^', '')));
    for (const s of summaries) {
      const text = documentText(s.document);
      for (const clause of clauses(text).filter((x) => /任务完成率/.test(x) && !x.includes('“'))) {
        for (const re of prefixes) expect(clause, `${s.regionCode} ${s.year}`).not.toMatch(new RegExp(`^(.{0,8}方面，)?${re.source}`));
      }
      for (const c of s.data.commitments.filter((c) => c.children?.some((k) => k.latestValue !== null && k.unit && k.comparator !== 'lte'))) {
        expect(text, `${s.regionCode} ${s.year} ${c.title}`).toMatch(new RegExp(`“${c.title.replace(/“/g, '‘').replace(/”/g, '’').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”累计完成`));
      }
    }
  });

  it('工作纪实: next year\'s targets are the confirmed commitments, each once; never a draft', () => {
    const s = summaries.find((x) => x.regionCode === '140802' && x.year === 2024)!;
    const text = documentText(s.document);
    expect(text).toContain('下步打算');
    expect(text).not.toContain('草稿目标新建停车位500个');
    expect(text.split('城镇新增就业3600人以上').length - 1).toBe(1);
    expect(text).toContain('签约招商项目45个');
  });

  it('工作纪实: names every honour of its year once, in its sector\'s section (or the opening), sourced; none of another year', async () => {
    const honours = await db.query<{ region_code: string; year: number; id: string; title: string; sector: string | null }>('select region_code, year, id, title, sector from honour');
    expect(new Set(honours.map((h) => h.region_code)).size).toBe(4);
    for (const s of summaries) {
      const where = `${s.regionCode} ${s.year}`;
      const text = documentText(s.document);
      const figures = s.document.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.parts : [])).filter(isFigure);
      for (const h of honours.filter((x) => x.region_code === s.regionCode)) {
        const count = text.split(h.title).length - 1;
        if (h.year !== s.year) {
          expect(count, `${where}: ${h.title} (${h.year})`).toBe(0);
          continue;
        }
        expect(count, `${where}: ${h.title}`).toBe(1);
        expect(figures.some((f) => f.text === h.title && f.sources.some((x) => x.kind === 'honour' && x.id === h.id)), `${where}: ${h.title} sourced`).toBe(true);
        // under its sector's heading when the plan has that sector, else in the opening paragraph
        const at = s.document.blocks.findIndex((b) => b.kind === 'paragraph' && plainText(b.parts).includes(h.title));
        const heading = s.document.blocks.slice(0, at).filter((b) => b.kind === 'heading').at(-1) as { text: string } | undefined;
        const sectors = new Set(s.data.commitments.map((c) => c.sector));
        if (h.sector && sectors.has(h.sector)) expect(heading?.text, `${where}: ${h.title}`).toMatch(new RegExp(`、${h.sector}$`));
        else expect(heading, `${where}: ${h.title}`).toBeUndefined();
      }
    }
  });

  it('工作纪实: says what was done in each sector from the lead departments\' accepted reports, every sentence found in one of them', async () => {
    const accepted = await db.query<{ narrative: string; region_code: string; period: string }>("select narrative, region_code, period from progress_report where state = 'accepted'");
    let sectorsWithMeasures = 0;
    for (const s of summaries) {
      const where = `${s.regionCode} ${s.year}`;
      const own = accepted.filter((r) => r.region_code === s.regionCode && r.period.startsWith(String(s.year))).map((r) => r.narrative);
      for (const b of s.document.blocks) {
        if (b.kind !== 'paragraph') continue;
        const text = plainText(b.parts);
        const lead = TEMPLATES_ZH.yearSummary.done.map((d) => d.replace('{items}。', '')).find((l) => text.includes(l));
        if (!lead) continue;
        sectorsWithMeasures++;
        const items = text.slice(text.indexOf(lead) + lead.length).split('。')[0]!.split('；');
        for (const item of items) expect(own.some((n) => n.includes(item)), `${where}: “${item}” is in no accepted report`).toBe(true);
        for (const word of TEMPLATES_ZH.narrativeProblem) for (const item of items) expect(item, where).not.toContain(word);
      }
    }
    expect(sectorsWithMeasures).toBeGreaterThanOrEqual(20);
  });

  it('公文 elements in every demo bulletin and 纪实: fonts with fallbacks and zh-CN, 主送机关, 发文字号, 附件说明, 版记, tables that keep together, the grid; HTML and Markdown sources; XLSX that prints; never a draft', async () => {
    const docs = [...bulletins.map((b) => ({ ...b, where: `${b.regionCode} ${b.period}` })), ...summaries.map((s) => ({ ...s, where: `${s.regionCode} ${s.year}` }))];
    for (const d of docs) {
      const { document: doc, xml, fonts, styles, html, md } = await render(d);
      const number = doc.number;
      const text = xml.replace(/<w:br\/>/g, '').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
      for (const [font, alt] of [['方正小标宋简体', '宋体'], ['仿宋_GB2312', '仿宋'], ['黑体', 'SimHei'], ['楷体_GB2312', '楷体']]) expect(fonts, d.where).toContain(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`);
      expect(styles, d.where).toMatch(/w:eastAsia="zh-CN"/);
      // the grid: 三号 condensed to 28 characters a line, 28 pt pitch (22 lines), the page number 7 mm below the 版心
      expect(xml, d.where).toMatch(/<w:spacing w:val="-5"\/>/);
      expect(xml, d.where).toMatch(/w:line="560" w:lineRule="exact"/);
      expect(xml, d.where).toMatch(/w:footer="1304"/);
      // 附件说明 before the 署名
      expect(text.indexOf('附件：数据来源'), d.where).toBeGreaterThan(-1);
      expect(text.indexOf('附件：数据来源'), d.where).toBeLessThan(text.lastIndexOf(doc.issuer));
      // every table row kept on one page, every table's caption kept with it
      const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
      for (const t of tables) for (const row of t.match(/<w:tr>.*?<\/w:tr>/g) ?? []) expect(row, d.where).toMatch(/<w:cantSplit\/>|<w:tblHeader\/>/);
      // (not the 版记's: it floats at the page foot, anchored after the last paragraph)
      for (const m of xml.matchAll(/<w:p>((?:(?!<\/w:p>).)*)<\/w:p><w:tbl>((?:(?!<\/w:tbl>).)*)/g))
        if (!m[2]!.includes('w:tblpPr') && /<w:t[^>]*>[^<]+</.test(m[1]!)) expect(m[1], d.where).toContain('<w:keepNext/>');
      if (doc.kind === 'bulletin') {
        expect(text, d.where).toContain(`\n${doc.recipients}`);
        expect(text, d.where).toContain(number!);
        // 版记 last: 抄送, then 印发机关 and 印发日期
        expect(tables.at(-1), d.where).toMatch(/抄送：/);
        expect(text.trimEnd(), d.where).toMatch(new RegExp(`${doc.imprint!.printedBy}\\s*${doc.imprint!.printedOn}\\s*$`));
      }
      // never a draft, in any document
      expect(documentText(doc), d.where).not.toContain('草稿目标新建停车位500个');
      // HTML: each figure's link has its entry in the file; Markdown: a footnote per figure, each defined
      for (const [, id] of html.matchAll(/<a class="figure" href="#(src-\d+)"/g)) expect(html, d.where).toContain(`<li id="${id}">`);
      const refs = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
      for (const n of refs) expect(md, d.where).toContain(`[^${n}]: `);
      expect(md, d.where).not.toMatch(/<(script|img|a )/i);
    }
    // the bulletin workbook of every demo month prints
    for (const b of bulletins) {
      const wb = (await render(b)).workbook!;
      for (const ws of wb.worksheets) {
        expect(ws.pageSetup, `${b.regionCode} ${b.period} ${ws.name}`).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        expect(ws.pageSetup.printTitlesRow, `${b.regionCode} ${b.period} ${ws.name}`).toMatch(/^1:\d$/);
        expect(ws.views[0], `${b.regionCode} ${b.period} ${ws.name}`).toMatchObject({ state: 'frozen' });
      }
    }
  });

  it('工作纪实: a sector\'s 具体做法 follow the results they were done for, before its key projects', () => {
    const doneLeads = TEMPLATES_ZH.yearSummary.done.map((d) => d.replace('{items}。', ''));
    const projectsWord = TEMPLATES_ZH.yearSummary.projects.replace(/^\{span\}/, '').split('{')[0]!;
    let both = 0;
    for (const s of summaries) {
      // the text of each level-1 section
      const sections: string[] = [];
      for (const b of s.document.blocks) {
        if (b.kind === 'heading' && b.level === 1) sections.push('');
        else if (b.kind === 'paragraph' && sections.length) sections[sections.length - 1] += plainText(b.parts) + '\n';
      }
      for (const text of sections) {
        const measures = Math.max(...doneLeads.map((l) => text.indexOf(l)));
        const projects = text.indexOf(projectsWord);
        if (measures < 0 || projects < 0) continue;
        both++;
        expect(measures, `${s.regionCode} ${s.year}: ${text}`).toBeLessThan(projects);
      }
    }
    expect(both).toBeGreaterThanOrEqual(2);
  });
  it('user text in every demo document is text, never markup or a link; every link of the HTML and Markdown is in the file or under the base URL', async () => {
    const escapedMd = ['&lt;img src=x onerror=alert(1)&gt;', '\\[核查材料\\](javascript:alert(2))', '&lt;a href="javascript:alert(3)"&gt;', '&lt;script&gt;alert(4)&lt;/script&gt;'];
    const escapedHtml = ['&lt;img src=x onerror=alert(1)&gt;', '[核查材料](javascript:alert(2))', '&lt;a href=&quot;javascript:alert(3)&quot;&gt;', '&lt;script&gt;alert(4)&lt;/script&gt;'];
    const carrying = { bulletin: 0, yearSummary: 0 };
    const docs = [...bulletins.map((b) => ({ d: b, where: `${b.regionCode} ${b.period}` })), ...summaries.map((x) => ({ d: x, where: `${x.regionCode} ${x.year}` }))];
    for (const { d, where } of docs) {
      const { md, html } = await render(d);
      const text = documentText(d.document) + sourcesOf(d.document).map((x) => x.label).join('');
      // HTML: no element but the page's own; every href an anchor of the page or an address under the base URL
      expect(html, where).not.toMatch(/<(img|script)\b|<a (?!class="figure" href="#src-\d+"|href="https:\/\/duban\.example\.gov\.cn\/)/i);
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href, where).toMatch(/^(#src-\d+|https:\/\/duban\.example\.gov\.cn\/[^/])/);
      // Markdown: no HTML, no link but the footnotes' under the base URL, no autolink
      expect(md, where).not.toMatch(/<(img|script|a\s)|<javascript:|(?<!\\)\]\((?!<https:\/\/duban\.example\.gov\.cn\/)/i);
      for (const [, target] of md.matchAll(/\]\(<([^>]*)>\)/g)) expect(target, where).toMatch(/^https:\/\/duban\.example\.gov\.cn\/[^/]/);
      // the hostile text that reached the document is shown as it was typed
      HOSTILE.forEach((h, i) => {
        if (!text.includes(h.slice(0, 12))) return;
        expect(md, where).toContain(escapedMd[i]);
        expect(html, where).toContain(escapedHtml[i]);
        if (i === 0) carrying[d.document.kind as 'bulletin' | 'yearSummary']++;
      });
      if (text.includes(HOSTILE_HONOUR)) {
        expect(md, where).toContain(escapedMd[3]);
        expect(html, where).toContain(escapedHtml[3]);
      }
    }
    // the narratives reach every 纪实 of a year with reports and most bulletins
    expect(carrying.yearSummary).toBe(summaries.filter((x) => x.data.commitments.some((c) => (c.narratives ?? []).length > 0)).length);
    expect(carrying.bulletin).toBeGreaterThan(bulletins.length / 2);
  });

  /** The first sentence of a sector section, with names and numbers masked: its form. */
  const sectorSections = (s: Summary) => {
    const order = [...new Set(s.data.commitments.map((c) => c.sector || '其他'))];
    const out: Array<{ sector: string; tasks: number; paragraphs: string[] }> = [];
    for (const b of s.document.blocks) {
      if (b.kind === 'heading' && b.level === 1) {
        const name = b.text.replace(/^[一二三四五六七八九十]+、/, '');
        out.push({ sector: name, tasks: order.includes(name) ? s.data.commitments.filter((c) => (c.sector || '其他') === name).length : -1, paragraphs: [] });
      } else if (b.kind === 'paragraph' && out.length) out[out.length - 1]!.paragraphs.push(plainText(b.parts));
    }
    return out;
  };

  it('工作纪实: sentences vary — consecutive sectors never open with the same count sentence, a one-task sector has none, and no paragraph is a lone lead or a lone result', () => {
    const projects = new RegExp(`^(全年|\\d{4}年以来)${TEMPLATES_ZH.yearSummary.projects.replace(/^\{span\}/, '').split('{')[0]}`);
    let compared = 0;
    for (const s of summaries) {
      const where = `${s.regionCode} ${s.year}`;
      const departments = [...new Set(s.data.commitments.map((c) => c.leadDepartment?.name).filter((x): x is string => !!x))].sort((a, b) => b.length - a.length);
      const form = (sector: string, sentence: string) => {
        let f = sentence.replaceAll(sector, 'S');
        for (const d of departments) f = f.replaceAll(d, 'D');
        return f.replace(/“[^”]*”/g, 'T').replace(/\d+(\.\d+)?/g, 'N');
      };
      const sections = sectorSections(s).filter((x) => x.tasks > 0);
      let previous: string | null = null;
      for (const x of sections) {
        const first = x.paragraphs[0]!.split('。')[0]!;
        if (x.tasks === 1) {
          // a sector of one task states its result, not 1项目标任务（已）完成1项
          expect(first, `${where} ${x.sector}`).not.toMatch(/(^|[^\d.])1项(目标)?任务/);
          previous = null;
          continue;
        }
        const f = form(x.sector, first);
        if (previous !== null) {
          compared++;
          expect(f, `${where} ${x.sector}: the same opening as the sector before`).not.toBe(previous);
        }
        previous = f;
      }
      // a paragraph of one clause is at least two full lines (a single measure); never a lead or one result left over
      const width = (t: string) => [...t].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
      for (const x of sectorSections(s)) {
        if (x.paragraphs.length < 2) continue;
        x.paragraphs.forEach((p, i) => {
          if (projects.test(p)) return; // the key projects: a sentence of their own, as the districts' 纪实 write them
          if (i === 0 && x.tasks === 1) return; // a one-task sector's lead is its result
          const clauses = p.split(/[；。]/).filter((c) => c.trim());
          if (clauses.length < 2) expect(width(p) + 2, `${where} ${x.sector}: a short paragraph of one clause: ${p}`).toBeGreaterThan(2 * 28);
        });
      }
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });

  /**
   * Clauses a document writes itself: quoted titles masked, a department's words (单位反映：…,
   * 具体做法) and next year's targets left out.
   */
  const ownClauses = (doc: ProseDocument) => {
    const doneLeads = TEMPLATES_ZH.yearSummary.done.map((d) => d.replace('{items}。', ''));
    const out: string[] = [];
    for (const b of doc.blocks) {
      // 下步打算 lists next year's targets as their titles say them
      if (b.kind === 'heading' && b.text.endsWith(TEMPLATES_ZH.yearSummary.headingNextYear)) break;
      if (b.kind !== 'paragraph') continue;
      let text = plainText(b.parts).replace(/单位(\d+月报送（待审核）)?反映：.*$/, '');
      for (const l of doneLeads) text = text.replace(new RegExp(`${l}[^。]*。`, 'g'), '');
      out.push(...text.replace(/“[^”]*”/g, '“T”').split(/[；。]/));
    }
    return out;
  };

  it('every demo bulletin and 纪实: 比上年 and 同比 only where meaningful, results written as subject + figure, never a title pasted before a figure', () => {
    const docs = [...bulletins.map((b) => ({ d: b, where: `${b.regionCode} ${b.period}` })), ...summaries.map((x) => ({ d: x, where: `${x.regionCode} ${x.year}` }))];
    let stems = 0;
    for (const { d, where } of docs) {
      const clauses = ownClauses(d.document);
      const text = documentText(d.document);
      for (const c of clauses.filter((x) => /比上年|同比/.test(x))) {
        // never a fall beside a met target, nor a task volume (累计…) compared, nor a fall written with a completion rate
        expect(c, where).not.toMatch(/任务完成率(1\d\d|[2-9]\d\d)(\.\d)?%，(比上年|同比)下降/);
        expect(c, where).not.toMatch(/(比上年|同比)下降[^，]*，任务完成率/);
        if (c.includes('比上年')) expect(c, where).not.toContain('累计');
      }
      for (const c of d.data.commitments) {
        // a rate or share target is compared in 个百分点, never as a completion rate
        const subject = resultSubject(c.title)?.subject;
        if (c.kind === 'quantitative' && c.unit === '%' && subject && c.evaluation.latestValue !== null)
          for (const x of clauses.filter((x) => x.startsWith(`${subject}${Number(c.evaluation.latestValue)}%`))) expect(x, `${where} ${c.title}`).not.toContain('任务完成率');
        // …nor, without a subject, as a volume (“在册个体工商户‘惠商保’全覆盖”累计完成100%)
        if (c.kind === 'quantitative' && c.unit === '%') expect(text, `${where} ${c.title}`).not.toMatch(new RegExp(`${c.title.replace(/“/g, '‘').replace(/”/g, '’').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”(累计)?完成[\\d.]+%，任务完成率`));
        // a title led by a deadline or a verb (6月底前完成…改造18千米) never stands unquoted before a figure
        const stem = commitmentSubject(c.title);
        const r = resultSubject(c.title);
        if (!stem || !r || (!r.verb && stem === r.subject)) continue;
        stems++;
        const pasted = new RegExp(`${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\d.]+`);
        for (const x of clauses) expect(x, `${where}: “${c.title}” pasted as a verb`).not.toMatch(pasted);
      }
    }
    expect(stems).toBeGreaterThan(docs.length);
  });

  it('督办通知单 of every demo 督办单: one number style (40%, never 40.0%), the 督办事项’s rates as of the day the 督办事由 gives, and the title’s own quotes made single; reasons stored before are rewritten so (migration 033)', async () => {
    const slips = await db.query<{ id: string; reason: string; commitment_id: string }>('select id, reason, commitment_id from supervision_slip order by id');
    expect(slips.length).toBeGreaterThan(0);
    let rates = 0;
    for (const x of slips) {
      const { document } = await slipNotice(ctx, { actor: SYSTEM_ACTOR, id: x.id });
      const text = documentText(document);
      expect(text, x.reason).not.toMatch(/\d\.0(%|个百分点)/);
      expect(x.reason).not.toMatch(/^“[^”]*“/);
      // the 督办事项 and the 督办事由 give the same rate as of the same day
      const item = /截至(\d{4}年\d+月\d+日)完成率([\d.]+%)，序时进度([\d.]+%)/.exec(text);
      const reason = /截至(\d{4}年\d+月\d+日)完成([\d.]+%)，落后序时进度（([\d.]+%)）/.exec(x.reason);
      if (reason) {
        rates++;
        expect(item?.slice(1), x.reason).toEqual(reason.slice(1));
      }
    }
    expect(rates).toBeGreaterThan(0);
    // reasons written the old way (one decimal always, the title's quotes kept) read as new ones after the migration
    const titles = new Map((await db.query<{ id: string; title: string }>('select id, title from commitment')).map((c) => [c.id, c.title]));
    for (const x of slips) {
      const title = titles.get(x.commitment_id)!;
      const old = `“${title}”${x.reason.slice(title.length + 2)}`.replace(/(\d+(?:\.\d)?)(%|个百分点)/g, (_, n: string, u: string) => `${Number(n).toFixed(1)}${u}`);
      await db.query('update supervision_slip set reason = $2 where id = $1', [x.id, old]);
    }
    await db.exec(readFileSync(join(import.meta.dirname, '../../store/migrations/033_slip_reason_numbers.sql'), 'utf8'));
    const after = await db.query<{ id: string; reason: string }>('select id, reason from supervision_slip order by id');
    expect(after).toEqual(slips.map((x) => ({ id: x.id, reason: x.reason })));
  });
});
