/** GET /api/indicators/peers: a district sees where it ranks among its city's districts, and nothing of regions elsewhere. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../app/context.ts';
import { buildWorld } from '../../app/workflow/testWorld.ts';
import type { Db } from '../../store/db.ts';
import { upsertIndicatorValue } from '../../store/economy.ts';
import { upsertRegion } from '../../store/regions.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { buildServer } from '../app.ts';
import { makeUser, signIn, type Session } from '../testing.ts';

const GDP = '地区生产总值';
const value = (regionCode: string, period: string, v: string, yoy: number | null) =>
  ({ id: randomUUID(), regionCode, indicator: GDP, period, periodType: 'quarter' as const, cumulative: true, value: v, unit: '亿元', yoyGrowth: yoy });

describe.each(testEngines())('indicator peers route on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let office: Session;
  beforeAll(async () => {
    db = await openTestDb(engine);
    await buildWorld(db);
    await upsertRegion(db, { code: '430511', name: '北塔区', level: 'county', parentCode: '430500' });
    await upsertRegion(db, { code: '430200', name: '株洲市', level: 'city', parentCode: null });
    await upsertRegion(db, { code: '430202', name: '荷塘区', level: 'county', parentCode: '430200' });
    for (const v of [
      value('430502', '2024-Q1', '50.1', 5.2), value('430502', '2024-Q2', '101.3', 6.1),
      value('430503', '2024-Q2', '120.0', 6.1), value('430511', '2024-Q2', '60.2', 7.4),
      value('430202', '2024-Q2', '300.0', 9.9), // another city: not a peer
    ]) await upsertIndicatorValue(db, v);
    const ctx = createContext(db, undefined, () => '2024-08-01');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    app = await buildServer(ctx);
    office = await signIn(app, 'office');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("ranks the district among its city's districts by growth at its latest period, ties sharing a rank", async () => {
    const res = await app.inject({ url: `/api/indicators/peers?region=430502&indicator=${encodeURIComponent(GDP)}`, headers: office });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { period: string; parent: { name: string }; items: { name: string; rank: number; yoyGrowth: number }[] };
    expect(body.period).toBe('2024-Q2');
    expect(body.parent.name).toBe('邵阳市');
    expect(Object.fromEntries(body.items.map((x) => [x.name, x.rank]))).toEqual({ 北塔区: 1, 双清区: 2, 大祥区: 2 });
    expect(body.items[0]!.name).toBe('北塔区');
    expect(body.items.some((x) => x.name === '荷塘区')).toBe(false);
  });

  it('answers for an earlier period when asked, and refuses a region the office may not read', async () => {
    const q1 = (await app.inject({ url: `/api/indicators/peers?region=430502&indicator=${encodeURIComponent(GDP)}&period=2024-Q1`, headers: office })).json() as { items: { name: string; rank: number }[] };
    expect(q1.items.map((x) => [x.name, x.rank])).toEqual([['双清区', 1]]);
    expect((await app.inject({ url: `/api/indicators/peers?region=430202&indicator=${encodeURIComponent(GDP)}`, headers: office })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/indicators/peers?region=430502&indicator=${encodeURIComponent(GDP)}` })).statusCode).toBe(401);
  });
});
