/**
 * Turns the plan specs into commitment and progress-report rows. Pure and deterministic: the same
 * specs, department ids and `today` always give the same rows (ids, values, timestamps), which is
 * what makes loading the demo twice a no-op.
 */
import { createHash } from 'node:crypto';
import { expectedProgress, quantityRate } from '../domain/progress.ts';
import { addDays, endOfMonth, maxDate, minDate } from '../domain/dates.ts';
import { reportDueDate } from '../domain/schedule.ts';
import { DEFAULT_CONFIG } from '../domain/config.ts';
import { MEASURES } from './measures.ts';
import type { Commitment, Milestone, ProgressReport } from '../domain/types.ts';
import type { CommitmentSpec, Course, PlanSpec } from './spec.ts';

/** A UUID derived from a name, so the same sample row gets the same id on every load. */
export function stableId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('\u0001')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A stable pick from a list, keyed by name. */
function pick<T>(list: readonly T[], ...key: (string | number)[]): T {
  const n = parseInt(createHash('sha256').update(key.join('|')).digest('hex').slice(0, 8), 16);
  return list[n % list.length]!;
}

export type CommitmentRow = Omit<Commitment, 'version'> & { version: number };
export type ReportRow = Omit<ProgressReport, 'evidence'>;

export interface BuildInput {
  plan: PlanSpec;
  planId: string;
  year: number;
  /** department key → id */
  departments: Map<string, string>;
  /** department key → its leader */
  leaders: Map<string, string>;
  /** department key → short name without the 区 prefix (人社局), for narratives */
  departmentLabels?: Map<string, string>;
  today: string;
  /** demo accounts: a department's reporter and the office's reviewer (null before accounts exist) */
  people?: { reporterOf: (departmentId: string) => string | null; reviewer: string | null };
}

/** 证明材料 row (bytes included). */
export interface EvidenceRow {
  id: string;
  regionCode: string;
  reportId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  createdAt: string;
}

/** Rows of the workflow tables (办理方案, 办结申请, 变更申请, 领导批示), camelCase columns like the others. */
export interface WorkflowRows {
  workPlans: Record<string, unknown>[];
  closeRequests: Record<string, unknown>[];
  changeRequests: Record<string, unknown>[];
  instructions: Record<string, unknown>[];
}

export interface BuiltPlan extends WorkflowRows {
  commitments: CommitmentRow[];
  reports: ReportRow[];
  evidence: EvidenceRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (year: number, m: number) => endOfMonth(year, m);
const monthOf = (date: string) => Number(date.slice(5, 7));

/** Decimal places used for generated values: as many as the target has, at least 2 for scaled or % units. */
function decimalsFor(spec: CommitmentSpec): number {
  const written = Math.max(...[spec.target, spec.result, spec.from].map((v) => (v?.split('.')[1]?.length ?? 0)));
  return /^[万亿千]|%/.test(spec.unit ?? '') ? Math.max(written, 2) : written;
}

/** A number as a decimal string with at most `d` places and no trailing zeros. */
function dec(x: number, d: number): string {
  const s = x.toFixed(d);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Rounds down to `d` places (a count reaches its target only when the course says so). */
const floorTo = (x: number, d: number) => Math.floor(x * 10 ** d + 1e-9) / 10 ** d;

function kindOf(spec: CommitmentSpec) {
  return spec.kind ?? (spec.subtasks?.length ? 'qualitative' : spec.milestones?.length ? 'milestone' : 'quantitative');
}

/** Instant `HH:MM` Beijing time on `date` as an ISO timestamp. */
const beijing = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

/** Builds the rows of one plan. */
export function buildPlan(input: BuildInput): BuiltPlan {
  const out: BuiltPlan = { commitments: [], reports: [], evidence: [], workPlans: [], closeRequests: [], changeRequests: [], instructions: [] };
  const current = input.plan.year === 'current';
  let order = 0;
  const visit = (spec: CommitmentSpec, parentId: string | null) => {
    const id = stableId(input.plan.regionCode, input.year, spec.key);
    const row = commitmentRow(input, spec, id, parentId, order++, current);
    out.commitments.push(row);
    for (const sub of spec.subtasks ?? []) visit(sub, id);
    if (!spec.subtasks?.length) {
      const reports = current ? currentReports(input, spec, row) : historicalReports(input, spec, row);
      out.reports.push(...reports);
      if (current) addCurrentRecords(out, input, spec, row, reports);
    }
    if (spec.subtasks?.length) row.state = current ? 'inProgress' : out.commitments.filter((c) => c.parentId === id).every((c) => c.state === 'closed') ? 'closed' : 'inProgress';
  };
  for (const spec of input.plan.commitments) visit(spec, null);
  return out;
}

function dept(input: BuildInput, key: string): string {
  const id = input.departments.get(key);
  if (!id) throw new Error(`demo data: unknown department key ${key} in ${input.plan.regionCode}`);
  return id;
}

/** First day of the month after today, within the plan year (a task that has not started yet). */
function nextMonthStart(input: BuildInput): string {
  const m = Math.min(12, Number(input.today.slice(5, 7)) + (input.today.startsWith(String(input.year)) ? 1 : 0));
  return `${input.year}-${pad(m)}-01`;
}

function commitmentRow(input: BuildInput, spec: CommitmentSpec, id: string, parentId: string | null, order: number, current: boolean): CommitmentRow {
  const y = input.year;
  const kind = kindOf(spec);
  const startDate = spec.course === 'notStarted' ? nextMonthStart(input) : `${y}-${spec.start ?? '01-01'}`;
  const deadline = `${y}-${spec.deadline ?? '12-31'}`;
  const milestones: Milestone[] = (spec.milestones ?? []).map(([title, due], i) => ({
    id: stableId(id, 'milestone', i), title, dueDate: `${y}-${due}`, weight: 1, doneDate: null,
  }));
  const createdOn = `${y}-01-${current ? '08' : '05'}`;
  const created = beijing(createdOn, '10:00');
  const createdAt = new Date(Date.parse(created) + order * 1000).toISOString();
  const state = spec.state ?? (spec.course === 'notStarted' ? 'acknowledged' : 'inProgress');
  const assignedOn = state === 'draft' ? null : spec.assigned ? minDate(`${y}-${spec.assigned}`, input.today) : createdOn;
  const row: CommitmentRow = {
    id, regionCode: input.plan.regionCode, planId: input.planId, parentId,
    title: spec.title, sector: spec.sector, kind, livelihood: spec.livelihood ?? false,
    targetValue: kind === 'quantitative' ? (spec.target ?? null) : null,
    targetValueMax: spec.targetMax ?? null,
    unit: kind === 'quantitative' ? (spec.unit ?? null) : null,
    comparator: kind === 'quantitative' ? (spec.cmp ?? 'gte') : null,
    baselineValue: spec.baseline ?? null,
    startDate, deadline, assignedOn,
    leadDepartmentId: dept(input, spec.lead),
    coDepartmentIds: (spec.co ?? []).map((k) => dept(input, k)),
    responsibleLeader: spec.leader ?? input.leaders.get(spec.lead) ?? null,
    milestones, weight: 1, reportingFrequency: 'monthly',
    state,
    published: spec.published ?? spec.livelihood ?? false,
    source: null, version: 1, createdAt, updatedAt: createdAt,
  };
  return row;
}

// ---------------------------------------------------------------------------------------------
// Historical plans: twelve accepted monthly reports ending at the recorded result.

function historicalReports(input: BuildInput, spec: CommitmentSpec, c: CommitmentRow): ReportRow[] {
  const y = input.year;
  const d = decimalsFor(spec);
  const done = spec.doneMonth ?? 12;
  const reports: ReportRow[] = [];
  const milestonesDone = spec.milestonesDone ?? c.milestones.length;
  for (let m = monthOf(c.startDate); m <= monthOf(c.deadline); m++) {
    let value: string | null = null;
    let doneIds: string[] = [];
    let text: string;
    if (c.kind === 'quantitative') {
      const result = Number(spec.result);
      const share = Math.min(1, m / done);
      const from = Number(spec.from ?? spec.baseline ?? spec.result);
      const v = spec.level ? from + (result - from) * share : floorTo(result * share ** 1.1, d);
      value = dec(m >= done ? result : v, d);
      text = quantityNarrative(spec, c, m, value, m === 12 ? 'final' : 'onTrack');
    } else {
      const doneList = c.milestones.slice(0, milestonesDone).filter((ms) => monthOf(ms.dueDate) <= m);
      doneIds = doneList.map((ms) => ms.id);
      text = milestoneNarrative(spec, c, m, doneList.length, m === 12 ? 'final' : 'onTrack');
    }
    const unmet = c.kind === 'quantitative' ? Number(spec.result) < Number(spec.target) !== (c.comparator === 'lte') : (spec.milestonesDone ?? c.milestones.length) < c.milestones.length;
    reports.push(reportRow(input, c, m, value, doneIds, text, 'accepted', c.leadDepartmentId!, unmet ? SOMETIMES_LATE : ON_TIME));
  }
  // milestones reached carry their date on the commitment
  c.milestones = c.milestones.map((ms, i) => (i < milestonesDone ? { ...ms, doneDate: addDays(ms.dueDate, -3) } : ms));
  const met =
    c.kind === 'quantitative'
      ? (quantityRate(c, reports[reports.length - 1]!.cumulativeValue!, DEFAULT_CONFIG) ?? 0) >= 100
      : milestonesDone >= c.milestones.length;
  c.state = spec.state ?? (met ? 'closed' : 'inProgress');
  return reports;
}

// ---------------------------------------------------------------------------------------------
// The current year: reports for every month whose report would have been filed by today.

/** Fraction of the target reached at a month, by course; `e` is the 序时进度 (0..1) at the month's end. */
function courseShare(course: Course, e: number, m: number, doneMonth: number, ratio: number): number {
  switch (course) {
    case 'completedEarly':
      return Math.min(1, m / doneMonth);
    case 'exceededEarly':
      return ratio * Math.min(1, m / doneMonth);
    case 'lagging':
      return Math.max(0, e - 0.2);
    case 'seriouslyLagging':
      return e * 0.35;
    default:
      return e >= 1 ? 1 : Math.min(0.98, e * 1.03 + 0.01);
  }
}

/** Milestones done by a month, by course: all that are due, one fewer (滞后) or two fewer (严重滞后). */
function milestonesDoneBy(course: Course, c: CommitmentRow, m: number): Milestone[] {
  const due = c.milestones.filter((ms) => monthOf(ms.dueDate) <= m);
  const behind = course === 'lagging' ? 1 : course === 'seriouslyLagging' ? 2 : 0;
  return due.slice(0, Math.max(0, due.length - behind));
}

function currentReports(input: BuildInput, spec: CommitmentSpec, c: CommitmentRow): ReportRow[] {
  const course = spec.course ?? 'onTrack';
  if (course === 'notStarted') return [];
  const y = input.year;
  const d = decimalsFor(spec);
  // months whose report was filed by today (filed about three days after the month ends)
  const months: number[] = [];
  // (from the month it was assigned in: an earlier month was never owed)
  const first = Math.max(monthOf(c.startDate), c.assignedOn ? monthOf(c.assignedOn) : 1);
  for (let m = first; m <= monthOf(c.deadline); m++) if (addDays(monthEnd(y, m), 3) <= input.today) months.push(m);
  if (!months.length) return [];
  let reported = months;
  if (spec.lastReport === 'missing') {
    // the latest period past its due date has no report (逾期)
    const overdue = months.filter((m) => reportDueDate(`${y}-${pad(m)}`, DEFAULT_CONFIG) < input.today);
    const skip = overdue[overdue.length - 1];
    if (skip !== undefined) reported = months.filter((m) => m < skip);
  }
  const last = months[months.length - 1]!;
  const doneMonth = Math.min(spec.doneMonth ?? 12, last);
  const reports: ReportRow[] = [];
  let doneNow: Milestone[] = [];
  for (const m of reported) {
    const e = expectedProgress(c, monthEnd(y, m)) / 100;
    let value: string | null = null;
    let doneIds: string[] = [];
    let text: string;
    let done: Milestone[] = [];
    const share = courseShare(course, e, m, doneMonth, spec.ratio ?? 1.1);
    if (c.kind === 'quantitative') {
      const t = Number(spec.target);
      if (spec.level) {
        const from = Number(spec.from ?? spec.baseline ?? spec.target);
        value = dec(from + (Number(spec.result ?? spec.target) - from) * Math.min(1, m / 12), d);
      } else {
        value = dec(floorTo(t * share, d), d);
      }
      text = quantityNarrative(spec, c, m, value, course);
    } else {
      done = milestonesDoneBy(course, c, m);
      doneIds = done.map((ms) => ms.id);
      text = milestoneNarrative(spec, c, m, done.length, course);
    }
    const isLast = m === last;
    const state = isLast && spec.lastReport === 'submitted' ? 'submitted' : isLast && spec.lastReport === 'returned' ? 'returned' : 'accepted';
    const days = spec.lastReport ? ON_TIME : course === 'lagging' ? SOMETIMES_LATE : course === 'seriouslyLagging' ? OFTEN_LATE : ON_TIME;
    const row = reportRow(input, c, m, value, doneIds, text, state, c.leadDepartmentId!, days);
    // a late report not yet in by today is simply missing (逾期 once its due date has passed)
    if (row.submittedAt! > beijing(input.today, '23:59')) break;
    reports.push(row);
    doneNow = done;
    if (spec.coNarrative && spec.co?.length) {
      reports.push(reportRow(input, c, m, null, [], `${m}月：${spec.coNarrative}`, 'accepted', dept(input, spec.co[0]!)));
    }
  }
  const doneSet = new Set(doneNow.map((ms) => ms.id));
  c.milestones = c.milestones.map((ms) => (doneSet.has(ms.id) ? { ...ms, doneDate: addDays(ms.dueDate, -3) } : ms));
  return reports;
}

// ---------------------------------------------------------------------------------------------
// Rows and narratives

/** Days after the month's end a report is submitted; due on day 5 (config.reportDueDays.monthly). */
const ON_TIME = [1, 2, 3, 4] as const;
/** departments behind on the work are often late with the report too */
const SOMETIMES_LATE = [2, 4, 7, 9] as const;
const OFTEN_LATE = [4, 7, 9, 12] as const;

const RETURN_COMMENT = '佐证材料不全，请补充工作台账和现场照片后重新报送。';

function reportRow(
  input: BuildInput, c: CommitmentRow, m: number, value: string | null, milestonesDone: string[], narrative: string,
  state: 'accepted' | 'submitted' | 'returned', departmentId = c.leadDepartmentId!, submitDays: readonly number[] = ON_TIME,
): ReportRow {
  const period = `${input.year}-${pad(m)}`;
  const end = monthEnd(input.year, m);
  const submittedDay = addDays(end, pick(submitDays, c.id, period, 's'));
  const submittedAt = beijing(submittedDay, pick(['09:12', '10:05', '15:40', '16:55'], c.id, period));
  const reviewedDay = addDays(submittedDay, pick([1, 2, 3], c.id, period, 'r'));
  // a review that would fall after today has not happened yet
  const reviewed = state !== 'submitted' && reviewedDay <= input.today;
  const finalState = state === 'accepted' && !reviewed ? 'submitted' : state;
  const reviewedAt = finalState === 'submitted' ? null : beijing(reviewedDay <= input.today ? reviewedDay : input.today, '11:30');
  return {
    id: stableId(c.id, departmentId, period),
    regionCode: c.regionCode,
    commitmentId: c.id,
    departmentId,
    period,
    cumulativeValue: value,
    milestonesDone,
    narrative,
    state: finalState,
    submittedBy: input.people?.reporterOf(departmentId) ?? null,
    submittedAt,
    reviewerId: finalState === 'submitted' ? null : (input.people?.reviewer ?? null),
    reviewComment: finalState === 'returned' ? RETURN_COMMENT : null,
    reviewedAt,
    version: finalState === 'submitted' ? 2 : 3,
    createdAt: beijing(submittedDay, '08:30'),
    updatedAt: reviewedAt ?? submittedAt,
  };
}

const TAILS: Record<Course | 'final' | 'done', string[]> = {
  onTrack: ['各项工作按计划推进。', '已建立月调度机制，进度符合序时要求。', '工作措施落实到位，进度与序时基本同步。', '已完成月度核查，台账资料齐全。'],
  completedEarly: ['各项工作按计划推进。'],
  exceededEarly: ['进度快于序时，下一步继续巩固。'],
  lagging: ['进度慢于序时，已分析原因并制定赶进度措施。', '部分资金尚未到位，正协调区财政局加快拨付。'],
  seriouslyLagging: ['进度严重滞后于序时，已提请分管领导专题调度。', '进度严重滞后，已逐项梳理问题清单，倒排工期推进。'],
  notStarted: [''],
  done: ['已完成年度目标任务，下一步做好巩固提升。', '提前完成全年任务，继续做好后续服务保障。'],
  final: ['全年目标任务已完成。'],
};

/** The closing sentence of a report: the spec's own reason when behind, else a stock phrase. */
function courseTail(spec: CommitmentSpec, c: CommitmentRow, m: number, course: Course): string {
  if (spec.reason && (course === 'lagging' || course === 'seriouslyLagging')) return spec.reason;
  return pick(TAILS[course], c.id, m);
}

/** What the department did, for month `m`'s report: one of the commitment's 具体做法 in turn ('' when it has none). */
function measure(spec: CommitmentSpec, m: number): string {
  const list = MEASURES[spec.key];
  return list?.length ? `${list[(m - 1) % list.length]}。` : '';
}

function quantityNarrative(spec: CommitmentSpec, c: CommitmentRow, m: number, value: string, course: Course | 'final'): string {
  const work = spec.work ?? spec.title;
  const rate = quantityRate(c, value, DEFAULT_CONFIG) ?? 0;
  const met = rate >= 100;
  const tail = course === 'final'
    ? met ? TAILS.final[0]! : '未完成年度目标，已分析原因并列入下年度继续推进。'
    : met ? pick(TAILS.done, c.id, m) : courseTail(spec, c, m, course);
  if (spec.level) {
    const word = c.comparator === 'lte' ? '不高于' : '不低于';
    return `${m}月底${work}为${value}${c.unit}（目标${word}${c.targetValue}${c.unit}）。${measure(spec, m)}${tail}`;
  }
  return `截至${m}月底，${work}累计完成${value}${c.unit}，占年度目标的${Math.round(rate * 10) / 10}%。${measure(spec, m)}${tail}`;
}

function milestoneNarrative(spec: CommitmentSpec, c: CommitmentRow, m: number, doneCount: number, course: Course | 'final'): string {
  const work = spec.work ?? spec.title;
  const next = c.milestones[doneCount];
  const last = c.milestones[doneCount - 1];
  const head = last ? `${work}：“${last.title}”节点已完成` : `${work}：前期准备工作有序开展`;
  if (!next) return `${head}，全部${c.milestones.length}个节点均已完成。${measure(spec, m)}`;
  const when = `${Number(next.dueDate.slice(5, 7))}月${Number(next.dueDate.slice(8, 10))}日前完成`;
  const late = next.dueDate < monthEnd(Number(next.dueDate.slice(0, 4)), m);
  const nextText = `，正在推进“${next.title}”（${late ? `原计划${when}，已滞后` : `计划${when}`}）`;
  const tail = course === 'final' ? '年内未能全部完成，已申请延续至下年度。' : courseTail(spec, c, m, course);
  return `${head}${nextText}。${measure(spec, m)}${tail}`;
}

// ---------------------------------------------------------------------------------------------
// The current year's workflow records: evidence on the latest accepted report, 办理方案 for every
// task handed over, and the 办结申请, 延期 requests and 领导批示 the specs ask for.

function addCurrentRecords(out: BuiltPlan, input: BuildInput, spec: CommitmentSpec, c: CommitmentRow, reports: ReportRow[]): void {
  const lead = c.leadDepartmentId!;
  const reporter = input.people?.reporterOf(lead) ?? null;
  const own = reports.filter((r) => r.departmentId === lead);
  const latestAccepted = [...own].reverse().find((r) => r.state === 'accepted');
  let evidenceId: string | null = null;
  if (latestAccepted) {
    const work = spec.work ?? spec.title;
    const text = `${work}工作台账（${latestAccepted.period}）\n事项,累计完成,单位,备注\n${work},${latestAccepted.cumulativeValue ?? ''},${c.unit ?? ''},示例数据\n`;
    const data = new TextEncoder().encode(text);
    evidenceId = stableId(latestAccepted.id, 'evidence');
    out.evidence.push({
      id: evidenceId, regionCode: c.regionCode, reportId: latestAccepted.id, filename: `${work}台账-${latestAccepted.period}.csv`,
      contentType: 'text/csv; charset=utf-8', size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data,
      createdAt: latestAccepted.submittedAt!,
    });
  }
  // 办理方案, filed when the department acknowledged the task (ten days after it was created)
  const filedOn = minDate(maxDate(`${input.year}-01-18`, addDays(c.assignedOn ?? `${input.year}-01-08`, 10)), input.today);
  const steps = c.milestones.length
    ? c.milestones.map((ms, i) => ({
        title: ms.title, startDate: i === 0 ? c.startDate : addDays(c.milestones[i - 1]!.dueDate, 1), endDate: ms.dueDate, responsiblePerson: null,
      }))
    : planSteps(maxDate(c.startDate, c.assignedOn ?? c.startDate), c.deadline); // planned from the day it was handed over
  out.workPlans.push({
    commitmentId: c.id, regionCode: c.regionCode, departmentId: lead, responsiblePerson: `${deptLabel(input, spec.lead)}分管负责同志`,
    contact: null, steps, filedBy: reporter, filedAt: beijing(filedOn, '15:00'),
  });
  const last = own[own.length - 1];
  const reachedTarget = latestAccepted?.cumulativeValue != null && (quantityRate(c, latestAccepted.cumulativeValue, DEFAULT_CONFIG) ?? 0) >= 100;
  // a task closed or up for closing only once it has reached its target
  if (spec.closeRequest && !reachedTarget) c.state = 'inProgress';
  if (spec.closeRequest && reachedTarget && evidenceId && latestAccepted) {
    const requested = addDays(latestAccepted.reviewedAt!.slice(0, 10), 1) <= input.today ? addDays(latestAccepted.reviewedAt!.slice(0, 10), 1) : input.today;
    const approved = spec.closeRequest === 'approved';
    out.closeRequests.push({
      id: stableId(c.id, 'closeRequest'), regionCode: c.regionCode, commitmentId: c.id,
      summary: `${spec.work ?? spec.title}已完成年度目标（累计${latestAccepted.cumulativeValue}${c.unit ?? ''}），经自查验收合格，申请办结。`,
      evidenceIds: [evidenceId], state: approved ? 'approved' : 'pending', requestedBy: reporter, requestedAt: beijing(requested, '10:20'),
      decidedBy: approved ? (input.people?.reviewer ?? null) : null, decidedAt: approved ? beijing(requested, '17:00') : null,
      decisionComment: approved ? '经核查，同意办结销号。' : null,
    });
  }
  if (spec.extension) {
    const requested = last ? (last.submittedAt ?? beijing(input.today, '09:00')) : beijing(input.today, '09:00');
    out.changeRequests.push({
      id: stableId(c.id, 'extension'), regionCode: c.regionCode, commitmentId: c.id, kind: 'extend',
      changes: { deadline: `${input.year}-${spec.extension.deadline}` }, reason: spec.extension.reason, state: 'pending',
      requestedBy: reporter, requestedAt: requested, decidedBy: null, decidedAt: null, decisionComment: null, version: 1,
    });
  }
  if (spec.instruction && last) {
    const issued = addDays(last.submittedAt!.slice(0, 10), 2) <= input.today ? addDays(last.submittedAt!.slice(0, 10), 2) : input.today;
    out.instructions.push({
      id: stableId(c.id, 'instruction'), regionCode: c.regionCode, commitmentId: c.id, leaderName: spec.instruction.leader,
      text: spec.instruction.text, issuedOn: issued, createdBy: input.people?.reviewer ?? null, createdAt: beijing(issued, '16:30'),
    });
  }
}

/** Three steps for a task without milestones: plan in its first month, carry out, check in its last month. */
function planSteps(start: string, deadline: string) {
  const planEnd = minDate(addDays(start, 30), deadline);
  const checkStart = maxDate(addDays(deadline, -30), planEnd);
  return [
    { title: '制定实施方案，分解任务到责任股室和乡镇', startDate: start, endDate: planEnd, responsiblePerson: null },
    { title: '组织实施，按月调度报送进展', startDate: planEnd, endDate: checkStart, responsiblePerson: null },
    { title: '自查验收，形成工作总结', startDate: checkStart, endDate: deadline, responsiblePerson: null },
  ];
}

function deptLabel(input: BuildInput, key: string): string {
  return input.departmentLabels?.get(key) ?? key;
}
