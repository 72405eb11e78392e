/**
 * Spreadsheet bombs over HTTP (issue #11): tiny archives that used to exhaust the server's memory
 * or block it for seconds are refused with 400 {error: {code, zh, en}} before ExcelJS reads them,
 * and the server answers other requests while an upload is being checked.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { buildWorld } from '../app/workflow/testWorld.ts';
import { LIMITS } from '../domain/limits.ts';
import { cell, columnBomb, filler, rowBomb, xlsx } from '../extract-io/bombs.testing.ts';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildServer } from './app.ts';
import { makeUser, multipartFile, signIn, type Session } from './testing.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testEngines())('upload limits on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let admin: Session;
  let reporter: Session;
  beforeAll(async () => {
    db = await openTestDb(engine);
    const w = await buildWorld(db);
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

  const upload = (url: string, name: string, data: Buffer, who: Session) => {
    const body = multipartFile(name, data, XLSX_TYPE);
    return app.inject({ method: 'POST', url, headers: { ...who, 'content-type': body.contentType }, payload: body.payload });
  };

  it('refuses the column-XFD bomb on project and indicator import, and the row-1,048,576 task sheet of a reporter', async () => {
    for (const url of ['/api/projects/import?region=430502', '/api/indicators/import?region=430502']) {
      const res = await upload(url, 'bomb.xlsx', columnBomb(), admin);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'file_too_large', zh: expect.stringContaining('第 16384 列'), en: expect.stringContaining('column 16384') });
    }
    const sheet = await upload('/api/tasksheets/import', 'sheet.xlsx', rowBomb(), reporter);
    expect(sheet.statusCode).toBe(400);
    expect(sheet.json().error).toMatchObject({ code: 'file_too_large', zh: expect.stringContaining('第 1048576 行') });
    // a file that is not a workbook keeps its own answer
    const junk = await upload('/api/tasksheets/import', 'sheet.xlsx', Buffer.from('PK\u0003\u0004 not really'), reporter);
    expect(junk.json().error.code).toBe('task_sheet_unreadable');
  });

  it('answers /health while an inflation bomb is being checked, then refuses the bomb', async () => {
    const bomb = xlsx(`<row r="1">${cell('A1')}</row>`, '', { 'xl/sharedStrings.xml': filler(60) });
    let refused = false;
    const pending = upload('/api/projects/import?region=430502', 'bomb.xlsx', bomb, admin).then((r) => ((refused = true), r));
    const health = await app.inject({ url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(refused).toBe(false); // answered while the upload was still being inflated
    const res = await pending;
    expect(res.statusCode).toBe(400);
    expect(res.json().error.en).toContain('inflates to more than 50 MB');
    // and the server still works for the same office afterwards
    expect((await app.inject({ url: '/api/projects?region=430502', headers: admin })).statusCode).toBe(200);
  });

  it('refuses a work report beyond the text limit at once, and answers /health beside the largest import allowed', async () => {
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    const huge = '全区新增城镇就业3120人，新建社区食堂6个。'.repeat(Math.ceil(2_000_000 / 22)).slice(0, 2_000_000);
    const refused = await app.inject({ method: 'POST', url: '/api/work-reports', headers: admin, payload: { region: '430502', year: 2025, filename: 'huge.txt', text: huge, sha256: sha(huge) } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'report_too_long', zh: expect.stringContaining('未导入任何内容'), en: expect.stringContaining(`at most ${LIMITS.workReport.maxChars}`) });
    expect((await db.query<{ n: number }>(`select count(*)::int as n from work_report`))[0]!.n).toBe(0);

    const text = ['二、2025年主要任务', ...Array.from({ length: LIMITS.workReport.maxDrafts }, (_, i) => `新建社区食堂${i + 1}个。`)].join('\n');
    const importing = app.inject({ method: 'POST', url: '/api/work-reports', headers: admin, payload: { region: '430502', year: 2025, filename: 'big.txt', text, sha256: sha(text) } });
    const [health, imported] = await Promise.all([app.inject({ url: '/health' }), importing]);
    expect(health.statusCode).toBe(200);
    expect(imported.statusCode).toBe(201);
    expect(imported.json().drafts).toHaveLength(LIMITS.workReport.maxDrafts);
  });
});
