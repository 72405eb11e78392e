import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { buildCommitment } from '../domain/factories.ts';
import { insertCommitment } from '../store/commitments.ts';
import type { Db } from '../store/db.ts';
import { upsertPlan } from '../store/plans.ts';
import { upsertDepartment, upsertRegion } from '../store/regions.ts';
import { insertReport } from '../store/reports.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildServer } from './app.ts';
import { makeUser, signIn, type Session } from './testing.ts';

/** A multipart/form-data body with one file in field `file`. */
function upload(data: Buffer, headers: Record<string, string>) {
  const boundary = `----duban${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sheet.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function fillSheet(file: Buffer, values: Record<string, [string | number | null, string]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  ws.eachRow((row, n) => {
    if (n <= 4) return;
    const v = values[String(row.getCell('B').value)];
    if (v) {
      row.getCell('G').value = v[0];
      row.getCell('H').value = v[1];
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testEngines())('reports and task sheets on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let office: Session;
  let hrClerk: Session;
  let leader: Session;
  const ids = { plan: randomUUID(), hr: randomUUID(), housing: randomUUID() };
  const jobs = buildCommitment({ regionCode: '140802', planId: ids.plan, title: '城镇新增就业3500人以上', leadDepartmentId: ids.hr, coDepartmentIds: [], livelihood: true });
  const estates = buildCommitment({ regionCode: '140802', planId: ids.plan, title: '改造老旧小区12个', sector: '城乡建设', unit: '个', targetValue: '12', leadDepartmentId: ids.housing, coDepartmentIds: [] });
  const parks = buildCommitment({ regionCode: '140802', planId: ids.plan, title: '新建口袋公园3个', sector: '城乡建设', unit: '个', targetValue: '3', leadDepartmentId: ids.housing, coDepartmentIds: [] });
  const reportCount = async (commitmentId: string, period: string) =>
    Number((await db.query<{ n: number }>('select count(*)::int as n from progress_report where commitment_id = $1 and period = $2', [commitmentId, period]))[0]!.n);

  beforeAll(async () => {
    db = await openTestDb(engine);
    await upsertRegion(db, { code: '140800', name: '运城市', level: 'city', parentCode: null });
    await upsertRegion(db, { code: '140802', name: '盐湖区', level: 'county', parentCode: '140800' });
    await upsertDepartment(db, { id: ids.hr, regionCode: '140802', name: '区人社局', shortName: '人社局' });
    await upsertDepartment(db, { id: ids.housing, regionCode: '140802', name: '区住建局', shortName: '住建局' });
    await upsertPlan(db, { id: ids.plan, regionCode: '140802', year: 2024, title: '2024', sourceDocumentId: null });
    for (const c of [jobs, estates, parks]) await insertCommitment(db, c);
    const accepted = (c: typeof jobs, period: string, value: string, narrative = '') =>
      insertReport(db, {
        id: randomUUID(), regionCode: '140802', commitmentId: c.id, departmentId: c.leadDepartmentId!, period, cumulativeValue: value, milestonesDone: [],
        narrative, state: 'accepted', submittedBy: null, submittedAt: `${period}-28T02:00:00Z`, reviewerId: null, reviewComment: null, reviewedAt: null,
      });
    for (const [m, v] of [['01', '300'], ['02', '600'], ['03', '950'], ['04', '1300'], ['05', '1600'], ['06', '1900']] as const) await accepted(jobs, `2024-${m}`, v);
    for (const m of ['01', '02', '03', '04', '05']) await accepted(estates, `2024-${m}`, '1');
    await accepted(estates, '2024-06', '2', '拆迁协调进度慢，已召开专题会');
    const ctx = createContext(db, undefined, () => '2024-07-20');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '140802' });
    await makeUser(ctx, { username: 'leader', displayName: '区长', role: 'leader', regionCode: '140802' });
    await makeUser(ctx, { username: 'hr-clerk', displayName: '人社填报员', role: 'reporter', regionCode: '140802', departmentId: ids.hr });
    app = await buildServer(ctx);
    office = await signIn(app, 'office');
    hrClerk = await signIn(app, 'hr-clerk');
    leader = await signIn(app, 'leader');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('the bulletin DOCX names the lagging department with its reason, and downloads under its Chinese name', async () => {
    const res = await app.inject({ url: '/api/reports/bulletin?region=140802&period=2024-06&format=docx', headers: office });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="bulletin-140802-2024-06.docx"; filename*=UTF-8''${encodeURIComponent('盐湖区2024年6月督查通报.docx')}`,
    );
    const { value: text } = await mammoth.extractRawText({ buffer: res.rawPayload });
    expect(text).toContain('盐湖区2024年政府工作报告目标任务推进情况督查通报');
    const lagging = text.slice(text.indexOf('二、滞后及逾期任务'), text.indexOf('三、考核排名'));
    expect(lagging).toContain('（一）区住建局');
    expect(lagging).toContain('“改造老旧小区12个”（严重滞后）：截至2024年6月底累计完成2个，完成率16.7%');
    expect(lagging).toContain('单位反映：拆迁协调进度慢，已召开专题会。');
    expect(lagging).toContain('“新建口袋公园3个”');
    expect(lagging).not.toContain('区人社局');
    expect(text).toContain('城镇新增就业3500人以上'); // the 民生实事 table
  });

  it('the bulletin XLSX has one sheet per lead department; HTML links figures; the year summary comes as Markdown', async () => {
    const xlsx = await app.inject({ url: '/api/reports/bulletin?region=140802&period=2024-06&format=xlsx', headers: office });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '民生实事', '区人社局', '区住建局']);
    const html = await app.inject({ url: '/api/reports/bulletin?region=140802&period=2024-06&format=html', headers: office });
    const anchor = /<a class="figure" href="#src-(\d+)"[^>]*>2个<\/a>/.exec(html.body)![1];
    expect(html.body).toMatch(new RegExp(`<li id="src-${anchor}"><a href="/commitments/${estates.id}#report-[0-9a-f-]{36}">`));
    const md = await app.inject({ url: '/api/reports/summary?region=140802&year=2024&format=md&sources=true', headers: office });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toMatch(/城镇新增就业1900人\[\^(\d+)\]，任务完成率54\.3%\[\^\1\]/);
    expect(md.body).toMatch(/\n\[\^1\]: \[/); // a footnote per figure
  });

  it('only offices and leaders get documents: 401 for the public, 403 for a reporter, 400 for a bad period', async () => {
    expect((await app.inject({ url: '/api/reports/summary?region=140802&year=2024&format=html', headers: leader })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/reports/bulletin?region=140802&period=2024-06' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/reports/bulletin?region=140802&period=2024-06', headers: hrClerk })).statusCode).toBe(403);
    const bad = await app.inject({ url: '/api/reports/bulletin?region=140802&period=2024-13', headers: office });
    expect(bad.statusCode).toBe(400);
    const none = await app.inject({ url: '/api/reports/summary?region=140802&year=2031', headers: office });
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toMatchObject({ code: 'plan_not_found', zh: expect.stringContaining('2031'), en: expect.stringContaining('2031') });
  });

  it('a task sheet goes out, comes back filled as submitted reports, and a second import duplicates nothing', async () => {
    const out = await app.inject({ url: `/api/tasksheets/export?region=140802&department=${encodeURIComponent('人社局')}&period=2024-07`, headers: hrClerk });
    expect(out.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('B2').value).toBe('2024-07');
    expect(ws.getRow(5).getCell('B').value).toBe(jobs.title);
    expect(ws.getRow(5).getCell('E').value).toBe(1900);
    expect(ws.getColumn('I').hidden).toBe(true);

    const filled = await fillSheet(out.rawPayload, { [jobs.title]: ['２，２００', '7月新增就业300人'] });
    const first = await app.inject({ method: 'POST', url: '/api/tasksheets/import', ...upload(filled, hrClerk) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ period: '2024-07', created: 1, updated: 0, unchanged: 0 });
    const [r] = await db.query<{ state: string; cumulative_value: string; narrative: string }>('select * from progress_report where commitment_id = $1 and period = $2', [jobs.id, '2024-07']);
    expect(r).toMatchObject({ state: 'submitted', narrative: '7月新增就业300人' });
    expect(Number(r!.cumulative_value)).toBe(2200);

    const again = await app.inject({ method: 'POST', url: '/api/tasksheets/import', ...upload(filled, hrClerk) });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await reportCount(jobs.id, '2024-07')).toBe(1);
    const audit = await db.query('select 1 from audit_event where action = $1', ['report.import']);
    expect(audit).toHaveLength(1);

    // a submitted report is not overwritten by a different sheet; once returned, the sheet resubmits it
    const changed = await fillSheet(out.rawPayload, { [jobs.title]: ['2300', '更正：7月新增就业400人'] });
    const refused = await app.inject({ method: 'POST', url: '/api/tasksheets/import', ...upload(changed, hrClerk) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.errors).toMatchObject([{ row: 5, column: 'G 本期累计完成值', zh: expect.stringContaining('不能再修改') }]);
    await db.query("update progress_report set state = 'returned' where commitment_id = $1 and period = '2024-07'", [jobs.id]);
    expect((await app.inject({ method: 'POST', url: '/api/tasksheets/import', ...upload(changed, hrClerk) })).json()).toMatchObject({ created: 0, updated: 1 });
    const [resubmitted] = await db.query<{ state: string; cumulative_value: string }>('select * from progress_report where commitment_id = $1 and period = $2', [jobs.id, '2024-07']);
    expect(resubmitted!.state).toBe('submitted');
    expect(Number(resubmitted!.cumulative_value)).toBe(2300);
    expect(await reportCount(jobs.id, '2024-07')).toBe(1);
  });

  it('a sheet with one bad row is refused with row, column and reason, and nothing of it is applied', async () => {
    const out = await app.inject({ url: `/api/tasksheets/export?region=140802&department=${ids.housing}&period=2024-07`, headers: office });
    const filled = await fillSheet(out.rawPayload, { [estates.title]: ['3', '已开工3个'], [parks.title]: ['约两个', '选址完成'] });
    const res = await app.inject({ method: 'POST', url: '/api/tasksheets/import', ...upload(filled, office) });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('task_sheet_invalid');
    expect(err.details.errors).toEqual([{ row: 6, column: 'G 本期累计完成值', zh: '“约两个”不是有效数字', en: '"约两个" is not a number' }]);
    expect(err.zh).toContain('未导入任何数据');
    expect(await reportCount(estates.id, '2024-07')).toBe(0);

    // another department's clerk may not import it
    const fixed = await fillSheet(out.rawPayload, { [estates.title]: ['3', '已开工3个'] });
    expect((await app.inject({ method: 'POST', url: '/api/tasksheets/import', ...upload(fixed, hrClerk) })).statusCode).toBe(403);
  });

  it('a locked period refuses the whole sheet', async () => {
    await db.query("insert into period_lock (region_code, period) values ('140802', '2024-08')");
    const out = await app.inject({ url: `/api/tasksheets/export?region=140802&department=${ids.hr}&period=2024-08`, headers: office });
    const filled = await fillSheet(out.rawPayload, { [jobs.title]: ['2500', ''] });
    const res = await app.inject({ method: 'POST', url: '/api/tasksheets/import', ...upload(filled, office) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors[0]).toMatchObject({ row: 2, column: 'B 填报期次', zh: expect.stringContaining('锁定') });
    expect(await reportCount(jobs.id, '2024-08')).toBe(0);
  });
});
