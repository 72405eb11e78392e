/**
 * 逾期 in two kinds, over HTTP: 逾期未报送 (a report missing past its due date) and 逾期未完成 (past
 * the deadline, not done) — each filterable in the list and counted apart in the summary, so a
 * 正常推进 commitment marked 逾期 always says which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildWorld, X, type World } from './world.ts';

interface Item { id: string; title: string; evaluation: { overdue: boolean; reportOverdue: boolean; deadlineOverdue: boolean; status: string } }

describe.each(testEngines())('overdue kinds on %s', (engine) => {
  let w: World;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
    // today is 2024-07-20: June's report was due 5 July
    const missing = await w.commitment('own', { title: '漏报任务', targetValue: '1000' });
    for (const p of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']) await w.report(missing, 'accepted', p);
    const late = await w.commitment('own', { title: '超期任务', deadline: '2024-06-30' });
    for (const p of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']) await w.report(late, 'accepted', p);
    const both = await w.commitment('own', { title: '超期且漏报', deadline: '2024-06-30' });
    ids.missing = missing.id;
    ids.late = late.id;
    ids.both = both.id;
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });
  const list = async (q: string) => ((await w.app.inject({ url: `/api/commitments?region=${X}&${q}`, headers: w.sessions.admin })).json().items as Item[]);

  it('tells a missing report from a missed deadline on each commitment', async () => {
    const all = new Map((await list('overdue=true')).map((c) => [c.id, c.evaluation]));
    expect(all.get(ids.missing)).toMatchObject({ overdue: true, reportOverdue: true, deadlineOverdue: false });
    expect(all.get(ids.late)).toMatchObject({ overdue: true, reportOverdue: false, deadlineOverdue: true });
    expect(all.get(ids.both)).toMatchObject({ overdue: true, reportOverdue: true, deadlineOverdue: true });
  });

  it('filters each kind, and every listed commitment is of that kind', async () => {
    const report = await list('overdue=report');
    const deadline = await list('overdue=deadline');
    expect(report.every((c) => c.evaluation.reportOverdue)).toBe(true);
    expect(deadline.every((c) => c.evaluation.deadlineOverdue)).toBe(true);
    expect(report.map((c) => c.id)).toEqual(expect.arrayContaining([ids.missing, ids.both]));
    expect(report.map((c) => c.id)).not.toContain(ids.late);
    expect(deadline.map((c) => c.id)).toEqual(expect.arrayContaining([ids.late, ids.both]));
    expect(deadline.map((c) => c.id)).not.toContain(ids.missing);
  });

  it('counts the kinds apart in the summary, and 逾期 is their union', async () => {
    const all = await list('');
    const s = (await w.app.inject({ url: `/api/commitments/summary?region=${X}`, headers: w.sessions.admin })).json();
    const supervised = all.filter((c) => (c as unknown as { state: string }).state !== 'draft' && (c as unknown as { state: string }).state !== 'cancelled');
    expect(s.total.reportOverdue).toBe(supervised.filter((c) => c.evaluation.reportOverdue).length);
    expect(s.total.deadlineOverdue).toBe(supervised.filter((c) => c.evaluation.deadlineOverdue).length);
    expect(s.total.overdue).toBe(supervised.filter((c) => c.evaluation.reportOverdue || c.evaluation.deadlineOverdue).length);
  });
});
