/**
 * 经济指标 that are not figures (issue #11 item 6): unit "null", NaN, absurd growth. Refused on
 * write, by the API and by the importer; a row stored before the rules (or restored) does not break
 * the year summary: it is left out and the document says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { buildWorld } from '../app/workflow/testWorld.ts';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildServer } from './app.ts';
import { makeUser, multipartFile, signIn, type Session } from './testing.ts';

describe.each(testEngines())('indicator values on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let admin: Session;
  beforeAll(async () => {
    db = await openTestDb(engine);
    const w = await buildWorld(db);
    await w.commitment({ state: 'inProgress' });
    const ctx = createContext(db, undefined, () => '2025-03-01');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    app = await buildServer(ctx);
    admin = await signIn(app, 'office');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const save = (body: object) => app.inject({ method: 'PUT', url: '/api/indicators', headers: admin, payload: { regionCode: '430502', indicator: '地区生产总值', period: '2024', value: '302.5', unit: '亿元', yoyGrowth: 6.2, ...body } });

  it('refuses placeholder units and absurd figures on PUT and on import, naming the field', async () => {
    for (const unit of ['null', 'NULL', 'undefined', 'NaN', 'N/A', '-']) {
      const res = await save({ unit });
      expect(res.statusCode, unit).toBe(400);
      expect(JSON.stringify(res.json().error), unit).toMatch(/unit/);
    }
    expect((await save({ yoyGrowth: 1e308 })).statusCode).toBe(400);
    expect((await save({ value: '9'.repeat(40) })).statusCode).toBe(400);
    expect((await save({})).statusCode).toBe(200);

    const csv = '指标名称,期次,数值,单位,同比增长\n一般公共预算收入,2024,12.5,亿元,3.1\n固定资产投资,2024,40,null,2\n';
    const file = multipartFile('ind.csv', csv, 'text/csv');
    const imported = await app.inject({ method: 'POST', url: '/api/indicators/import?region=430502', headers: { ...admin, 'content-type': file.contentType }, payload: file.payload });
    expect(imported.statusCode).toBe(400);
    expect(imported.json().error.details.errors).toEqual([expect.objectContaining({ row: 3, column: 'unit', en: expect.stringContaining('not a unit') })]);
    // nothing of the file was applied
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from indicator_value where indicator = '一般公共预算收入'`);
    expect(n).toBe(0);
  });

  it('the database refuses NaN itself', async () => {
    await expect(db.query(`insert into indicator_value (id, region_code, indicator, period, period_type, cumulative, value, unit, yoy_growth) values (gen_random_uuid(), '430502', 'x', '2024', 'year', true, 'NaN', '亿元', 1)`)).rejects.toThrow();
    await expect(db.query(`insert into indicator_value (id, region_code, indicator, period, period_type, cumulative, value, unit, yoy_growth) values (gen_random_uuid(), '430502', 'x', '2024', 'year', true, 1, '亿元', 'NaN')`)).rejects.toThrow();
  });

  it('a year summary leaves out the rows stored before the rules and says which', async () => {
    // as a database from before: no constraint, rows written without the checks
    await db.exec('alter table indicator_value drop constraint indicator_value_finite');
    await db.query(`insert into indicator_value (id, region_code, indicator, period, period_type, cumulative, value, unit, yoy_growth) values
      (gen_random_uuid(), '430502', '城镇居民人均可支配收入', '2024', 'year', true, 41000, 'null', 5.5),
      (gen_random_uuid(), '430502', '社会消费品零售总额', '2024', 'year', true, 'NaN', '亿元', 'NaN')`);
    for (const format of ['md', 'html', 'docx']) {
      const res = await app.inject({ url: `/api/reports/summary?region=430502&year=2024&format=${format}`, headers: admin });
      expect(res.statusCode, `${format}: ${res.body.slice(0, 300)}`).toBe(200);
    }
    const md = (await app.inject({ url: '/api/reports/summary?region=430502&year=2024&format=md', headers: admin })).body;
    expect(md).toContain('地区生产总值302.5亿元');
    expect(md).toMatch(/注：经济指标“城镇居民人均可支配收入”（2024）、“社会消费品零售总额”（2024）数据有误，未列入本文/);
    expect(md).not.toMatch(/41000null|NaN/);
  });
});
