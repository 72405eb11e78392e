import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from './config.ts';
import type { SupervisionConfig } from './config.ts';
import { LEAD_DEPT, buildCommitment, buildReport } from './factories.ts';
import { diffSlips, escalationsFor, slipKey } from './escalation.ts';
import { evaluateCommitment } from './progress.ts';
import { reportSchedule } from './schedule.ts';
import type { Commitment, ProgressReport } from './types.ts';

/** Monthly reports Jan..`through` with a cumulative value each, as `perMonth` per month. */
const monthly = (through: number, perMonth: number): ProgressReport[] =>
  Array.from({ length: through }, (_, i) => buildReport(`2024-${String(i + 1).padStart(2, '0')}`, String(perMonth * (i + 1))));

const slipsAt = (c: Commitment, reports: ProgressReport[], asOf: string, config: SupervisionConfig = DEFAULT_CONFIG) =>
  escalationsFor(c, evaluateCommitment(c, reports, asOf, config), reportSchedule(c, reports, config), asOf, config);

const c = buildCommitment({ title: '城镇新增就业3500人以上' }); // ≥ 3500 in 2024, monthly by the 5th

describe('escalationsFor', () => {
  it('an on-pace task with reports in has nothing open', () => {
    expect(slipsAt(c, monthly(4, 300), '2024-05-01')).toEqual([]);
  });
  it('临近提醒 from 3 days before the due date, to the lead department', () => {
    expect(slipsAt(c, monthly(3, 300), '2024-05-01')).toEqual([]);
    const [s, ...rest] = slipsAt(c, monthly(3, 300), '2024-05-02');
    expect(rest).toEqual([]);
    expect(s).toEqual({
      commitmentId: c.id, departmentId: LEAD_DEPT, level: 'dueSoon', period: '2024-04', date: '2024-05-05',
      reason: '“城镇新增就业3500人以上”2024年4月进展须于2024年5月5日前报送',
    });
  });
  it('催办 the day after the due date, not on it', () => {
    expect(slipsAt(c, monthly(3, 300), '2024-05-05').map((s) => s.level)).toEqual(['dueSoon']);
    const [s] = slipsAt(c, monthly(3, 300), '2024-05-06');
    expect(s).toMatchObject({ level: 'urge', period: '2024-04', reason: '“城镇新增就业3500人以上”2024年4月进展已超过报送时限（2024年5月5日），请尽快报送' });
  });
  it('黄色督办单 when behind 序时进度 by the yellow threshold; a changed threshold removes it', () => {
    const reports = monthly(6, 230); // 1380 of 3500 = 39.4% against 49.7% → 10.3 points behind
    const [s, ...rest] = slipsAt(c, reports, '2024-07-06');
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ level: 'yellow', period: null, date: '2024-06-30' });
    expect(s!.reason).toBe('“城镇新增就业3500人以上”截至2024年6月30日完成39.4%，落后序时进度（49.7%）10.3个百分点');
    expect(slipsAt(c, reports, '2024-07-06', loadConfig({ yellowLagPoints: 12 }))).toEqual([]);
  });
  it('红色督办单 beyond the red threshold, instead of the yellow one', () => {
    const slips = slipsAt(c, monthly(6, 100), '2024-07-06');
    expect(slips.map((s) => s.level)).toEqual(['red']);
    expect(slips[0]!.reason).toMatch(/落后序时进度（49\.7%）32\.6个百分点/);
  });
  it('红色督办单 when a report stays missing more than 30 days, alongside its 催办', () => {
    expect(slipsAt(c, monthly(3, 300), '2024-06-04').map((s) => s.level)).toEqual(['dueSoon', 'urge']);
    const slips = slipsAt(c, monthly(3, 300), '2024-06-05');
    expect(slips.map((s) => [s.level, s.period])).toEqual([['dueSoon', '2024-05'], ['urge', '2024-04'], ['red', null]]);
    expect(slips[2]!.reason).toContain('2024年4月进展逾期超过30天未报送');
  });
  it('红色督办单 past the deadline unfinished', () => {
    const slips = slipsAt(c, monthly(12, 280), '2025-01-06'); // 3360 of 3500
    expect(slips.map((s) => s.level)).toEqual(['red']);
    expect(slips[0]!.reason).toBe('“城镇新增就业3500人以上”已过截止日期（2024年12月31日）仍未完成');
  });
  it('nothing is chased for a closed, cancelled or draft commitment', () => {
    for (const state of ['closed', 'cancelled', 'draft'] as const) expect(slipsAt({ ...c, state }, [], '2024-09-01')).toEqual([]);
  });
});

describe('diffSlips', () => {
  const open = (level: 'dueSoon' | 'urge' | 'yellow' | 'red', period: string | null, closedOn: string | null = null) => ({ commitmentId: c.id, level, period, closedOn });

  it('opens what is new, keeps what persists, closes what no longer has a cause', () => {
    const wanted = slipsAt(c, monthly(6, 100), '2024-07-06'); // red
    const { toOpen, toClose } = diffSlips(wanted, [open('yellow', null), open('red', null, '2024-06-01')]);
    expect(toOpen.map((s) => s.level)).toEqual(['red']); // the closed red slip does not count as open
    expect(toClose).toEqual([open('yellow', null)]); // superseded by red
    expect(diffSlips(wanted, [open('red', null)])).toEqual({ toOpen: [], toClose: [] });
  });
  it('a 催办 closes once the report is filed', () => {
    const before = slipsAt(c, monthly(3, 300), '2024-05-06');
    expect(diffSlips(before, []).toOpen.map(slipKey)).toEqual([`${c.id}|urge|2024-04`]);
    const filed = [...monthly(3, 300), buildReport('2024-04', '1200', { state: 'submitted' })];
    expect(diffSlips(slipsAt(c, filed, '2024-05-06'), [open('urge', '2024-04')]).toClose).toEqual([open('urge', '2024-04')]);
  });
  it('does not open the same slip twice', () => {
    const wanted = slipsAt(c, monthly(3, 300), '2024-05-06');
    expect(diffSlips([...wanted, ...wanted], []).toOpen).toHaveLength(1);
  });
});
