/**
 * Commitment lifecycle (办理流程) as data: 立项 draft → 交办 assigned → 签收 acknowledged →
 * 推进中 inProgress → 办结申请 closeRequested → 办结/销号 closed; 取消 cancelled. Change requests
 * (调整/延期/取消) with their own states, effective only once approved. Milestone templates per kind
 * of task. Pure: the use cases persist and audit what these functions decide.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChangeRequest, ChangeRequestState, Commitment, CommitmentState, Milestone, User } from './types.ts';
import { CommitmentChanges } from './types.ts';
import { addDays, dayNumber, daysBetween, endOfMonth, maxDate, minDate } from './dates.ts';

/** Who acts on a commitment: 督查室 `admin`, the lead department's 填报员 `leadReporter`, a `leader`. */
export const LIFECYCLE_ROLES = ['admin', 'leadReporter', 'leader'] as const;
export type LifecycleRole = (typeof LIFECYCLE_ROLES)[number];

/** 交办, 签收, 开始推进, 办结申请, 退回办结申请, 办结/销号, 取消 */
export const LIFECYCLE_ACTIONS = ['assign', 'acknowledge', 'start', 'requestClose', 'rejectClose', 'close', 'cancel'] as const;
export const LifecycleAction = z.enum(LIFECYCLE_ACTIONS);
export type LifecycleAction = z.infer<typeof LifecycleAction>;

/** One allowed move of the state machine. */
export interface Transition {
  action: LifecycleAction;
  from: readonly CommitmentState[];
  to: CommitmentState;
  roles: readonly LifecycleRole[];
  /** the action's name as users see it */
  label: string;
}

const OPEN_STATES: readonly CommitmentState[] = ['draft', 'assigned', 'acknowledged', 'inProgress', 'closeRequested'];

/**
 * The lifecycle's transitions. A department cannot cancel, extend or re-target a task itself: it
 * files a change request, and the office's approval applies it (`applyChangeRequest`).
 */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'assign', from: ['draft'], to: 'assigned', roles: ['admin'], label: '交办' },
  { action: 'acknowledge', from: ['assigned'], to: 'acknowledged', roles: ['leadReporter'], label: '签收' },
  { action: 'start', from: ['acknowledged'], to: 'inProgress', roles: ['leadReporter', 'admin'], label: '开始推进' },
  { action: 'requestClose', from: ['acknowledged', 'inProgress'], to: 'closeRequested', roles: ['leadReporter'], label: '办结申请' },
  { action: 'rejectClose', from: ['closeRequested'], to: 'inProgress', roles: ['admin'], label: '退回办结申请' },
  { action: 'close', from: ['closeRequested'], to: 'closed', roles: ['admin'], label: '办结销号' },
  { action: 'cancel', from: OPEN_STATES, to: 'cancelled', roles: ['admin'], label: '取消' },
];

/** Chinese names of the lifecycle states. */
export const STATE_LABELS: Record<CommitmentState, string> = {
  draft: '立项', assigned: '已交办', acknowledged: '已签收', inProgress: '推进中', closeRequested: '办结申请中', closed: '已办结', cancelled: '已取消',
};

/** A refused lifecycle move or change, with a machine code and messages in Chinese and English. */
export class LifecycleError extends Error {
  constructor(
    readonly code: 'invalid_transition' | 'forbidden_role' | 'invalid_change_request',
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'LifecycleError';
  }
}

/** Either the new value or the reason it was refused. */
export type LifecycleResult<T> = { ok: true; value: T } | { ok: false; error: LifecycleError };

/**
 * The lifecycle role of a user on a commitment: admins and leaders as such; a reporter only when
 * bound to the commitment's lead department; anyone else (co-department reporters, public) null.
 * Region scoping is the policy layer's job.
 */
export function lifecycleRole(user: Pick<User, 'role' | 'departmentId'>, commitment: Pick<Commitment, 'leadDepartmentId'>): LifecycleRole | null {
  if (user.role === 'admin' || user.role === 'leader') return user.role;
  if (user.role === 'reporter' && user.departmentId !== null && user.departmentId === commitment.leadDepartmentId) return 'leadReporter';
  return null;
}

/** The state after `action`, or why it is refused: a wrong state first, then a wrong role. */
export function transition(state: CommitmentState, action: LifecycleAction, actorRole: LifecycleRole | null): LifecycleResult<CommitmentState> {
  const t = TRANSITIONS.find((x) => x.action === action && x.from.includes(state));
  if (!t) {
    const label = TRANSITIONS.find((x) => x.action === action)?.label ?? action;
    return {
      ok: false,
      error: new LifecycleError('invalid_transition', `当前状态“${STATE_LABELS[state]}”不能执行“${label}”`, `cannot ${action} a commitment in state ${state}`),
    };
  }
  if (actorRole === null || !t.roles.includes(actorRole)) {
    return { ok: false, error: new LifecycleError('forbidden_role', `无权执行“${t.label}”`, `role ${actorRole ?? 'none'} may not ${action}`) };
  }
  return { ok: true, value: t.to };
}

/** The actions `actorRole` may take in `state` (for buttons in the web app). */
export function availableActions(state: CommitmentState, actorRole: LifecycleRole | null): LifecycleAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(state) && actorRole !== null && t.roles.includes(actorRole)).map((t) => t.action);
}

// ── Change requests (调整 / 延期 / 取消) ─────────────────────────────────────────────────────────

const refusedChange = (zh: string, en: string) => ({ ok: false as const, error: new LifecycleError('invalid_change_request', zh, en) });

/**
 * Checks a new change request against its commitment: the commitment must still be open and the
 * requester the lead department or the office; `extend` needs a later `deadline` and nothing else;
 * `adjust` needs at least one change, no deadline (that is an extension) and, for a range target,
 * both bounds in order; `cancel` no changes.
 */
export function validateChangeRequest(
  commitment: Pick<Commitment, 'state' | 'deadline' | 'comparator' | 'targetValue' | 'targetValueMax'>,
  request: Pick<ChangeRequest, 'kind' | 'changes'>,
  actorRole: LifecycleRole | null,
): LifecycleResult<true> {
  if (!OPEN_STATES.includes(commitment.state)) {
    return refusedChange(`任务已${STATE_LABELS[commitment.state].replace(/^已/, '')}，不能申请变更`, `a ${commitment.state} commitment cannot be changed`);
  }
  // a draft is not handed over yet: the office edits it directly (修改), nothing to request
  if (commitment.state === 'draft') return refusedChange('任务尚未交办，请直接修改', 'a draft is not assigned yet: edit it directly');
  if (actorRole !== 'leadReporter' && actorRole !== 'admin') {
    return { ok: false, error: new LifecycleError('forbidden_role', '只有牵头单位或督查室可以申请变更', 'only the lead department or the office may request a change') };
  }
  const changes = CommitmentChanges.safeParse(request.changes);
  if (!changes.success) return refusedChange('变更内容无效', `invalid changes: ${changes.error.message}`);
  const keys = Object.keys(changes.data);
  if (request.kind === 'extend') {
    const d = changes.data.deadline;
    if (!d || keys.length !== 1) return refusedChange('延期申请须且只须填写新的截止日期', 'an extension sets a new deadline and nothing else');
    if (d <= commitment.deadline) return refusedChange('延期后的截止日期须晚于原截止日期', 'the new deadline must be later than the current one');
  } else if (request.kind === 'adjust') {
    if (keys.length === 0) return refusedChange('调整申请须填写调整内容', 'an adjustment must change something');
    if ('deadline' in changes.data) return refusedChange('调整截止日期请提交延期申请', 'change the deadline with an extension request');
    const after = { ...commitment, ...changes.data };
    if (after.comparator === 'range' && (after.targetValue === null || after.targetValueMax === null || Number(after.targetValueMax) < Number(after.targetValue))) {
      return refusedChange('区间目标须填写上下限，且上限不小于下限', 'a range target needs a lower and an upper bound, upper ≥ lower');
    }
  } else if (keys.length > 0) {
    return refusedChange('取消申请不能附带调整内容', 'a cancellation carries no changes');
  }
  return { ok: true, value: true };
}

/** The office's decision on a pending change request: 批准 approve or 不予批准 refuse (the office only: leaders read and instruct). */
export function decideChangeRequest(
  state: ChangeRequestState,
  decision: 'approve' | 'refuse',
  actorRole: LifecycleRole | null,
): LifecycleResult<ChangeRequestState> {
  if (state !== 'pending') return refusedChange('该变更申请已审批', `change request already ${state}`);
  if (actorRole !== 'admin') {
    return { ok: false, error: new LifecycleError('forbidden_role', '无权审批变更申请', `role ${actorRole ?? 'none'} may not decide change requests`) };
  }
  return { ok: true, value: decision === 'approve' ? 'approved' : 'refused' };
}

/**
 * The commitment as an approved change request leaves it: adjust sets the changed fields, extend
 * the deadline, cancel the state `cancelled`. Everything else (id, version, timestamps) is the
 * store's to update. Throws `LifecycleError` unless the request is approved and for this commitment.
 */
export function applyChangeRequest(commitment: Commitment, request: ChangeRequest): Commitment {
  if (request.state !== 'approved') throw new LifecycleError('invalid_change_request', '变更申请未经批准，不能生效', 'a change request takes effect only once approved');
  if (request.commitmentId !== commitment.id) throw new LifecycleError('invalid_change_request', '变更申请不属于该任务', 'the change request is for another commitment');
  if (request.kind === 'cancel') return { ...commitment, state: 'cancelled' };
  if (request.kind === 'extend') return { ...commitment, deadline: request.changes.deadline ?? commitment.deadline };
  const changes = Object.entries(request.changes).filter(([k, v]) => k !== 'deadline' && v !== undefined);
  return { ...commitment, ...Object.fromEntries(changes) };
}

// ── Milestone templates (节点模板) ──────────────────────────────────────────────────────────────

/** One step of a template: its title, where it falls in the window (0–1) and its weight. */
export interface MilestoneStep {
  title: string;
  at: number;
  weight: number;
}

/** Kinds of task with a template: 重点项目, 民生实事, and a generic one. */
export const MILESTONE_TEMPLATE_KINDS = ['project', 'livelihood', 'generic'] as const;
export type MilestoneTemplateKind = (typeof MILESTONE_TEMPLATE_KINDS)[number];

/**
 * Typical 节点 per kind of task. Positions are shares of the window; weights favour the steps
 * that carry the work (开工, 竣工 for a project).
 */
export const MILESTONE_TEMPLATES: Record<MilestoneTemplateKind, readonly MilestoneStep[]> = {
  project: [
    { title: '立项', at: 1 / 12, weight: 1 },
    { title: '用地', at: 2 / 12, weight: 1 },
    { title: '环评', at: 3 / 12, weight: 1 },
    { title: '开工', at: 4 / 12, weight: 2 },
    { title: '竣工', at: 10 / 12, weight: 3 },
    { title: '投产', at: 1, weight: 2 },
  ],
  livelihood: [
    { title: '制定实施方案', at: 1 / 12, weight: 1 },
    { title: '完成招标采购', at: 3 / 12, weight: 1 },
    { title: '开工实施', at: 4 / 12, weight: 2 },
    { title: '主体完工', at: 9 / 12, weight: 3 },
    { title: '竣工验收', at: 11 / 12, weight: 2 },
    { title: '投入使用并公示', at: 1, weight: 1 },
  ],
  generic: [
    { title: '制定工作方案', at: 1 / 12, weight: 1 },
    { title: '组织实施', at: 4 / 12, weight: 2 },
    { title: '完成过半', at: 6 / 12, weight: 2 },
    { title: '全面完成', at: 11 / 12, weight: 3 },
    { title: '总结验收', at: 1, weight: 1 },
  ],
};

/** Windows at least this long get month-end due dates (X月底前); shorter ones keep exact days. */
const MONTH_END_MIN_SPAN_DAYS = 60;

/** The month end nearest to `iso` (the previous one on a tie). */
function nearestMonthEnd(iso: string): string {
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const thisEnd = endOfMonth(y, m);
  const prevEnd = addDays(`${iso.slice(0, 7)}-01`, -1);
  return daysBetween(prevEnd, iso) <= daysBetween(iso, thisEnd) ? prevEnd : thisEnd;
}

/**
 * Dated milestones for `kind` laid across [startDate, deadline], all open: each step falls at its
 * share of the window, moved to the nearest month end as offices write them (3月底前) when the
 * window is two months or longer, kept within the window; the last step is on the deadline.
 */
export function layMilestones(kind: MilestoneTemplateKind, startDate: string, deadline: string, makeId: () => string = randomUUID): Milestone[] {
  const span = dayNumber(deadline) - dayNumber(startDate);
  if (span < 0) throw new RangeError(`deadline before start / 截止日期早于开始日期: ${startDate} – ${deadline}`);
  return MILESTONE_TEMPLATES[kind].map((s) => {
    let due = addDays(startDate, Math.round(s.at * span));
    if (span >= MONTH_END_MIN_SPAN_DAYS && s.at < 1) due = minDate(maxDate(nearestMonthEnd(due), startDate), deadline);
    return { id: makeId(), title: s.title, dueDate: due, weight: s.weight, doneDate: null };
  });
}

// ── Direct edits (修改) by state ───────────────────────────────────────────────────────────────

/** What an edit may touch: everything the office writes when it sets a commitment up. */
export const COMMITMENT_FIELDS = [
  'title', 'sector', 'kind', 'livelihood', 'targetValue', 'targetValueMax', 'unit', 'comparator', 'baselineValue', 'startDate', 'deadline',
  'leadDepartmentId', 'coDepartmentIds', 'responsibleLeader', 'milestones', 'weight', 'reportingFrequency', 'published',
] as const;
export type CommitmentField = (typeof COMMITMENT_FIELDS)[number];

/** Wording and organisation: editable by the office while the commitment is open. */
const DESCRIPTIVE_FIELDS: readonly CommitmentField[] = ['title', 'sector', 'livelihood', 'coDepartmentIds', 'responsibleLeader', 'reportingFrequency', 'weight'];

/**
 * The fields the office may edit directly in `state` (docs/decisions.md, “Editing after 交办”):
 * a draft everything; once 交办 the wording and organisation (title, sector, 民生实事, 配合单位,
 * 责任领导, 报送频次, weight), plus the lead department until it has 签收; what the department is
 * measured against — target, unit, comparator, baseline, dates, kind — changes only through an
 * approved 调整/延期 request, 节点 through 设置节点, 公开 through publish; closed and cancelled
 * commitments are final.
 */
export function editableFields(state: CommitmentState): readonly CommitmentField[] {
  if (state === 'draft') return COMMITMENT_FIELDS;
  if (state === 'assigned') return [...DESCRIPTIVE_FIELDS, 'leadDepartmentId'];
  if (state === 'closed' || state === 'cancelled') return [];
  return DESCRIPTIVE_FIELDS;
}

/** The fields of `changes` that differ from `current` and may not be edited in its state, or null. */
export function refusedEdit(current: Record<string, unknown> & { state: CommitmentState }, changes: Record<string, unknown>): LifecycleError | null {
  const allowed = editableFields(current.state);
  const refused = Object.keys(changes).filter(
    (k) => changes[k] !== undefined && !(allowed as readonly string[]).includes(k) && JSON.stringify(changes[k]) !== JSON.stringify(current[k]),
  );
  if (!refused.length) return null;
  const how = current.state === 'closed' || current.state === 'cancelled' ? '已办结或取消的任务不能修改' : '交办后目标、单位、期限等须通过调整/延期申请变更，节点通过“设置节点”，公开通过“公开”';
  return new LifecycleError('invalid_transition', `当前状态“${STATE_LABELS[current.state]}”不能直接修改：${refused.join('、')}。${how}`, `in state ${current.state} these fields cannot be edited directly: ${refused.join(', ')}`);
}
