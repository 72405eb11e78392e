import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from './config.ts';
import { CO_DEPT, buildCommitment, buildMilestone, buildReport } from './factories.ts';
import { computeStatus, evaluateCommitment, expectedProgress, milestoneRate, quantityRate, rollupEvaluation } from './progress.ts';
import type { Evaluation, Target } from './progress.ts';

const target = (t: Partial<Target>): Target => ({ comparator: 'gte', targetValue: null, targetValueMax: null, baselineValue: null, ...t });

describe('quantityRate (完成率)', () => {
  it('≥ target: 3685 of 3500 is 105.3%', () => {
    expect(quantityRate(target({ targetValue: '3500' }), '3685')).toBeCloseTo(105.29, 2);
  });
  it('≥ target with a baseline counts from the baseline (覆盖率 40 → 45, now 42)', () => {
    expect(quantityRate(target({ targetValue: '45', baselineValue: '40' }), '42')).toBeCloseTo(40, 6);
    expect(quantityRate(target({ targetValue: '45', baselineValue: '40' }), '39')).toBe(0);
  });
  it('≤ target: 大班额率 3.6% against 控制在4%以内 is met, 4.8% is not and says how far', () => {
    const t = target({ comparator: 'lte', targetValue: '4' });
    expect(quantityRate(t, '3.6')!).toBeGreaterThan(100);
    expect(quantityRate(t, '4')).toBe(100);
    expect(quantityRate(t, '4.8')).toBeCloseTo(83.33, 2);
    expect(quantityRate(t, '0')).toBe(200); // capped
  });
  it('≤ target with a baseline: PM2.5 from 40 down to 35, now 38 → 40%', () => {
    expect(quantityRate(target({ comparator: 'lte', targetValue: '35', baselineValue: '40' }), '38')).toBeCloseTo(40, 6);
  });
  it('≤ target of zero (零事故)', () => {
    const t = target({ comparator: 'lte', targetValue: '0' });
    expect(quantityRate(t, '0')).toBe(100);
    expect(quantityRate(t, '1')).toBe(0);
  });
  it('= target is met, never beaten', () => {
    const t = target({ comparator: 'eq', targetValue: '5' });
    expect(quantityRate(t, '4')).toBe(80);
    expect(quantityRate(t, '6')).toBe(100);
  });
  it('approx (左右) target: met within the configured tolerance, scored like a range outside it', () => {
    const t = target({ comparator: 'approx', targetValue: '6' });
    // default tolerance 5%: 5.7–6.3 is met
    expect(quantityRate(t, '5.8')).toBe(100);
    expect(quantityRate(t, '6.3')).toBe(100);
    expect(quantityRate(t, '5')).toBeCloseTo((5 / 5.7) * 100, 6);
    expect(quantityRate(t, '7')).toBeCloseTo((6.3 / 7) * 100, 6);
    // a tighter tolerance from the region's configuration
    expect(quantityRate(t, '5.8', { ...DEFAULT_CONFIG, approxTolerancePercent: 1 })).toBeCloseTo((5.8 / 5.94) * 100, 6);
  });

  it('range target: inside is 100, outside says how far', () => {
    const t = target({ comparator: 'range', targetValue: '6', targetValueMax: '7' });
    expect(quantityRate(t, '6.5')).toBe(100);
    expect(quantityRate(t, '3')).toBe(50);
    expect(quantityRate(t, '14')).toBe(50);
  });
  it('no target → null; malformed value → throws', () => {
    expect(quantityRate(target({}), '5')).toBeNull();
    expect(() => quantityRate(target({ targetValue: '5' }), '5万')).toThrow(/不是数值/);
  });
});

describe('milestones (节点)', () => {
  const ms = [buildMilestone('立项', '2024-03-31', '2024-03-20', 1), buildMilestone('开工', '2024-06-30', null, 3)];
  it('completion is the weighted share done', () => {
    expect(milestoneRate(ms, (m) => m.doneDate !== null)).toBe(25);
  });
  it('序时进度 comes from milestone due dates', () => {
    const c = buildCommitment({ kind: 'milestone', milestones: ms });
    expect(expectedProgress(c, '2024-03-30')).toBe(0);
    expect(expectedProgress(c, '2024-03-31')).toBe(25);
    expect(expectedProgress(c, '2024-07-01')).toBe(100);
  });
});

describe('expectedProgress (序时进度) from elapsed time', () => {
  const c = buildCommitment({ startDate: '2024-01-01', deadline: '2024-12-31' });
  it('counts elapsed days of the window, leap year included', () => {
    expect(expectedProgress(c, '2023-12-31')).toBe(0);
    expect(expectedProgress(c, '2024-06-30')).toBeCloseTo((182 / 366) * 100, 6);
    expect(expectedProgress(c, '2024-12-31')).toBe(100);
    expect(expectedProgress(c, '2025-03-01')).toBe(100);
  });
});

describe('computeStatus thresholds come from config', () => {
  it('a lag of 12 points is 滞后 by default and 正常推进 with a 15-point yellow line', () => {
    const m = { completionRate: 38, lag: 12, pastDeadline: false, started: true };
    expect(computeStatus(m)).toBe('lagging');
    expect(computeStatus(m, loadConfig({ yellowLagPoints: 15 }))).toBe('onTrack');
  });
  it('yellow from 10 up to 30 points, red beyond 30', () => {
    const s = (lag: number) => computeStatus({ completionRate: 50 - lag, lag, pastDeadline: false, started: true });
    expect([s(9.9), s(10), s(30), s(30.1)]).toEqual(['onTrack', 'lagging', 'lagging', 'seriouslyLagging']);
    expect(computeStatus({ completionRate: 10, lag: 35, pastDeadline: false, started: true }, loadConfig({ redLagPoints: 40 }))).toBe('lagging');
  });
  it('past the deadline unfinished is red; done is done', () => {
    expect(computeStatus({ completionRate: 99, lag: 1, pastDeadline: true, started: true })).toBe('seriouslyLagging');
    expect(computeStatus({ completionRate: 100, lag: 0, pastDeadline: true, started: true })).toBe('completed');
    expect(computeStatus({ completionRate: 105.3, lag: -5, pastDeadline: false, started: true })).toBe('exceeded');
  });
});

describe('evaluateCommitment', () => {
  const c = buildCommitment(); // ≥ 3500, 2024, monthly, due 5th of next month
  it('measures the lead department’s accepted value against 序时进度 at the last due month end', () => {
    const reports = [buildReport('2024-05', '1200'), buildReport('2024-06', '1750')];
    const e = evaluateCommitment(c, reports, '2024-07-06');
    expect(e.completionRate).toBe(50);
    expect(e.measuredAt).toBe('2024-06-30');
    expect(e.expectedProgress).toBe(49.7);
    expect(e.status).toBe('onTrack');
    expect(e.latestValue).toBe('1750');
    expect(e.latestPeriod).toBe('2024-06');
  });
  it('ignores co-department and unaccepted reports for completion, unless configured', () => {
    const reports = [buildReport('2024-06', '3000', { departmentId: CO_DEPT }), buildReport('2024-06', '1000', { state: 'submitted' })];
    expect(evaluateCommitment(c, reports, '2024-07-06').completionRate).toBe(0);
    const counted = evaluateCommitment(c, reports, '2024-07-06', loadConfig({ countedReportStates: ['submitted', 'accepted'] }));
    expect(counted.completionRate).toBe(28.6);
  });
  it('a lag beyond 30 points is 严重滞后; beyond 10 滞后', () => {
    expect(evaluateCommitment(c, [buildReport('2024-06', '600')], '2024-07-05').status).toBe('seriouslyLagging');
    expect(evaluateCommitment(c, [buildReport('2024-06', '1300')], '2024-07-05').status).toBe('lagging');
  });
  it('3685 of 3500 is 超额完成; past the deadline short of target is 严重滞后 and overdue', () => {
    const full = Array.from({ length: 12 }, (_, i) => buildReport(`2024-${String(i + 1).padStart(2, '0')}`, String(300 * (i + 1))));
    const over = [...full.slice(0, 11), buildReport('2024-12', '3685')];
    const done = evaluateCommitment(c, over, '2025-01-10');
    expect(done).toMatchObject({ completionRate: 105.3, status: 'exceeded', overdue: false });
    const short = evaluateCommitment(c, full, '2025-01-10');
    expect(short).toMatchObject({ completionRate: 102.9, status: 'exceeded' });
    const late = evaluateCommitment(c, full.slice(0, 11).concat(buildReport('2024-12', '3400')), '2025-01-10');
    expect(late).toMatchObject({ status: 'seriouslyLagging', overdue: true, deadlineOverdue: true, reportOverdue: false, missingPeriods: [] });
  });
  it('a missing monthly report is overdue the day after the 5th, not on the 5th', () => {
    const reports = [buildReport('2024-01', '300')];
    expect(evaluateCommitment(c, reports, '2024-03-05')).toMatchObject({ overdue: false, missingPeriods: [] });
    expect(evaluateCommitment(c, reports, '2024-03-06')).toMatchObject({ overdue: true, reportOverdue: true, deadlineOverdue: false, missingPeriods: ['2024-02'] });
  });
  it('nothing due yet and nothing reported → 未启动', () => {
    expect(evaluateCommitment(c, [], '2024-01-20')).toMatchObject({ status: 'notStarted', completionRate: 0, expectedProgress: 0 });
  });
  it('milestone task: completion from done 节点 and reported ones', () => {
    const ms = [buildMilestone('立项', '2024-02-29', '2024-02-20'), buildMilestone('开工', '2024-05-31'), buildMilestone('竣工', '2024-11-30')];
    const m = buildCommitment({ kind: 'milestone', targetValue: null, comparator: null, milestones: ms });
    expect(evaluateCommitment(m, [], '2024-06-06')).toMatchObject({ completionRate: 33.3, expectedProgress: 66.7, status: 'seriouslyLagging' });
    const r = buildReport('2024-05', null, { milestonesDone: [ms[1]!.id] });
    expect(evaluateCommitment(m, [r], '2024-06-06')).toMatchObject({ completionRate: 66.7, status: 'onTrack' });
  });
  it('a changed threshold in config changes the status of the same reports', () => {
    const reports = [buildReport('2024-06', '1300')]; // 37.1% against 49.7%: 12.6 points behind
    expect(evaluateCommitment(c, reports, '2024-07-06').status).toBe('lagging');
    expect(evaluateCommitment(c, reports, '2024-07-06', loadConfig({ yellowLagPoints: 15 })).status).toBe('onTrack');
    expect(evaluateCommitment(c, reports, '2024-07-06', loadConfig({ yellowLagPoints: 5, redLagPoints: 12 })).status).toBe('seriouslyLagging');
  });
  it('a ≤ target (大班额率 控制在4%以内): 3.6% is met, 4.8% at the deadline is not', () => {
    const rate = buildCommitment({ targetValue: '4', unit: '%', comparator: 'lte', reportingFrequency: 'quarterly' });
    const q = (v: string) => ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((p) => buildReport(p, v));
    expect(evaluateCommitment(rate, q('3.6'), '2025-01-10')).toMatchObject({ completionRate: 111.1, status: 'exceeded', overdue: false });
    expect(evaluateCommitment(rate, q('4.8'), '2025-01-10')).toMatchObject({ completionRate: 83.3, status: 'seriouslyLagging', overdue: true });
  });
  it('a baseline target counts progress from the baseline', () => {
    const cover = buildCommitment({ targetValue: '45', baselineValue: '40', unit: '%' });
    expect(evaluateCommitment(cover, [buildReport('2024-06', '42.5')], '2024-07-06')).toMatchObject({ completionRate: 50, status: 'onTrack' });
  });
  it('weekly reporting: the week’s report is due the Monday after and overdue on Tuesday', () => {
    const w = buildCommitment({ reportingFrequency: 'weekly', startDate: '2024-03-04', deadline: '2024-06-30' });
    const reports = [buildReport('2024-W10', '100')];
    expect(evaluateCommitment(w, reports, '2024-03-18').missingPeriods).toEqual([]); // W11 due Mon 18 March
    expect(evaluateCommitment(w, reports, '2024-03-19').missingPeriods).toEqual(['2024-W11']);
  });
  it('the latest version of a period’s report is the one that counts', () => {
    const reports = [buildReport('2024-06', '1750', { version: 2 }), buildReport('2024-06', '700', { version: 1 })];
    expect(evaluateCommitment(c, reports, '2024-07-06').latestValue).toBe('1750');
  });
  it('draft and cancelled commitments owe no reports', () => {
    expect(evaluateCommitment(buildCommitment({ state: 'cancelled' }), [], '2024-09-01')).toMatchObject({ overdue: false, missingPeriods: [] });
  });
});

describe('rollupEvaluation', () => {
  const e = (completionRate: number, expectedProgress = 50): Evaluation => ({
      completionRate, expectedProgress, lag: expectedProgress - completionRate, status: 'onTrack' as const,
      overdue: false, reportOverdue: false, deadlineOverdue: false, latestValue: null, latestPeriod: '2024-06', missingPeriods: [], measuredAt: '2024-06-30',
    });
  const parent = buildCommitment();
  it('is the equal-weight mean by default, each subtask capped at 100', () => {
    const r = rollupEvaluation(parent, [{ weight: 1, evaluation: e(150) }, { weight: 1, evaluation: e(20) }], '2024-07-06');
    expect(r.completionRate).toBe(60);
    expect(r.status).toBe('onTrack');
  });
  it('is overdue when a subtask is, and red past its deadline unfinished', () => {
    const late = { ...e(100), overdue: true, reportOverdue: true };
    expect(rollupEvaluation(parent, [{ weight: 1, evaluation: late }, { weight: 1, evaluation: e(40) }], '2024-07-06')).toMatchObject({ overdue: true, reportOverdue: true, deadlineOverdue: false });
    const past = rollupEvaluation(parent, [{ weight: 1, evaluation: e(100, 100) }, { weight: 1, evaluation: e(80, 100) }], '2025-01-10');
    expect(past).toMatchObject({ completionRate: 90, status: 'seriouslyLagging', overdue: true, reportOverdue: false, deadlineOverdue: true });
  });
  it('honours weights', () => {
    const r = rollupEvaluation(parent, [{ weight: 3, evaluation: e(20) }, { weight: 1, evaluation: e(100) }], '2024-07-06');
    expect(r.completionRate).toBe(40);
    expect(r.status).toBe('lagging');
  });
});
