import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from './config.ts';
import { CO_DEPT, buildCommitment, buildReport } from './factories.ts';
import { dueSoonSlots, duePeriods, isSlotOverdue, missingPeriods, owedFrom, periodOf, periodRange, periodsInWindow, reportDueDate, reportSchedule } from './schedule.ts';

describe('periods', () => {
  it('month and quarter ranges end on the right day, leap years included', () => {
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2023-02').end).toBe('2023-02-28');
    expect(periodRange('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodRange('2024-Q2').end).toBe('2024-06-30');
    expect(periodRange('2024-Q4')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(periodRange('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });
  it('ISO weeks: Monday to Sunday, belonging to the year of their Thursday', () => {
    expect(periodOf('2024-01-01', 'weekly')).toBe('2024-W01'); // a Monday
    expect(periodRange('2024-W05')).toEqual({ start: '2024-01-29', end: '2024-02-04' });
    expect(periodOf('2024-12-30', 'weekly')).toBe('2025-W01');
    expect(periodOf('2021-01-03', 'weekly')).toBe('2020-W53');
    expect(periodRange('2020-W53').end).toBe('2021-01-03');
    expect(() => periodRange('2024-W53')).toThrow(/期次无效/); // 2024 has 52 ISO weeks
    expect(() => periodRange('2024-13')).toThrow(/期次无效/);
  });
  it('the period holding a date, at month and quarter ends', () => {
    expect(periodOf('2024-03-31', 'monthly')).toBe('2024-03');
    expect(periodOf('2024-03-31', 'quarterly')).toBe('2024-Q1');
    expect(periodOf('2024-04-01', 'quarterly')).toBe('2024-Q2');
  });
  it('a window starting and ending mid-month covers the partial months', () => {
    expect(periodsInWindow('2024-03-15', '2024-06-10', 'monthly')).toEqual(['2024-03', '2024-04', '2024-05', '2024-06']);
    expect(periodsInWindow('2024-02-15', '2024-08-01', 'quarterly')).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
    expect(periodsInWindow('2024-12-25', '2025-01-08', 'weekly')).toEqual(['2024-W52', '2025-W01', '2025-W02']);
  });
});

describe('due dates', () => {
  it('monthly by the 5th of the next month, quarterly by the 10th after the quarter, weekly the Monday after', () => {
    expect(reportDueDate('2024-01', DEFAULT_CONFIG)).toBe('2024-02-05');
    expect(reportDueDate('2024-12', DEFAULT_CONFIG)).toBe('2025-01-05');
    expect(reportDueDate('2024-Q1', DEFAULT_CONFIG)).toBe('2024-04-10');
    expect(reportDueDate('2024-W05', DEFAULT_CONFIG)).toBe('2024-02-05');
  });
  it('follow the configuration', () => {
    expect(reportDueDate('2024-02', loadConfig({ reportDueDays: { monthly: 10 } }))).toBe('2024-03-10');
    expect(reportDueDate('2024-W05', loadConfig({ reportDueDays: { weekly: -2 } }))).toBe('2024-02-02'); // Friday of the week
  });
});

describe('reportSchedule, missing and due-soon periods', () => {
  const c = buildCommitment({ startDate: '2024-01-15', deadline: '2024-06-30' });
  const reports = [
    buildReport('2024-01', '100'),
    buildReport('2024-02', '100', { state: 'submitted' }), // filed, awaiting review
    buildReport('2024-03', '100', { state: 'returned' }), // returned: must be filed again
    buildReport('2024-04', '100', { departmentId: CO_DEPT }), // co-department: does not fill the slot
  ];
  const slots = reportSchedule(c, reports, DEFAULT_CONFIG);

  it('only the lead department’s submitted or accepted reports fill a period', () => {
    expect(slots.map((s) => [s.period, s.filed])).toEqual([
      ['2024-01', true], ['2024-02', true], ['2024-03', false], ['2024-04', false], ['2024-05', false], ['2024-06', false],
    ]);
  });
  it('a period is missing the day after its due date, not on the due day', () => {
    expect(missingPeriods(slots, '2024-04-05')).toEqual([]);
    expect(missingPeriods(slots, '2024-04-06')).toEqual(['2024-03']);
    expect(missingPeriods(slots, '2024-05-05')).toEqual(['2024-03']);
    expect(missingPeriods(slots, '2024-05-06')).toEqual(['2024-03', '2024-04']);
    expect(missingPeriods(slots, '2024-04-30')).toEqual(['2024-03']);
  });
  it('due periods include the due day itself', () => {
    expect(duePeriods(slots, '2024-05-04').map((s) => s.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(duePeriods(slots, '2024-05-05').map((s) => s.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
  });
  it('due soon: unfiled reports due within 3 days, the due day included', () => {
    expect(dueSoonSlots(slots, '2024-05-01', DEFAULT_CONFIG)).toEqual([]);
    expect(dueSoonSlots(slots, '2024-05-02', DEFAULT_CONFIG).map((s) => s.period)).toEqual(['2024-04']);
    expect(dueSoonSlots(slots, '2024-05-05', DEFAULT_CONFIG).map((s) => s.period)).toEqual(['2024-04']);
    expect(dueSoonSlots(slots, '2024-05-06', DEFAULT_CONFIG)).toEqual([]);
    expect(dueSoonSlots(slots, '2024-03-02', DEFAULT_CONFIG)).toEqual([]); // February is filed
    expect(dueSoonSlots(slots, '2024-04-28', loadConfig({ dueSoonDays: 7 })).map((s) => s.period)).toEqual(['2024-04']);
  });
  it('a quarterly task at the quarter end and leap day', () => {
    const q = reportSchedule(buildCommitment({ reportingFrequency: 'quarterly', startDate: '2024-02-29', deadline: '2024-12-31' }), [], DEFAULT_CONFIG);
    expect(q.map((s) => s.period)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(missingPeriods(q, '2024-04-10')).toEqual([]);
    expect(missingPeriods(q, '2024-04-11')).toEqual(['2024-Q1']);
  });
});

describe('periods owed: none that ended before the commitment was assigned (交办)', () => {
  // a whole-year task handed to its department on 4 December
  const c = buildCommitment({ startDate: '2026-01-01', deadline: '2026-12-31', assignedOn: '2026-12-04' });
  const slots = reportSchedule(c, [], DEFAULT_CONFIG);

  it('January to November ended before it was assigned: reportable, never missing, reminded or due', () => {
    expect(owedFrom(c)).toBe('2026-12-04');
    expect(slots.filter((s) => !s.owed).map((s) => s.period)).toEqual(Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    for (const asOf of ['2026-12-04', '2026-12-31', '2027-01-05']) {
      expect(missingPeriods(slots, asOf)).toEqual([]);
      expect(duePeriods(slots, asOf).filter((s) => s.period < '2026-12')).toEqual([]);
    }
    expect(dueSoonSlots(slots, '2026-12-04', DEFAULT_CONFIG)).toEqual([]); // November's report (due 5 December) is not owed
    expect(slots.filter((s) => isSlotOverdue(s, '2027-06-01')).map((s) => s.period)).toEqual(['2026-12']);
  });
  it('the period it was assigned in is owed, and missing the day after its due date', () => {
    expect(missingPeriods(slots, '2027-01-05')).toEqual([]);
    expect(missingPeriods(slots, '2027-01-06')).toEqual(['2026-12']);
  });
  it('assigned before its start, or not known: owed from the start, as before', () => {
    const early = reportSchedule(buildCommitment({ startDate: '2026-03-01', deadline: '2026-12-31', assignedOn: '2026-01-08' }), [], DEFAULT_CONFIG);
    expect(early.every((s) => s.owed)).toBe(true);
    expect(missingPeriods(early, '2026-05-06')).toEqual(['2026-03', '2026-04']);
    expect(reportSchedule(buildCommitment({ assignedOn: null }), [], DEFAULT_CONFIG).every((s) => s.owed)).toBe(true);
  });
  it('a quarterly task assigned mid-quarter owes that quarter', () => {
    const q = reportSchedule(buildCommitment({ reportingFrequency: 'quarterly', startDate: '2026-01-01', deadline: '2026-12-31', assignedOn: '2026-05-20' }), [], DEFAULT_CONFIG);
    expect(q.map((s) => [s.period, s.owed])).toEqual([['2026-Q1', false], ['2026-Q2', true], ['2026-Q3', true], ['2026-Q4', true]]);
  });
});
