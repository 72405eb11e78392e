/**
 * 区县比较 for a city: one row per county with the same counts its own summary gives, the
 * 民生实事 done, and key indicators ranked among the counties; a county's office may not ask for the city.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines } from '../store/testing.ts';
import { upsertIndicatorValue } from '../store/economy.ts';
import { buildWorld, CITY, X, Y, type World } from './world.ts';

describe.each(testEngines())('district comparison on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
    const done = await w.commitment('own', { title: '民生实事甲', livelihood: true, targetValue: '100' });
    for (const p of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']) await w.report(done, 'accepted', p); // 500 of 100: exceeded
    await w.commitment('otherDept', { title: '民生实事乙', livelihood: true });
    await w.commitment('otherRegion', { title: '民生实事丙', livelihood: true });
    for (const [region, growth] of [[X, 6.1], [Y, 7.4]] as const)
      await upsertIndicatorValue(w.db, { id: randomUUID(), regionCode: region, indicator: '地区生产总值', period: '2024-06', periodType: 'month', cumulative: true, value: '120.5', unit: '亿元', yoyGrowth: growth });
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });

  it('gives each county the counts of its own summary', async () => {
    const res = await w.app.inject({ url: `/api/districts/compare?region=${CITY}&year=2024`, headers: w.sessions.cityLeader });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.districts.map((d: { regionCode: string }) => d.regionCode).sort()).toEqual([X, Y]);
    for (const d of body.districts) {
      const own = (await w.app.inject({ url: `/api/commitments/summary?region=${d.regionCode}&plan=${d.planId}`, headers: w.sessions.cityLeader })).json().total;
      expect(d).toMatchObject({
        commitments: own.total, completed: own.byStatus.completed + own.byStatus.exceeded, averageCompletion: own.averageCompletion,
        lagging: own.byStatus.lagging, seriouslyLagging: own.byStatus.seriouslyLagging, reportOverdue: own.reportOverdue, deadlineOverdue: own.deadlineOverdue,
      });
    }
    const x = body.districts.find((d: { regionCode: string }) => d.regionCode === X);
    expect(x.livelihood).toEqual({ total: 2, done: 1 });
  });

  it('ranks the key indicators among the counties (growth first)', async () => {
    const body = (await w.app.inject({ url: `/api/districts/compare?region=${CITY}&year=2024`, headers: w.sessions.cityAdmin })).json();
    const gdp = body.indicators.find((i: { indicator: string }) => i.indicator === '地区生产总值');
    expect(gdp.values[Y]).toMatchObject({ rank: 1, yoyGrowth: 7.4 });
    expect(gdp.values[X]).toMatchObject({ rank: 2, yoyGrowth: 6.1 });
    expect((await w.app.inject({ url: `/api/districts/compare?region=${CITY}&year=2023`, headers: w.sessions.cityAdmin })).json().indicators).toEqual([]);
  });

  it('refuses a county office the city', async () => {
    expect((await w.app.inject({ url: `/api/districts/compare?region=${CITY}&year=2024`, headers: w.sessions.admin })).statusCode).toBe(403);
  });
});
