import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { CO_DEPT, LEAD_DEPT, buildCommitment, buildReport } from './factories.ts';
import { departmentRecords, paceScore, rankAssessments, reportTimeliness, returnedCounts, scoreDepartment } from './assessment.ts';
import type { Assessment, DepartmentRecord } from './assessment.ts';
import type { Evaluation } from './progress.ts';
import { DEFAULT_CONFIG } from './config.ts';
import { reportSchedule } from './schedule.ts';
import { evaluateCommitment } from './progress.ts';

const ev = (completionRate: number | null, expectedProgress: number, status: Evaluation['status'] = 'onTrack'): Evaluation => ({
  completionRate, expectedProgress, lag: completionRate === null ? null : expectedProgress - completionRate, status,
  overdue: false, reportOverdue: false, deadlineOverdue: false, latestValue: null, latestPeriod: null, missingPeriods: [], measuredAt: '2024-06-30',
});

const record = (over: Partial<DepartmentRecord>): DepartmentRecord => ({
  departmentId: LEAD_DEPT, evaluations: [], reportsDue: 0, reportsOnTime: 0, reportsReviewed: 0, reportsReturned: 0, ...over,
});

describe('paceScore', () => {
  it('is 100 at or ahead of 序时进度 and proportional behind it', () => {
    expect(paceScore(ev(60, 50))).toBe(100);
    expect(paceScore(ev(25, 50))).toBe(50);
    expect(paceScore(ev(0, 0))).toBe(100);
    expect(paceScore(ev(null, 50))).toBeNull();
    expect(paceScore(ev(null, 100, 'completed'))).toBe(100);
  });
});

describe('scoreDepartment', () => {
  const r = record({ evaluations: [ev(25, 50), ev(60, 50)], reportsDue: 4, reportsOnTime: 3, reportsReviewed: 5, reportsReturned: 1 });
  it('weights completion 60, timeliness 30, returned 10 by default and returns the parts', () => {
    const a = scoreDepartment(r, '2024-Q2');
    expect(a.parts).toEqual({
      completion: { score: 75, weight: 0.6 },
      timeliness: { score: 75, weight: 0.3 },
      returned: { score: 80, weight: 0.1 },
    });
    expect(a.total).toBe(75.5);
    expect(a.period).toBe('2024-Q2');
  });
  it('follows configured weights', () => {
    expect(scoreDepartment(r, '2024-Q2', loadConfig({ assessmentWeights: { completion: 0, timeliness: 0, returned: 1 } })).total).toBe(80);
  });
  it('a part with nothing to measure drops out instead of counting zero', () => {
    const a = scoreDepartment(record({ evaluations: [ev(25, 50)] }), '2024-Q2');
    expect(a.parts.timeliness.score).toBeNull();
    expect(a.total).toBe(50);
    expect(scoreDepartment(record({}), '2024-Q2').total).toBeNull();
  });
});

describe('rankAssessments', () => {
  const a = (departmentId: string, total: number | null): Assessment => ({
    departmentId, period: '2024-Q2', total,
    parts: { completion: { score: total, weight: 1 }, timeliness: { score: null, weight: 1 }, returned: { score: null, weight: 1 } },
  });
  it('ranks highest first; equal totals share a rank and the next is skipped; no total, no rank', () => {
    const ranked = rankAssessments([a('d', 70), a('a', 90), a('x', null), a('b', 85), a('c', 85)]);
    expect(ranked.map((r) => [r.departmentId, r.rank, r.tied])).toEqual([
      ['a', 1, false], ['b', 2, true], ['c', 2, true], ['d', 4, false], ['x', null, false],
    ]);
  });
});

describe('reportTimeliness and returnedCounts', () => {
  const c = buildCommitment(); // monthly, due the 5th
  const reports = [
    buildReport('2024-04', '900', { submittedAt: '2024-05-05T15:59:00Z' }), // 23:59 on 5 May in Beijing: on time
    buildReport('2024-05', '1200', { submittedAt: '2024-06-05T16:00:00Z' }), // 00:00 on 6 June in Beijing: late
    buildReport('2024-06', '1500', { submittedAt: '2024-07-01T02:00:00Z', departmentId: CO_DEPT }), // a co-department's does not count
  ];
  const slots = reportSchedule(c, reports, DEFAULT_CONFIG);
  it('counts reports of the assessed quarter due by the date, on time by the local clock', () => {
    expect(reportTimeliness(slots, reports, LEAD_DEPT, '2024-Q2', '2024-07-10')).toEqual({ due: 3, onTime: 1 });
    expect(reportTimeliness(slots, reports, LEAD_DEPT, '2024-Q2', '2024-06-30')).toEqual({ due: 2, onTime: 1 });
    expect(reportTimeliness(slots, reports, LEAD_DEPT, '2024-04', '2024-07-10')).toEqual({ due: 1, onTime: 1 });
  });
  it('counts reviews made in the period and the returned share', () => {
    const reviewed = [
      buildReport('2024-04', '1', { reviewedAt: '2024-05-06T01:00:00Z' }),
      buildReport('2024-05', '1', { state: 'returned', reviewedAt: '2024-06-07T01:00:00Z' }),
      buildReport('2024-06', '1', { state: 'returned', reviewedAt: '2024-06-30T17:00:00Z' }), // 1 July in Beijing
      buildReport('2024-05', '1', { state: 'submitted' }),
    ];
    expect(returnedCounts(reviewed, LEAD_DEPT, '2024-Q2')).toEqual({ reviewed: 2, returned: 1 });
  });
});

describe('departmentRecords', () => {
  it('groups by lead department, leaving out drafts and cancelled commitments', () => {
    const a = buildCommitment();
    const b = buildCommitment({ leadDepartmentId: CO_DEPT, coDepartmentIds: [LEAD_DEPT] });
    const gone = buildCommitment({ state: 'cancelled' });
    const ra = [buildReport('2024-04', '900', { submittedAt: '2024-05-01T00:00:00Z', reviewedAt: '2024-05-02T00:00:00Z' })];
    const items = [a, b, gone].map((commitment) => {
      const reports = commitment === a ? ra : [];
      return { commitment, reports, evaluation: evaluateCommitment(commitment, reports, '2024-06-30') };
    });
    const recs = departmentRecords(items, '2024-Q2', '2024-06-30');
    expect(recs.map((r) => [r.departmentId, r.evaluations.length, r.reportsDue, r.reportsOnTime, r.reportsReviewed, r.reportsReturned])).toEqual([
      [LEAD_DEPT, 1, 2, 1, 1, 0],
      [CO_DEPT, 1, 2, 0, 0, 0],
    ]);
    const ranked = rankAssessments(recs.map((r) => scoreDepartment(r, '2024-Q2')));
    expect(ranked[0]!.departmentId).toBe(LEAD_DEPT);
  });
});
