/**
 * duban's domain model: the one definition of every entity, as zod schemas with the
 * inferred TypeScript type beside each. Pure: no I/O. Storage, HTTP and the web app
 * all speak these shapes. Names follow ../shared/GLOSSARY.md.
 *
 * Conventions:
 * - ids are UUID strings; every entity carries `regionCode` (the shard key for Citus).
 * - exact decimals (money, targets, reported values) travel as decimal strings ("22.51"),
 *   never as floats; rates and percentages computed from them are plain numbers.
 * - dates are ISO `YYYY-MM-DD`; instants are ISO timestamps; periods are `YYYY-MM`,
 *   `YYYY-Qn`, `YYYY-Www` (ISO week) or `YYYY` (see `Period`).
 */
import { z } from 'zod';

/** A decimal written with digits, e.g. "3500", "22.51", "-0.3". */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'decimal number / 十进制数');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD / 日期');
export const Uuid = z.string().uuid();
/** 行政区划代码 (GB/T 2260), six digits. */
export const RegionCode = z.string().regex(/^\d{6}$/, 'six-digit region code / 六位行政区划代码');
/** A reporting period: month `2024-03`, quarter `2024-Q1`, year `2024`, or ISO week `2024-W05`. */
export const Period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-W(0[1-9]|[1-4]\d|5[0-3]))?$/, 'period YYYY-MM, YYYY-Qn, YYYY-Www or YYYY / 期次');

/**
 * The fields of `fields` as a partial update: every field optional and without its default, so a
 * field left out of a PATCH stays as it is (zod's `.partial()` would still fill in the defaults).
 */
export function patchOf<S extends z.ZodRawShape>(fields: z.ZodObject<S>) {
  return z.object(
    Object.fromEntries(Object.entries(fields.shape).map(([k, s]) => [k, ((s instanceof z.ZodDefault ? s.unwrap() : s) as z.ZodType).optional()])) as unknown as {
      [K in keyof S]: z.ZodOptional<z.ZodType<z.output<S[K]>>>;
    },
  );
}

export const REGION_LEVELS = ['province', 'city', 'county', 'township'] as const; // 省/市/区县/乡镇街道
export const RegionLevel = z.enum(REGION_LEVELS);

/** 行政区 */
export const Region = z.object({
  code: RegionCode,
  name: z.string().min(1),
  level: RegionLevel,
  parentCode: RegionCode.nullable(),
});
export type Region = z.infer<typeof Region>;

/** 单位/部门 */
export const Department = z.object({
  id: Uuid,
  regionCode: RegionCode,
  name: z.string().min(1),
  /** 简称, e.g. 人社局 */
  shortName: z.string().nullable(),
});
export type Department = z.infer<typeof Department>;

export const ROLES = ['admin', 'reporter', 'leader', 'public'] as const; // 督查室 / 填报员 / 领导 / 公众
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: Uuid,
  regionCode: RegionCode,
  username: z.string().min(1),
  displayName: z.string().min(1),
  role: Role,
  /** set for reporters: the one department they report for */
  departmentId: Uuid.nullable(),
});
export type User = z.infer<typeof User>;

/** 年度计划: one region's year. */
export const Plan = z.object({
  id: Uuid,
  regionCode: RegionCode,
  year: z.number().int().min(1949).max(2200),
  title: z.string(),
  /** the imported 政府工作报告 (WorkReport) this plan came from, if any */
  sourceDocumentId: Uuid.nullable(),
});
export type Plan = z.infer<typeof Plan>;

/** An imported source document (政府工作报告 or an article about it). */
export const WorkReport = z.object({
  id: Uuid,
  regionCode: RegionCode,
  planId: Uuid.nullable(),
  filename: z.string(),
  sha256: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type WorkReport = z.infer<typeof WorkReport>;

export const COMMITMENT_KINDS = ['quantitative', 'milestone', 'qualitative'] as const;
export const CommitmentKind = z.enum(COMMITMENT_KINDS);

/** ≥ 以上/不少于, ≤ 以内/控制在, = exactly, range between targetValue and targetValueMax */
/** ≥, ≤, =, a range [targetValue, targetValueMax], ≈ (左右: within config.approxTolerancePercent of the target) */
export const COMPARATORS = ['gte', 'lte', 'eq', 'range', 'approx'] as const;
export const Comparator = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof Comparator>;

/** Lifecycle states (see lifecycle.ts): 立项 → 交办 → 签收 → 推进中 → 办结申请 → 办结; 已取消 */
export const COMMITMENT_STATES = ['draft', 'assigned', 'acknowledged', 'inProgress', 'closeRequested', 'closed', 'cancelled'] as const;
export const CommitmentState = z.enum(COMMITMENT_STATES);
export type CommitmentState = z.infer<typeof CommitmentState>;

export const REPORTING_FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export const ReportingFrequency = z.enum(REPORTING_FREQUENCIES);
export type ReportingFrequency = z.infer<typeof ReportingFrequency>;

/** 节点: a dated, weighted step of a commitment. */
export const Milestone = z.object({
  id: Uuid,
  title: z.string().min(1),
  dueDate: IsoDate,
  /** relative weight; equal by default */
  weight: z.number().positive().default(1),
  /** date it was done, null while open */
  doneDate: IsoDate.nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

/** Where an imported commitment came from in its source document. */
export const ClaimSource = z.object({
  documentId: Uuid,
  start: z.number().int(),
  end: z.number().int(),
  sentence: z.string(),
  heading: z.string().nullable(),
  /** the same target restated elsewhere in the document (in the summary and in the detail) */
  alsoAt: z.array(z.object({ start: z.number().int(), end: z.number().int(), sentence: z.string() })).optional(),
});

/** 目标任务 */
export const Commitment = z.object({
  id: Uuid,
  regionCode: RegionCode,
  planId: Uuid,
  /** 上级任务: set when this is a subtask */
  parentId: Uuid.nullable(),
  title: z.string().min(1),
  /** 领域/章节, e.g. 经济发展, 乡村振兴, 民生保障 */
  sector: z.string(),
  kind: CommitmentKind,
  /** 民生实事 */
  livelihood: z.boolean(),
  targetValue: DecimalString.nullable(),
  /** upper bound when comparator is `range` */
  targetValueMax: DecimalString.nullable(),
  /** unit as written, with any scale character: 人, 万元, 亿元, %, 个 */
  unit: z.string().nullable(),
  comparator: Comparator.nullable(),
  /** 基数: value at the start of the window (the target counts from here for cumulative ≥ targets) */
  baselineValue: DecimalString.nullable(),
  startDate: IsoDate,
  deadline: IsoDate,
  /**
   * 交办日期: the day the commitment was handed to its lead department (null for a draft, or when
   * unknown). A report period that ended before it was never owed (see schedule.ts).
   */
  assignedOn: IsoDate.nullable(),
  /** 牵头单位 */
  leadDepartmentId: Uuid.nullable(),
  /** 配合单位 */
  coDepartmentIds: z.array(Uuid),
  /** 责任领导 */
  responsibleLeader: z.string().nullable(),
  milestones: z.array(Milestone),
  /** weight among its siblings when rolling up to the parent; equal by default */
  weight: z.number().positive(),
  reportingFrequency: ReportingFrequency,
  state: CommitmentState,
  published: z.boolean(),
  source: ClaimSource.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Commitment = z.infer<typeof Commitment>;

export const REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export const ReportState = z.enum(REPORT_STATES);
export type ReportState = z.infer<typeof ReportState>;

/** 证明材料 (metadata; bytes are stored apart) */
export const Evidence = z.object({
  id: Uuid,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** 进展: one department's report for one period. Values are cumulative since the window start. */
export const ProgressReport = z.object({
  id: Uuid,
  regionCode: RegionCode,
  commitmentId: Uuid,
  departmentId: Uuid,
  period: Period,
  /** 累计完成值, in the commitment's unit */
  cumulativeValue: DecimalString.nullable(),
  /** milestone ids reported done (milestone tasks) */
  milestonesDone: z.array(Uuid),
  narrative: z.string(),
  evidence: z.array(Evidence),
  state: ReportState,
  submittedBy: Uuid.nullable(),
  submittedAt: z.string().nullable(),
  reviewerId: Uuid.nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

/** 重点项目 stages: 谋划/签约/开工/在建/竣工/投产 */
export const PROJECT_STAGES = ['planning', 'signed', 'started', 'building', 'completed', 'operating'] as const;
export const ProjectStage = z.enum(PROJECT_STAGES);
export type ProjectStage = z.infer<typeof ProjectStage>;
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  planning: '谋划', signed: '签约', started: '开工', building: '在建', completed: '竣工', operating: '投产',
};

/** 重点项目. Money in 万元 as decimal strings. */
export const Project = z.object({
  id: Uuid,
  regionCode: RegionCode,
  year: z.number().int(),
  name: z.string().min(1),
  leadDepartmentId: Uuid.nullable(),
  /** 总投资 (万元) */
  totalInvestment: DecimalString,
  /** 年度计划投资 (万元) */
  plannedInvestmentYear: DecimalString,
  /** 年度完成投资 (万元) */
  completedInvestmentYear: DecimalString,
  stage: ProjectStage,
  /** date each stage was reached */
  stageDates: z.partialRecord(ProjectStage, IsoDate),
  version: z.number().int(),
});
export type Project = z.infer<typeof Project>;

/** 荣誉级别: 国家级, 省级, 市级, 区县级 */
export const HONOUR_LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export const HonourLevel = z.enum(HONOUR_LEVELS);
export type HonourLevel = z.infer<typeof HonourLevel>;
export const HONOUR_LEVEL_LABELS: Record<HonourLevel, string> = { national: '国家级', provincial: '省级', city: '市级', county: '区县级' };

/** 荣誉/表彰: an honour the region — or one of its departments, units or places — received in a year. */
export const Honour = z.object({
  id: Uuid,
  regionCode: RegionCode,
  year: z.number().int(),
  /** 荣誉名称, e.g. 全国信访工作示范县区 */
  title: z.string(),
  level: HonourLevel,
  /** 获评对象 when not the region itself, e.g. 解州派出所; null: the region */
  recipient: z.string().nullable(),
  /** 领域 whose section of the 纪实 names it; null: the 纪实's opening */
  sector: z.string().nullable(),
  /** 授予单位 */
  awardedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Honour = z.infer<typeof Honour>;

export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export const PeriodType = z.enum(PERIOD_TYPES);

/** 经济指标 value for one region and period. */
export const IndicatorValue = z.object({
  id: Uuid,
  regionCode: RegionCode,
  /** 指标名称: 地区生产总值, 规模以上工业增加值, 固定资产投资, 社会消费品零售总额, 一般公共预算收入, 居民人均可支配收入 … */
  indicator: z.string().min(1),
  period: Period,
  periodType: PeriodType,
  /** 累计值 (true: Jan..period) or 当期值 */
  cumulative: z.boolean(),
  value: DecimalString.nullable(),
  unit: z.string(),
  /** 同比增长, percent (8.4 means +8.4%) */
  yoyGrowth: z.number().nullable(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** A result of a past year recorded from an imported report (e.g. 2023 figures in a 2024 report). */
export const RecordedFact = z.object({
  id: Uuid,
  regionCode: RegionCode,
  year: z.number().int(),
  subject: z.string(),
  value: DecimalString,
  unit: z.string(),
  qualifier: z.string().nullable(),
  source: ClaimSource.nullable(),
});
export type RecordedFact = z.infer<typeof RecordedFact>;

/** 留痕: append-only record of every change. */
export const AuditEvent = z.object({
  id: z.string(),
  regionCode: RegionCode,
  actorId: Uuid.nullable(),
  actorRole: z.string().nullable(),
  /** verb-noun, e.g. `commitment.update`, `report.accept` */
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  clientAddress: z.string().nullable(),
  at: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Computed status: 未启动/正常推进/滞后/严重滞后/已完成/超额完成 */
export const STATUSES = ['notStarted', 'onTrack', 'lagging', 'seriouslyLagging', 'completed', 'exceeded'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;
export const STATUS_LABELS: Record<Status, string> = {
  notStarted: '未启动', onTrack: '正常推进', lagging: '滞后', seriouslyLagging: '严重滞后', completed: '已完成', exceeded: '超额完成',
};

/** 调整 / 延期 / 取消: kinds of change to a commitment, effective only once approved. */
export const CHANGE_REQUEST_KINDS = ['adjust', 'extend', 'cancel'] as const;
export const ChangeRequestKind = z.enum(CHANGE_REQUEST_KINDS);
export type ChangeRequestKind = z.infer<typeof ChangeRequestKind>;
/** 待审批 / 已批准 / 不予批准 */
export const CHANGE_REQUEST_STATES = ['pending', 'approved', 'refused'] as const;
export const ChangeRequestState = z.enum(CHANGE_REQUEST_STATES);
export type ChangeRequestState = z.infer<typeof ChangeRequestState>;

/** The commitment fields a change request may set: target fields (adjust), deadline (extend). */
export const CommitmentChanges = Commitment.pick({
  targetValue: true, targetValueMax: true, unit: true, comparator: true, baselineValue: true, deadline: true, milestones: true,
}).partial();
export type CommitmentChanges = z.infer<typeof CommitmentChanges>;

/** 变更申请: a department's request to adjust, extend or cancel a commitment (see lifecycle.ts). */
export const ChangeRequest = z.object({
  id: Uuid,
  regionCode: RegionCode,
  commitmentId: Uuid,
  kind: ChangeRequestKind,
  /** adjust: any of the fields; extend: `deadline`; cancel: none */
  changes: CommitmentChanges,
  /** 申请理由 */
  reason: z.string().min(1),
  state: ChangeRequestState,
  requestedBy: Uuid.nullable(),
  requestedAt: z.string(),
  decidedBy: Uuid.nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  version: z.number().int(),
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;

/** The escalation ladder, lowest first: 临近提醒 (blue) → 催办 → 黄色督办单 → 红色督办单 (see escalation.ts). */
export const ESCALATION_LEVELS = ['dueSoon', 'urge', 'yellow', 'red'] as const;
export const EscalationLevel = z.enum(ESCALATION_LEVELS);
export type EscalationLevel = z.infer<typeof EscalationLevel>;
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = {
  dueSoon: '临近提醒', urge: '催办', yellow: '黄色督办单', red: '红色督办单',
};

/** 督办单 / 提醒: one open (or closed) escalation record for a commitment and its department. */
export const SupervisionSlip = z.object({
  id: Uuid,
  regionCode: RegionCode,
  commitmentId: Uuid,
  departmentId: Uuid.nullable(),
  level: EscalationLevel,
  /** the reporting period it is about (dueSoon, urge); null for yellow/red */
  period: Period.nullable(),
  /** 督办事由, in Chinese */
  reason: z.string(),
  openedOn: IsoDate,
  closedOn: IsoDate.nullable(),
  /** 销号说明 when the office closed it by hand; null (or absent) when it closed itself */
  closeNote: z.string().nullable().optional(),
});
export type SupervisionSlip = z.infer<typeof SupervisionSlip>;
