import { describe, expect, it } from 'vitest';
import { Commitment, ProgressReport } from '../domain/types.ts';
import { addDays } from '../domain/dates.ts';
import { buildPlan, stableId } from './build.ts';
import { departmentsOf } from './districts.ts';
import { YANHU_CURRENT } from './plans/yanhuCurrent.ts';
import { DEMO_PLANS } from './loadDemo.ts';

const deptMaps = (code: string) => {
  const departments = new Map(departmentsOf(code).map((d) => [d.key, stableId(code, d.name)]));
  const leaders = new Map(departmentsOf(code).map((d) => [d.key, d.leader]));
  return { departments, leaders };
};

describe('buildPlan', () => {
  it('is deterministic: the same day gives the same rows', () => {
    const input = { plan: YANHU_CURRENT, planId: stableId('p'), year: 2026, today: '2026-08-14', ...deptMaps('140802') };
    expect(JSON.stringify(buildPlan(input))).toBe(JSON.stringify(buildPlan(input)));
  });

  // every week of a year, including the first days (nothing reported yet) and the last
  const days = Array.from({ length: 54 }, (_, i) => addDays('2027-01-01', i * 7)).filter((d) => d.startsWith('2027')).concat(['2027-01-01', '2027-12-31']);
  it.each(days)('on %s the current-year plan is valid and nothing lies in the future', (today) => {
    const built = buildPlan({ plan: YANHU_CURRENT, planId: stableId('p'), year: 2027, today, ...deptMaps('140802') });
    const endOfToday = new Date(`${today}T23:59:59+08:00`).toISOString();
    for (const c of built.commitments) {
      Commitment.parse(c);
      for (const m of c.milestones) if (m.doneDate) expect(m.doneDate <= today).toBe(true);
    }
    for (const r of built.reports) {
      ProgressReport.parse({ ...r, evidence: [] });
      expect(`${r.period}-28` < today, r.period).toBe(true);
      expect(r.submittedAt! <= endOfToday).toBe(true);
      if (r.reviewedAt) expect(r.reviewedAt <= endOfToday).toBe(true);
    }
    for (const w of built.workPlans) expect((w.filedAt as string) <= endOfToday).toBe(true);
    for (const cr of built.closeRequests) {
      const c = built.commitments.find((x) => x.id === cr.commitmentId)!;
      expect(['closeRequested', 'closed']).toContain(c.state);
    }
    // a task marked closed or up for closing has its close request
    for (const c of built.commitments.filter((x) => x.state === 'closed' || x.state === 'closeRequested'))
      expect(built.closeRequests.some((cr) => cr.commitmentId === c.id), c.title).toBe(true);
  });

  it('historical plans report every month of their year, all accepted', () => {
    for (const plan of DEMO_PLANS.filter((p) => p.year !== 'current')) {
      const built = buildPlan({ plan, planId: stableId('p'), year: plan.year as number, today: '2026-11-23', ...deptMaps(plan.regionCode) });
      const leaves = built.commitments.filter((c) => !built.commitments.some((k) => k.parentId === c.id));
      for (const c of leaves) {
        const periods = built.reports.filter((r) => r.commitmentId === c.id).map((r) => r.period);
        expect(periods, c.title).toHaveLength(12);
      }
      expect(new Set(built.reports.map((r) => r.state))).toEqual(new Set(['accepted']));
    }
  });
});
