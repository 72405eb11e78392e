/**
 * Uploaded spreadsheets are parsed in worker threads (src/extract-io/parsePool.ts, issue #11 item 2):
 * the server answers other requests while a large allowed sheet is being parsed, and a worker that
 * runs out of memory becomes a 400 naming the cause while the server goes on serving. Ordered by a
 * barrier in the worker (holdNextParse), never by time: if the parse ran on the event loop, the
 * barrier would block the server and the requests below would never be answered.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { buildWorld } from '../app/workflow/testWorld.ts';
import { cell, docx, documentXml, paragraph, xlsx } from '../extract-io/bombs.testing.ts';
import { configureParsePool, holdNextParse } from '../extract-io/parsePool.ts';
import { decodeDocument } from '../extract-io/read-document.ts';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildServer } from './app.ts';
import { makeUser, multipartFile, signIn, type Session } from './testing.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROWS = 9_999; // under LIMITS.spreadsheet.maxRows (10,000) and, at 6 columns, maxCells (60,000)

/** A projects sheet at the limits: a header and 9,998 rows, each with a stage no project has. */
function largeProjectSheet(): Buffer {
  const header = ['年度', '项目名称', '总投资', '年度计划投资', '年度完成投资', '阶段'];
  const row = (n: number, values: string[]) => `<row r="${n}">${values.map((v, i) => cell(`${'ABCDEF'[i]}${n}`, v)).join('')}</row>`;
  const rows = [row(1, header)];
  for (let n = 2; n <= ROWS; n++) rows.push(row(n, ['2024', `第${n}号项目`, '1000', '500', '100', '未定阶段']));
  return xlsx(rows.join(''));
}

describe('a .docx is read in a worker thread', () => {
  it('leaves the event loop free while mammoth reads it', async () => {
    const hold = holdNextParse();
    let done = false;
    const reading = decodeDocument(docx(documentXml(paragraph('全年新增城镇就业3500人'))), 'report.docx').then((d) => ((done = true), d));
    await hold.parsed; // the worker has read the file and waits
    await new Promise((resolve) => setImmediate(resolve)); // the main thread runs meanwhile
    expect(done).toBe(false);
    hold.release();
    expect((await reading).text).toContain('全年新增城镇就业3500人');
  });
});

describe.each(testEngines())('spreadsheet parsing off the event loop on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let admin: Session;
  let reporter: Session;
  const large = largeProjectSheet();
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
  afterEach(() => configureParsePool({}));
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const upload = (url: string, name: string, data: Buffer, who: Session) => {
    const body = multipartFile(name, data, XLSX_TYPE);
    return app.inject({ method: 'POST', url, headers: { ...who, 'content-type': body.contentType }, payload: body.payload });
  };
  const projects = async () => (await db.query<{ n: number }>(`select count(*)::int as n from project`))[0]!.n;

  it('answers other requests while a large allowed sheet is parsed, then checks every row of it', async () => {
    const hold = holdNextParse();
    let answered = false;
    const importing = upload('/api/projects/import?region=430502', 'projects.xlsx', large, admin).then((r) => ((answered = true), r));
    await hold.parsed; // ExcelJS has read all 59,994 cells in a worker, which now waits
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    const list = await app.inject({ url: '/api/projects?region=430502', headers: admin });
    expect(list.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: reporter })).statusCode).toBe(200);
    expect(answered).toBe(false);
    hold.release();
    const res = await importing;
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import_rows_invalid');
    expect(res.json().error.details.errors).toHaveLength(ROWS - 1); // every row was read and checked
    expect(await projects()).toBe(0);
  });

  it('with every thread busy and the queue full, a further upload is refused at once with 503 and Retry-After', async () => {
    await configureParsePool({ maxThreads: 1, maxQueue: 1 });
    const hold = holdNextParse();
    const first = upload('/api/projects/import?region=430502', 'projects.xlsx', large, admin);
    await hold.parsed; // the only thread is held; the queue is empty
    // of two more, one waits in the queue and the other finds it full (whichever comes first)
    let settled = 0;
    const more = [0, 1].map(() => upload('/api/projects/import?region=430502', 'projects.xlsx', large, admin).then((r) => (settled++, r)));
    const busy = await Promise.race(more);
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.json().error).toMatchObject({ code: 'parser_busy', zh: expect.stringContaining('请稍后重试'), requestId: expect.any(String) });
    expect(settled).toBe(1);
    hold.release();
    const answers = [await first, ...(await Promise.all(more))];
    expect(answers.map((r) => r.statusCode).sort()).toEqual([400, 400, 503]);
  });

  it('turns a worker out of memory into a 400 naming the cause, on every spreadsheet import, and keeps serving', async () => {
    await configureParsePool({ maxHeapMb: 16 }); // the modules fit, the large sheet does not
    const cases = [
      { url: '/api/projects/import?region=430502', who: admin },
      { url: '/api/indicators/import?region=430502', who: admin },
      { url: '/api/tasksheets/import', who: reporter },
    ];
    for (const c of cases) {
      const res = await upload(c.url, 'large.xlsx', large, c.who);
      expect(res.statusCode, c.url).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'file_too_complex', zh: expect.stringContaining('内存超过上限（16 MB）'), en: expect.stringContaining('more than 16 MB of memory') });
      expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    }
    // the dead worker was replaced: a normal sheet imports in the same small heap
    const small = xlsx(`<row r="1">${cell('A1', '年度')}${cell('B1', '项目名称')}</row><row r="2">${cell('A2', '2024')}${cell('B2', '城南污水处理厂')}</row>`);
    const ok = await upload('/api/projects/import?region=430502', 'projects.xlsx', small, admin);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 1, updated: 0 });
    expect(await projects()).toBe(1);
  });
});
