/**
 * 区县比较 for a city: one row per county with the same counts its own summary gives, the
 * 民生实事 done, and key indicators ranked among the counties; a county's office may not ask for the city.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines } from '../store/testing.ts';
import { upsertIndicatorValue } from '../store/economy.ts';
import { buildWorld, CITY, X, Y, type World } from './world.ts';
import { trendMonthEnds } from '../domain/dates.ts';

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

  it("gives the city's 总览 of a year from kept figures: the counts of its counties' summaries, the most-behind lists, the trend", async () => {
    const res = await w.app.inject({ url: `/api/overview?region=${CITY}&year=2024`, headers: w.sessions.cityLeader });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const compare = (await w.app.inject({ url: `/api/districts/compare?region=${CITY}&year=2024`, headers: w.sessions.cityLeader })).json();
    const sum = (f: (d: Record<string, number>) => number) => compare.districts.reduce((a: number, d: Record<string, number>) => a + f(d), 0);
    expect(body.summary.total.total).toBe(sum((d) => d.commitments));
    expect(body.lagging.count).toBe(sum((d) => d.lagging + d.seriouslyLagging));
    expect(body.summary.total.overdue).toBe(body.overdue.count);
    expect(body.overdue.items.length).toBe(Math.min(8, body.overdue.count));
    for (const item of [...body.lagging.items, ...body.overdue.items]) expect(item).toMatchObject({ id: expect.any(String), title: expect.any(String), evaluation: { status: expect.any(String) } });
    expect(body.trend.map((p: { month: string }) => p.month)).toEqual(trendMonthEnds(2024, w.ctx.today()).map((d) => d.slice(0, 7)));
    expect((await w.app.inject({ url: `/api/overview?region=${CITY}&year=2023`, headers: w.sessions.cityLeader })).json()).toMatchObject({ summary: { total: { total: 0 } }, lagging: { count: 0, items: [] }, trend: [] });
  });

  it('refuses the city 总览 to a county office and to a department, and asks the public to sign in', async () => {
    expect((await w.app.inject({ url: `/api/overview?region=${CITY}&year=2024`, headers: w.sessions.admin })).statusCode).toBe(403);
    expect((await w.app.inject({ url: `/api/overview?region=${X}&year=2024`, headers: w.sessions.reporter })).statusCode).toBe(403);
    expect((await w.app.inject({ url: `/api/overview?region=${CITY}&year=2024`, headers: w.sessions.public })).statusCode).toBe(401);
  });

  it('refuses a county office the city', async () => {
    expect((await w.app.inject({ url: `/api/districts/compare?region=${CITY}&year=2024`, headers: w.sessions.admin })).statusCode).toBe(403);
  });
});
