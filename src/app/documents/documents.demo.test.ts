/**
 * The rules of generated documents (督查通报, 工作纪实) checked over all the demo data: every demo
 * district's plan, every month, in every format. The demo is loaded once per engine as of
 * 2026-12-03, so the current year's December is an unfinished period and its October is a past
 * one regenerated later.
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../domain/dates.ts';
import { DEFAULT_CONFIG } from '../../domain/config.ts';
import { criticismReasons, praiseAndCriticise } from '../../domain/prose/bulletin.ts';
import { documentText, isFigure, plainText, type ProseDocument } from '../../domain/prose/document.ts';
import type { BulletinData, YearSummaryData } from '../../domain/prose/facts.ts';
import { dateLabel, periodLabel, periodRange } from '../../domain/schedule.ts';
import { loadDemoData } from '../../demo/loadDemo.ts';
import { renderDocx } from '../../render/docx.ts';
import { renderHtml } from '../../render/html.ts';
import { renderMarkdown } from '../../render/markdown.ts';
import type { Db } from '../../store/db.ts';
import { listReports } from '../../store/reports.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { createContext, type AppContext } from '../context.ts';
import { SYSTEM_ACTOR } from '../workflow/access.ts';
import { bulletinDocument } from './bulletinDocument.ts';
import { documentDate } from './documentDate.ts';
import { yearSummaryDocument } from './yearSummaryDocument.ts';

const TODAY = '2026-12-03';

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
    // a department that stopped reporting after June: 城镇新增就业's reports from July on withdrawn
    const [stopped] = await db.query<{ id: string }>(
      `select c.id from commitment c join plan p on p.id = c.plan_id
       where p.region_code = '140802' and p.year = 2026 and c.kind = 'quantitative' and c.parent_id is null
         and exists (select 1 from progress_report r where r.commitment_id = c.id and r.period = '2026-10' and r.state = 'accepted')
       order by c.title limit 1`,
    );
    await db.query("delete from evidence where report_id in (select id from progress_report where commitment_id = $1 and period > '2026-06')", [stopped!.id]);
    await db.query("delete from progress_report where commitment_id = $1 and period > '2026-06'", [stopped!.id]);
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
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  const reportSources = (doc: ProseDocument) =>
    doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.parts : b.kind === 'table' ? b.rows.flat() : [])).filter(isFigure).flatMap((f) => f.sources).filter((s) => s.kind === 'report');

  it('covers every demo plan and month', () => {
    expect(new Set(bulletins.map((b) => b.regionCode)).size).toBe(4);
    expect(bulletins.length).toBeGreaterThanOrEqual(60);
    expect(summaries.length).toBeGreaterThanOrEqual(5);
  });

  it('成文日期: the day after the period\'s reports were due, or today if earlier; an unfinished period is written 截至 that day', () => {
    for (const b of bulletins) {
      const d = documentDate(ctx, b.period);
      const text = documentText(b.document);
      expect(b.document.dateText, `${b.regionCode} ${b.period}`).toBe(dateLabel(d.issuedOn));
      if (d.asOf < periodRange(b.period).end) {
        expect(text, `${b.regionCode} ${b.period}`).toContain(`截至${dateLabel(d.asOf)}各项目标任务`);
        expect(text).not.toContain(`${periodLabel(b.period)}底`);
        expect(text).not.toContain('全年');
      } else {
        expect(text).toContain(`截至${periodLabel(b.period)}底各项目标任务`);
      }
    }
    for (const s of summaries) expect(s.document.dateText).toBe(dateLabel(documentDate(ctx, String(s.year)).issuedOn));
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

  it('a parent states its subtasks\' sums in the 民生实事 table, and the table gives the same figures in DOCX, HTML and Markdown', async () => {
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
    // every format of a sample of documents (one month a quarter) shows the same cells
    for (const b of bulletins.filter((x) => /-(03|06|09|10|12)$/.test(x.period))) {
      const table = b.document.blocks.find((x) => x.kind === 'table');
      const md = renderMarkdown(b.document, { regionCode: b.regionCode });
      const html = renderHtml(b.document, { regionCode: b.regionCode });
      const { value: docx } = await mammoth.extractRawText({ buffer: await renderDocx(b.document, { regionCode: b.regionCode }) });
      if (!table || table.kind !== 'table') continue;
      for (const row of table.rows) {
        const cells = row.map((c) => plainText([c]));
        expect(md).toContain(`| ${cells.join(' | ')} |`);
        for (const c of cells.slice(3)) {
          expect(html).toContain(`>${c.replace(/&/g, '&amp;')}<`);
          expect(docx).toContain(c);
        }
      }
    }
  });
});
