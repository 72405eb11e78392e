import { describe, expect, it } from 'vitest';
import { CO_DEPT, LEAD_DEPT, buildCommitment } from './factories.ts';
import {
  LifecycleError, TRANSITIONS, applyChangeRequest, availableActions, decideChangeRequest, layMilestones, lifecycleRole, transition,
  validateChangeRequest,
} from './lifecycle.ts';
import type { LifecycleAction, LifecycleRole } from './lifecycle.ts';
import type { ChangeRequest, CommitmentState } from './types.ts';

const run = (steps: Array<[LifecycleAction, LifecycleRole]>, from: CommitmentState = 'draft'): CommitmentState =>
  steps.reduce<CommitmentState>((s, [a, r]) => {
    const res = transition(s, a, r);
    if (!res.ok) throw res.error;
    return res.value;
  }, from);

describe('transition', () => {
  it('walks 立项 → 交办 → 签收 → 推进 → 办结申请 → 办结', () => {
    expect(run([['assign', 'admin'], ['acknowledge', 'leadReporter'], ['start', 'leadReporter'], ['requestClose', 'leadReporter'], ['close', 'admin']])).toBe('closed');
  });
  it('a returned close request goes back to inProgress', () => {
    expect(run([['rejectClose', 'admin']], 'closeRequested')).toBe('inProgress');
  });
  it('refuses a move the state does not allow, in Chinese and English', () => {
    const r = transition('draft', 'close', 'admin');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(LifecycleError);
      expect(r.error.code).toBe('invalid_transition');
      expect(r.error.zh).toBe('当前状态“立项”不能执行“办结销号”');
      expect(r.error.en).toMatch(/cannot close/);
    }
    expect(transition('closed', 'cancel', 'admin').ok).toBe(false);
    expect(transition('cancelled', 'assign', 'admin').ok).toBe(false);
  });
  it('refuses the wrong role: a department cannot close its own task or the office sign for it', () => {
    const close = transition('closeRequested', 'close', 'leadReporter');
    expect(!close.ok && close.error.code).toBe('forbidden_role');
    expect(!close.ok && close.error.zh).toBe('无权执行“办结销号”');
    expect(transition('assigned', 'acknowledge', 'admin').ok).toBe(false);
    expect(transition('assigned', 'acknowledge', null).ok).toBe(false);
    expect(transition('inProgress', 'cancel', 'leadReporter').ok).toBe(false);
  });
  it('lists the actions a role has in a state', () => {
    expect(availableActions('assigned', 'leadReporter')).toEqual(['acknowledge']);
    expect(availableActions('closeRequested', 'admin')).toEqual(['rejectClose', 'close', 'cancel']);
    expect(availableActions('closed', 'admin')).toEqual([]);
  });
  it('no transition leaves a terminal state', () => {
    expect(TRANSITIONS.filter((t) => t.from.includes('closed') || t.from.includes('cancelled'))).toEqual([]);
  });
});

describe('lifecycleRole', () => {
  const c = buildCommitment();
  it('a reporter counts only for the lead department', () => {
    expect(lifecycleRole({ role: 'reporter', departmentId: LEAD_DEPT }, c)).toBe('leadReporter');
    expect(lifecycleRole({ role: 'reporter', departmentId: CO_DEPT }, c)).toBeNull();
    expect(lifecycleRole({ role: 'public', departmentId: null }, c)).toBeNull();
    expect(lifecycleRole({ role: 'admin', departmentId: null }, c)).toBe('admin');
  });
});

describe('change requests (调整/延期/取消)', () => {
  const c = buildCommitment({ deadline: '2024-12-31' });
  const request = (over: Partial<ChangeRequest>): ChangeRequest => ({
    id: '00000000-0000-4000-8000-0000000000c1', regionCode: '140802', commitmentId: c.id, kind: 'extend', changes: {},
    reason: '受汛期影响', state: 'pending', requestedBy: null, requestedAt: '2024-06-01T00:00:00Z',
    decidedBy: null, decidedAt: null, decisionComment: null, version: 1, ...over,
  });

  it('validates a request against its kind', () => {
    expect(validateChangeRequest(c, { kind: 'extend', changes: { deadline: '2025-03-31' } }, 'leadReporter').ok).toBe(true);
    expect(validateChangeRequest(c, { kind: 'extend', changes: { deadline: '2024-06-30' } }, 'leadReporter').ok).toBe(false);
    expect(validateChangeRequest(c, { kind: 'extend', changes: {} }, 'leadReporter').ok).toBe(false);
    expect(validateChangeRequest(c, { kind: 'adjust', changes: { targetValue: '3000' } }, 'leadReporter').ok).toBe(true);
    expect(validateChangeRequest(c, { kind: 'adjust', changes: {} }, 'leadReporter').ok).toBe(false);
    expect(validateChangeRequest(c, { kind: 'adjust', changes: { deadline: '2025-01-31' } }, 'leadReporter').ok).toBe(false);
    expect(validateChangeRequest(c, { kind: 'cancel', changes: {} }, 'leadReporter').ok).toBe(true);
    expect(validateChangeRequest(c, { kind: 'cancel', changes: {} }, 'leader').ok).toBe(false);
    expect(validateChangeRequest({ ...c, state: 'closed' }, { kind: 'cancel', changes: {} }, 'admin').ok).toBe(false);
    expect(validateChangeRequest(c, { kind: 'adjust', changes: { targetValue: '三千' } }, 'admin').ok).toBe(false);
    expect(validateChangeRequest(c, { kind: 'adjust', changes: { comparator: 'range' } }, 'admin').ok).toBe(false);
    expect(validateChangeRequest(c, { kind: 'adjust', changes: { comparator: 'range', targetValueMax: '3000' } }, 'admin').ok).toBe(false);
    expect(validateChangeRequest(c, { kind: 'adjust', changes: { comparator: 'range', targetValueMax: '4000' } }, 'admin').ok).toBe(true);
  });
  it('is decided once, by the office (leaders read and instruct, they do not decide)', () => {
    expect(decideChangeRequest('pending', 'approve', 'admin')).toEqual({ ok: true, value: 'approved' });
    expect(decideChangeRequest('pending', 'refuse', 'admin')).toEqual({ ok: true, value: 'refused' });
    expect(decideChangeRequest('pending', 'refuse', 'leader').ok).toBe(false);
    expect(decideChangeRequest('pending', 'approve', 'leadReporter').ok).toBe(false);
    expect(decideChangeRequest('refused', 'approve', 'admin').ok).toBe(false);
  });
  it('takes effect only when approved', () => {
    expect(() => applyChangeRequest(c, request({ changes: { deadline: '2025-03-31' } }))).toThrow(/未经批准/);
    expect(() => applyChangeRequest(c, request({ state: 'refused', changes: { deadline: '2025-03-31' } }))).toThrow(LifecycleError);
  });
  it('an approved extension moves the deadline, an adjustment the target, a cancellation the state', () => {
    const extended = applyChangeRequest(c, request({ state: 'approved', changes: { deadline: '2025-03-31' } }));
    expect(extended).toEqual({ ...c, deadline: '2025-03-31' });
    const adjusted = applyChangeRequest(c, request({ kind: 'adjust', state: 'approved', changes: { targetValue: '3000', unit: '人' } }));
    expect(adjusted).toEqual({ ...c, targetValue: '3000', unit: '人' });
    expect(applyChangeRequest(c, request({ kind: 'cancel', state: 'approved' })).state).toBe('cancelled');
    expect(c.deadline).toBe('2024-12-31'); // the input is not mutated
  });
  it('refuses a request for another commitment', () => {
    expect(() => applyChangeRequest(c, request({ state: 'approved', commitmentId: buildCommitment().id }))).toThrow(/不属于/);
  });
});

describe('layMilestones', () => {
  it('lays the project template 立项 → 用地 → 环评 → 开工 → 竣工 → 投产 across the window, the last on the deadline', () => {
    const ms = layMilestones('project', '2024-01-01', '2024-12-31');
    expect(ms.map((m) => m.title)).toEqual(['立项', '用地', '环评', '开工', '竣工', '投产']);
    expect(ms.map((m) => m.dueDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-10-31', '2024-12-31']);
    expect(ms.every((m) => m.doneDate === null)).toBe(true);
  });
  it('has templates for 民生实事 and generic tasks, dates in order within the window', () => {
    for (const kind of ['livelihood', 'generic'] as const) {
      const ms = layMilestones(kind, '2024-03-15', '2024-09-30');
      const dates = ms.map((m) => m.dueDate);
      expect(dates).toEqual([...dates].sort());
      expect(dates[0]! >= '2024-03-15').toBe(true);
      expect(dates.at(-1)).toBe('2024-09-30');
    }
  });
  it('keeps exact days in a short window', () => {
    expect(layMilestones('generic', '2024-03-01', '2024-03-31').map((m) => m.dueDate)).toEqual(['2024-03-04', '2024-03-11', '2024-03-16', '2024-03-29', '2024-03-31']);
  });
  it('refuses a deadline before the start', () => {
    expect(() => layMilestones('generic', '2024-03-15', '2024-03-01')).toThrow(/截止日期早于/);
  });
});
