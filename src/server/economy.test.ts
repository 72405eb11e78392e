/** 重点项目 and 经济指标 over HTTP: create, update with version, CSV/XLSX import with row-level errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createContext } from '../app/context.ts';
import { buildServer } from './app.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { buildWorld } from '../app/workflow/testWorld.ts';
import { makeUser, signIn, type Session } from './testing.ts';

/** A multipart/form-data body with one file in field `file`. */
function multipart(filename: string, data: Buffer, contentType: string) {
  const boundary = '----duban' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(testEngines())('economy routes on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let admin: Session;
  let reporter: Session;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    db = await openTestDb(engine);
    w = await buildWorld(db);
    const ctx = createContext(db, undefined, () => '2024-06-15');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    await makeUser(ctx, { username: 'hr', displayName: '人社局', role: 'reporter', regionCode: '430502', departmentId: w.ids.hr });
    app = await buildServer(ctx);
    admin = await signIn(app, 'office');
    reporter = await signIn(app, 'hr');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const upload = (url: string, file: ReturnType<typeof multipart>, headers: Session = admin) =>
    app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': file.contentType }, payload: file.payload });
  const projects = async () => (await app.inject({ url: '/api/projects?region=430502', headers: admin })).json().items as { name: string; totalInvestment: string; stage: string; version: number }[];

  it('creates and updates a project with optimistic concurrency; a reporter may not', async () => {
    const body = { regionCode: '430502', year: 2024, name: '城东污水处理厂', totalInvestment: '12000', stage: 'started', leadDepartmentId: w.ids.hr };
    expect((await app.inject({ method: 'POST', url: '/api/projects', headers: reporter, payload: body })).statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/api/projects', headers: admin, payload: body });
    expect(created.statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/projects', headers: admin, payload: body })).json().error.code).toBe('project_exists');
    const p = created.json();
    const ok = await app.inject({ method: 'PATCH', url: `/api/projects/${p.id}`, headers: admin, payload: { version: p.version, completedInvestmentYear: '3500.5', stage: 'building' } });
    expect(ok.json()).toMatchObject({ completedInvestmentYear: '3500.5', stage: 'building', version: p.version + 1 });
    expect((await app.inject({ method: 'PATCH', url: `/api/projects/${p.id}`, headers: admin, payload: { version: p.version, stage: 'completed' } })).statusCode).toBe(409);
  });

  it('a CSV with a bad row is refused with every error (row, column, reason) and nothing is applied', async () => {
    const before = await projects();
    const csv = [
      '年度,项目名称,牵头单位,总投资,年度计划投资,年度完成投资,阶段',
      '2024,高铁站前广场,人社局,"8,000",3000,1200,在建',
      '2024,智慧园区,不存在局,abc,100,50,开工',
      '2024,体育中心,教育局,5000,2000,100,动工',
    ].join('\r\n');
    const res = await upload('/api/projects/import?region=430502', multipart('projects.csv', Buffer.from('\uFEFF' + csv), 'text/csv'));
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('import_rows_invalid');
    expect(err.zh).toMatch(/未导入任何数据/);
    expect(err.en).toMatch(/nothing was imported/);
    expect(err.details.errors).toEqual([
      { row: 3, column: '总投资', zh: '“abc”不是数值', en: '"abc" is not a number' },
      { row: 3, column: '牵头单位', zh: '本区没有单位“不存在局”', en: 'no department "不存在局" in this region' },
      expect.objectContaining({ row: 4, column: '阶段', zh: expect.stringContaining('未知阶段“动工”') }),
    ]);
    expect(await projects()).toEqual(before);
  });

  it('imports projects from XLSX, updating one with the same year and name, and indicators from CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('重点项目');
    ws.addRow(['年度', '项目名称', '牵头单位', '总投资', '年度计划投资', '年度完成投资', '阶段']);
    ws.addRow([2024, '城东污水处理厂', '区人社局', 12000, 5000, 4200, '竣工']);
    ws.addRow([2024, '高铁站前广场', '教育局', 8000, 3000, 1200, '在建']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload('/api/projects/import?region=430502', multipart('projects.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
    expect(res.json()).toEqual({ created: 1, updated: 1 });
    const list = await projects();
    expect(list.find((p) => p.name === '城东污水处理厂')).toMatchObject({ stage: 'completed', totalInvestment: '12000' });
    expect(list.find((p) => p.name === '高铁站前广场')).toMatchObject({ stage: 'building', totalInvestment: '8000' });

    const csv = '指标名称,期次,数值,单位,同比增长\n地区生产总值,2024年第1季度,85.3,亿元,6.1%\n固定资产投资,2024-03,12.5,亿元,-2.3\n';
    const ind = await upload('/api/indicators/import?region=430502', multipart('ind.csv', Buffer.from(csv), 'text/csv'));
    expect(ind.json()).toEqual({ saved: 2 });
    const items = (await app.inject({ url: '/api/indicators?region=430502', headers: admin })).json().items;
    expect(items.map((i: { indicator: string; period: string; periodType: string; value: string; yoyGrowth: number }) => [i.indicator, i.period, i.periodType, i.value, i.yoyGrowth])).toEqual([
      ['固定资产投资', '2024-03', 'month', '12.5', -2.3],
      ['地区生产总值', '2024-Q1', 'quarter', '85.3', 6.1],
    ]);
    const bad = await upload('/api/indicators/import?region=430502', multipart('ind.csv', Buffer.from('指标名称,期次,数值\n地区生产总值,2024-Q5,1\n'), 'text/csv'));
    expect(bad.json().error.details.errors).toEqual([{ row: 1, column: '单位', zh: '缺少列“单位”', en: 'missing column "unit"' }]);
    expect((await upload('/api/indicators/import?region=430502', multipart('ind.pdf', Buffer.from('x'), 'application/pdf'))).statusCode).toBe(415);
  });

  it('sets one indicator value: a change needs the current version', async () => {
    const body = { regionCode: '430502', indicator: '社会消费品零售总额', period: '2024-05', value: '40.2', unit: '亿元', yoyGrowth: 5.5 };
    const first = await app.inject({ method: 'PUT', url: '/api/indicators', headers: admin, payload: body });
    expect(first.json()).toMatchObject({ value: '40.2', version: 1 });
    expect((await app.inject({ method: 'PUT', url: '/api/indicators', headers: admin, payload: { ...body, value: '41' } })).statusCode).toBe(409);
    expect((await app.inject({ method: 'PUT', url: '/api/indicators', headers: admin, payload: { ...body, value: '41', version: 1 } })).json()).toMatchObject({ value: '41', version: 2 });
    expect((await app.inject({ method: 'PUT', url: '/api/indicators', headers: admin, payload: { ...body, value: '42', version: 1 } })).statusCode).toBe(409);
  });
});
