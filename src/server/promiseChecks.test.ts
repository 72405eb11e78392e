import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import type { PromiseReport } from '../app/reconcile/checkPromises.ts';
import { loadDemoData } from '../demo/loadDemo.ts';
import { NEXT_YEAR_REPORTS } from '../demo/nextYearReports.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { subjectKey } from '../domain/reconcile.ts';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildServer } from './app.ts';
import { signIn, type Session } from './testing.ts';

const TODAY = '2026-10-20';
/** The plans the demo's next-year excerpts check, by region. */
const CHECKED = NEXT_YEAR_REPORTS.map((r) => ({ region: r.regionCode, year: r.year - 1, text: r.text }));

describe.each(testEngines())('兑现核验 over HTTP on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const sessions: Record<string, Session> = {};
  const get = async (url: string, who = 'yanhu.admin') => app.inject({ url, headers: sessions[who] });

  beforeAll(async () => {
    db = await openTestDb(engine);
    const ctx = createContext(db, undefined, () => TODAY);
    await loadDemoData(ctx);
    app = await buildServer(ctx);
    for (const u of ['yanhu.admin', 'shuangqing.admin', 'yanhu.leader', 'yanhu.rsj']) sessions[u] = await signIn(app, u, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('shows kept, partial, missed and unmentioned commitments of each checked demo plan, each stated one with its sentence', async () => {
    for (const { region, year, text } of CHECKED) {
      const admin = region === '140802' ? 'yanhu.admin' : 'shuangqing.admin';
      const res = await get(`/api/promise-checks?region=${region}&year=${year}`, admin);
      expect(res.statusCode).toBe(200);
      const report = res.json() as PromiseReport;
      for (const s of ['kept', 'partial', 'missed', 'unmentioned'] as const) expect(report.counts[s], `${region} ${s}`).toBeGreaterThan(0);
      expect(report.counts.flagged).toBeGreaterThan(0);
      for (const row of report.items) {
        if (row.status === 'unmentioned') {
          // never unmentioned when the text names it: the key of its title does not occur in the document
          expect(text.replace(/\s/g, ''), `${row.title} is stated`).not.toContain(subjectKey(row.title).slice(0, 6));
          continue;
        }
        if (row.basis === 'subtasks') {
          expect(report.items.some((k) => k.parentId === row.commitmentId && k.status !== 'unmentioned'), row.title).toBe(true);
          continue;
        }
        // the sentence that says so, found at its offsets in the document (a fact recorded by hand has none)
        if (row.basis === 'figure' && row.source === null) continue;
        expect(row.source, row.title).not.toBeNull();
        const at = text.slice(row.source!.start, row.source!.end);
        expect(row.source!.sentence.replace(/\s/g, '')).toContain(at.replace(/\s/g, ''));
        if (row.statedValue !== null && row.reportedValue !== null && row.consistency !== 'consistent') {
          expect(Math.abs(Number(row.statedValue) - Number(row.reportedValue))).toBeGreaterThan(0);
        }
      }
    }
  });

  it('lets the office confirm or correct a check, with optimistic versions; the correction wins and can stand as the year-end result', async () => {
    const report = (await get('/api/promise-checks?region=140802&year=2024')).json() as PromiseReport;
    const row = report.items.find((r) => r.status === 'unmentioned' && !r.confirmed)!;
    const put = (body: object, who = 'yanhu.admin') =>
      app.inject({ method: 'PUT', url: `/api/promise-checks/${row.commitmentId}`, headers: sessions[who], payload: body });
    expect((await put({ status: 'kept', version: 0 }, 'yanhu.leader')).statusCode).toBe(403);
    expect([403, 404]).toContain((await put({ status: 'kept', version: 0 }, 'yanhu.rsj')).statusCode);
    const bad = await put({ status: 'done', version: 0 });
    expect(bad.statusCode).toBe(400);
    const first = await put({ status: 'missed', note: '年终核实未开展', version: 0 });
    expect(first.statusCode).toBe(200);
    expect((await put({ status: 'kept', version: 0 })).statusCode).toBe(409);
    const after = ((await get('/api/promise-checks?region=140802&year=2024')).json() as PromiseReport).items.find((r) => r.commitmentId === row.commitmentId)!;
    expect(after).toMatchObject({ status: 'missed', confirmed: true, note: '年终核实未开展', version: 1 });
    const audit = await db.query<{ action: string }>("select action from audit_event where entity_id = $1 and action like 'promiseCheck.%'", [row.commitmentId]);
    expect(audit.map((a) => a.action)).toEqual(['promiseCheck.confirm']);

    // where no accepted report gave a value, a confirmed stated value stands as 年终结果
    const unreported = report.items.find((r) => r.reportedValue === null && !r.confirmed && r.commitmentId !== row.commitmentId)!;
    const setYearEnd = (body: object) => app.inject({ method: 'PUT', url: `/api/promise-checks/${unreported.commitmentId}`, headers: sessions['yanhu.admin'], payload: body });
    expect((await setYearEnd({ status: 'kept', setsYearEnd: true, version: 0 })).statusCode).toBe(400);
    expect((await setYearEnd({ status: 'kept', statedValue: '1', setsYearEnd: true, version: 0 })).statusCode).toBe(200);
    const withYearEnd = ((await get('/api/promise-checks?region=140802&year=2024')).json() as PromiseReport).items.find((r) => r.commitmentId === unreported.commitmentId)!;
    expect(withYearEnd).toMatchObject({ yearEndValue: '1', yearEndSource: 'stated', statedValue: '1' });
  });

  it('is for the office and leaders: a reporter gets 403, another region’s admin 403, the public sees confirmed checks of published commitments only', async () => {
    expect((await get('/api/promise-checks?region=140802&year=2024', 'yanhu.rsj')).statusCode).toBe(403);
    expect((await get('/api/promise-checks?region=140802&year=2024', 'shuangqing.admin')).statusCode).toBe(403);
    expect((await get('/api/promise-checks?region=140802&year=2024', 'yanhu.leader')).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/promise-checks?region=140802&year=2024' })).statusCode).toBe(401);
    const pub = (await app.inject({ url: '/api/public/promise-checks?region=140802&year=2024' })).json() as PromiseReport;
    const all = ((await get('/api/promise-checks?region=140802&year=2024')).json() as PromiseReport).items;
    expect(pub.items.length).toBeGreaterThan(0);
    expect(pub.items.map((r) => r.commitmentId)).toEqual(all.filter((r) => r.published && r.confirmed).map((r) => r.commitmentId));
    expect(pub.items.every((r) => r.published && r.confirmed && r.reportedValue === null && r.note === '')).toBe(true);
    expect((await get('/api/promise-checks?region=140802&year=1900')).statusCode).toBe(400);
    expect((await get('/api/promise-checks?region=140802&year=2031')).statusCode).toBe(404);
  });

  it('gives the 兑现情况表 as DOCX and XLSX with every commitment', async () => {
    const report = (await get('/api/promise-checks?region=430502&year=2023', 'shuangqing.admin')).json() as PromiseReport;
    const docx = await get('/api/promise-checks/document?region=430502&year=2023&format=docx', 'shuangqing.admin');
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const r of report.items) expect(text).toContain(r.title);
    const xlsx = await get('/api/promise-checks/document?region=430502&year=2023&format=xlsx', 'shuangqing.admin');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2 + report.items.length);
    const stated = report.items.findIndex((r) => r.statedValue !== null);
    expect(typeof ws.getRow(3 + stated).getCell(7).value).toBe('number');
  });

  it('prints the 兑现情况表 of every checked demo plan with its 出处 whole: document and sentence, wrapped, rows tall enough, A4 landscape one page wide', async () => {
    for (const { region, year } of CHECKED) {
      const admin = region === '140802' ? 'yanhu.admin' : 'shuangqing.admin';
      const report = (await get(`/api/promise-checks?region=${region}&year=${year}`, admin)).json() as PromiseReport;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await get(`/api/promise-checks/document?region=${region}&year=${year}&format=xlsx`, admin)).rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const col = (ws.getRow(2).values as string[]).indexOf('出处');
      const docName = (id: string) => report.documents.find((d) => d.id === id)!.filename.replace(/\.\w+$/, '');
      report.items.forEach((r, i) => {
        const cell = ws.getRow(3 + i).getCell(col);
        if (!r.source) return;
        expect(cell.value).toBe(`《${docName(r.source.documentId)}》：“${r.source.sentence}”`);
        expect(cell.alignment?.wrapText).toBe(true);
        // a line of the column holds width − 1 units (a Chinese character 2, a digit 1); a line of 11 pt CJK text takes 16 pt
        const units = [...String(cell.value)].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
        const lines = Math.ceil(units / (ws.getColumn(col).width! - 1));
        expect(ws.getRow(3 + i).height, r.title).toBeGreaterThanOrEqual(16 * lines);
      });
      const docx = await get(`/api/promise-checks/document?region=${region}&year=${year}&format=docx`, admin);
      const text = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      // the DOCX names the document once when every sentence is from it, else with each sentence
      const docs = new Set(report.items.flatMap((r) => (r.source ? [r.source.documentId] : [])));
      for (const r of report.items) {
        if (!r.source) continue;
        expect(text).toContain(docs.size === 1 ? `“${r.source.sentence}”` : `《${docName(r.source.documentId)}》：“${r.source.sentence}”`);
        if (docs.size === 1) expect(text).toContain(`以下原文均摘自《${docName(r.source.documentId)}》`);
      }
    }
  });
});
