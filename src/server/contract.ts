/**
 * The OpenAPI contract beyond what each route declares: a stable operationId per operation, the
 * answers it can give (its success schema for the main resources, and the bilingual error body for
 * each 4xx), who may call it (session cookie + CSRF header, or a Bearer token), examples (examples.ts), servers
 * and the API version. Applied by the swagger transform in app.ts; documentation only — nothing
 * here changes what a route answers. `src/server/openapi.test.ts` lints the served document with
 * Redocly's recommended rules.
 */
import { z } from 'zod';
import { Evaluation } from '../domain/progress.ts';
import { AuditEvent, Commitment, Department, IndicatorValue, Plan, ProgressReport, Project, Region, User } from '../domain/types.ts';
import { NextCursor } from './paging.ts';
import { EXAMPLES } from './examples.ts';
import { AllowedActions } from '../app/workflow/allowedActions.ts';
import { ChangeRequest, RecordedFact } from '../domain/types.ts';
import { CloseRequestItem } from '../app/lifecycle/listCloseRequests.ts';
import { Instruction } from '../app/instructions/recordInstruction.ts';
import { InstructionReply, RegionInstruction } from '../app/instructions/listRegionInstructions.ts';
import { ConfirmedCheck, PromiseReport, PromiseRow } from '../app/reconcile/checkPromises.ts';
import { JobStatus } from '../app/jobs/scheduler.ts';
import { Delivery, Webhook } from '../app/webhooks/webhooks.ts';
import { RegionRobot, RobotsShown, RobotTest } from '../app/reminders/robots.ts';
import { WorkPlan } from '../app/lifecycle/acknowledgeCommitment.ts';
import type { listPeriodLocks } from '../app/periods/periodLock.ts';
import type { ApiTokenRecord, presentUser } from '../store/users.ts';
import type { ListedReport } from '../app/reports/listRegionReports.ts';
import { STATUSES, SupervisionSlip, WorkReport, Evidence, Honour, type Status } from '../domain/types.ts';
import { SupervisionConfig } from '../domain/config.ts';
import type { Summary } from '../app/summary.ts';
import type { DistrictComparison } from '../app/compareDistricts.ts';
import type { ScopeOverview } from '../app/scopeOverview.ts';
import type { saveIndicator } from '../app/economy/saveIndicator.ts';
import type { login } from '../app/auth/login.ts';
import { FiledWorkPlan } from '../app/lifecycle/getWorkPlan.ts';
import type { ReportSlot } from '../domain/schedule.ts';
import type { Notification } from '../app/instructions/notify.ts';
import type { SlipRecord } from '../app/escalation/slipRecords.ts';
import type { runEscalation } from '../app/escalation/runEscalation.ts';
import type { DueReminder } from '../app/reminders/dueReminders.ts';
import type { ReminderRecord, SentReminder, sendReminders } from '../app/reminders/sendReminders.ts';
import type { RankedDepartment } from '../app/assessment/assessDepartments.ts';
import type { importProjects } from '../app/economy/importProjects.ts';
import type { importIndicators } from '../app/economy/importIndicators.ts';
import type { TaskSheetImportResult } from '../app/taskSheets/importTaskSheet.ts';
import type { ImportWorkReportResult } from '../app/importWorkReport.ts';
import type { DepartmentRecord } from '../app/departments/saveDepartment.ts';
import type { Claim } from '../domain/extract/extract.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/extract/context.ts';
import type { PublicCommitment } from './routes/public.ts';
import type { IndicatorPeers } from './routes/indicatorPeers.ts';

/**
 * The API's version (info.version and the `x-duban-api-version` answer header). Within a major
 * version a change only adds (a field, an operation, an optional parameter); a change that would
 * break a client is a new major version (see docs/decisions.md, "API versions").
 */
export const API_VERSION = '1.2.0';

/** `{ error: { code, zh, en } }`: every 4xx and 5xx answer. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('机器可读的错误代码 / machine-readable code, e.g. invalid_input, not_found, version_conflict'),
      zh: z.string().describe('中文说明'),
      en: z.string().describe('English message'),
      message: z.string().optional().describe('"zh / en" in one string'),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error', example: { error: { code: 'not_found', zh: '目标任务不存在', en: 'commitment not found', message: '目标任务不存在 / commitment not found' } } });

// Named copies of the domain schemas (a copy, so the request schemas built from them stay unnamed).
const named = <T extends z.ZodObject>(s: T, id: string, description: string) => s.extend({}).meta({ id, description }) as T;
const EvaluationSchema = Evaluation.meta({ id: 'Evaluation', description: '完成率、序时进度与状态 / completion, expected progress and status' });
/** a commitment as stored: an imported draft also says when the office confirmed it (采用) */
const StoredCommitment = Commitment.extend({ confirmedAt: z.string().nullable().optional().describe('导入草稿的采用时间；未采用为 null / when an imported draft was confirmed; null before') });
export const EvaluatedCommitmentSchema = named(StoredCommitment.extend({ evaluation: EvaluationSchema, subtaskCount: z.number().int() }), 'EvaluatedCommitment', '目标任务及其评估 / a commitment with its evaluation');
const CommitmentSchema = named(StoredCommitment, 'Commitment', '目标任务 / commitment');
const ReportSchema = named(ProgressReport.extend({ idempotencyKey: z.string().nullable().optional().describe('报送时的 Idempotency-Key / the Idempotency-Key it was submitted with') }), 'ProgressReport', '进展报送 / progress report');
const RegionSchema = named(Region, 'Region', '行政区 / region');
/** 催办邮箱, shown to the region's office and the department's own reporters only (app/policies/departments.ts) */
const DepartmentEmail = z.string().nullable().optional().describe('催办邮箱：仅本区督查室和本单位填报员可见，其他人的答复中没有此字段；null 为未设置 / e-mail for reminders: only the region’s office and the department’s own reporters get this field; null when none is set');
const DepartmentSchema = named(Department.extend({ email: DepartmentEmail }), 'Department', '责任单位 / department');
const PlanSchema = named(Plan, 'Plan', '年度计划 / plan');
const ProjectSchema = named(Project, 'Project', '重点项目 / key project');
const IndicatorSchema = named(IndicatorValue.extend({ version: z.number().int().describe('版本号，修改时带上 / send it to change the value') }), 'IndicatorValue', '经济指标值 / indicator value');
const AuditSchema = named(AuditEvent.extend({
  chainSeq: z.number().int().optional().describe('在本区留痕链中的序号 / place in the region’s chain'),
  prevHash: z.string().nullable().optional().describe('前一条的哈希 / hash of the one before'),
  hash: z.string().optional().describe('本条哈希（含 prevHash）/ its hash over prevHash and its content'),
}), 'AuditEvent', '留痕（可验证的哈希链）/ audit event, in a verifiable hash chain');
const ChangeRequestSchema = named(ChangeRequest, 'ChangeRequest', '变更申请 / change request');
const FactSchema = named(RecordedFact, 'RecordedFact', '往年成绩 / a recorded result');
const CloseRequestSchema = named(CloseRequestItem, 'CloseRequest', '办结申请 / close request');
const InstructionSchema = named(Instruction, 'Instruction', '领导批示 / leader’s instruction');
const ReplySchema = named(InstructionReply, 'InstructionReply', '落实情况 / a department’s reply');
const RegionInstructionSchema = named(RegionInstruction.extend({ replies: z.array(ReplySchema) }), 'RegionInstruction', '领导批示及反馈 / an instruction with its replies');
const PromiseRowSchema = named(PromiseRow, 'PromiseRow', '兑现情况表的一行 / one row of the promise check');
const JobSchema = named(JobStatus, 'Job', '定时任务 / a scheduled job');
const WebhookSchema = named(Webhook, 'Webhook', '事件推送地址 / webhook');
const DeliverySchema = named(Delivery, 'WebhookDelivery', '推送记录 / webhook delivery');
const RobotsSchema = named(RobotsShown, 'DepartmentRobots', '单位催办群机器人（不含凭据）/ a department’s group robots, without credentials');

/** `schema`, checked at compile time to describe every value of T (what the code answers): a mismatch asks for a `never` argument. */
const fits = <T>() => <S extends z.ZodType>(schema: S, ..._mismatch: T extends z.output<S> ? [] : [never]) => schema;

/**
 * `schema`, checked at compile time to describe exactly T, the type of what the code answers: every
 * T is an answer the schema allows and every answer it allows is a T (a field missing, extra or of
 * another type on either side asks for a `never` argument).
 */
const exact = <T>() => <S extends z.ZodType>(schema: S, ..._mismatch: [T] extends [z.output<S>] ? ([z.output<S>] extends [T] ? [] : [never]) : [never]) => schema;
const AccountSchema = exact<ReturnType<typeof presentUser>>()(z.object({
  id: z.string(), regionCode: z.string(), username: z.string(), displayName: z.string(), role: User.shape.role, departmentId: z.string().nullable(),
  active: z.boolean(), version: z.number().int(), mustChangePassword: z.boolean(), lockedUntil: z.string().nullable(), createdAt: z.string(),
}).meta({ id: 'Account', description: '账号 / an account' }));
const ApiTokenSchema = fits<ApiTokenRecord>()(z.object({
  id: z.string(), regionCode: z.string(), userId: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
}).meta({ id: 'ApiToken', description: '接口令牌（不含密钥）/ an API token, without its secret' }));
const PeriodLockSchema = fits<Awaited<ReturnType<typeof listPeriodLocks>>[number]>()(z.object({ period: z.string(), lockedBy: z.string().nullable(), lockedAt: z.string() }));

/** A page of a list: `{ items, nextCursor }` (see paging.ts). */
const pageOf = <T extends z.ZodType>(item: T, extra: z.ZodRawShape = {}) => z.object({ items: z.array(item), nextCursor: NextCursor, ...extra });

const ListedReportSchema = exact<ListedReport>()(ProgressReport.omit({ evidence: true }).extend({
  idempotencyKey: z.string().nullable().optional(), commitmentTitle: z.string(), unit: z.string().nullable().describe('目标任务的单位 / the commitment’s unit'),
  evidence: z.array(z.object({ id: z.string(), filename: z.string() })),
}).meta({ id: 'ListedReport', description: '清单中的报送（含任务名称与材料文件名）/ a listed report with its commitment’s title and its evidence’s names' }));
const SessionUserSchema = AccountSchema.extend({}).meta({ id: 'SessionUser', description: '登录用户 / signed-in user' });
const Via = z.enum(['session', 'token']).describe('凭会话 Cookie 还是接口令牌 / by the session cookie or an API token');
const Session = z.object({ user: SessionUserSchema, via: Via, readableRegions: z.array(z.string()) });


// answers of the overview, supervision, import and admin operations, each checked against the type its use case answers
const StatusCounts = z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<Status, z.ZodNumber>);
const SummaryGroupSchema = z.object({
  key: z.string().describe('领域、单位 id（未交办为空）或 total / sector, department id ("" when unassigned) or total'),
  total: z.number().int(), byStatus: StatusCounts, overdue: z.number().int(),
  reportOverdue: z.number().int().describe('逾期未报送'), deadlineOverdue: z.number().int().describe('逾期未完成'),
  averageCompletion: z.number().nullable().describe('平均完成率（每项至多100）/ mean completion rate, each capped at 100'),
}).meta({ id: 'SummaryGroup', description: '一组目标任务的统计 / counts of a group of commitments' });
const SummarySchema = exact<Summary>()(z.object({ total: SummaryGroupSchema, bySector: z.array(SummaryGroupSchema), byDepartment: z.array(SummaryGroupSchema) }));
const DistrictRowSchema = z.object({
  regionCode: z.string(), name: z.string(), planId: z.string().nullable(), commitments: z.number().int(), completed: z.number().int(), averageCompletion: z.number().nullable(),
  lagging: z.number().int(), seriouslyLagging: z.number().int(), reportOverdue: z.number().int(), deadlineOverdue: z.number().int(),
  livelihood: z.object({ total: z.number().int(), done: z.number().int() }),
}).meta({ id: 'DistrictRow', description: '区县比较的一行 / one county of a comparison' });
const DistrictComparisonSchema = exact<DistrictComparison>()(z.object({
  regionCode: z.string(), year: z.number().int(), asOf: z.string(), districts: z.array(DistrictRowSchema),
  indicators: z.array(z.object({
    indicator: z.string(), unit: z.string(),
    values: z.record(z.string(), z.object({ period: z.string(), value: z.string().nullable(), yoyGrowth: z.number().nullable(), rank: z.number().int() })).describe('按行政区划代码 / by region code'),
  })),
}).meta({ id: 'DistrictComparison', description: '区县比较 / counties side by side' }));
const ListedSchema = z.object({
  count: z.number().int(),
  items: z.array(Commitment.pick({ id: true, regionCode: true, planId: true, title: true, sector: true, leadDepartmentId: true }).extend({ evaluation: EvaluationSchema })).describe('最滞后的在前，至多 8 项 / the most behind first, at most 8'),
});
const ScopeOverviewSchema = exact<ScopeOverview>()(z.object({
  regionCode: z.string(), year: z.number().int(), asOf: z.string(), summary: SummarySchema,
  lagging: ListedSchema.describe('滞后与严重滞后 / lagging and seriously lagging'), overdue: ListedSchema.describe('逾期 / overdue'),
  trend: z.array(z.object({ month: z.string(), averageCompletion: z.number().nullable(), behind: z.number().int().describe('月末滞后与严重滞后项数 / lagging at the month’s end') })),
}).meta({ id: 'ScopeOverview', description: '市、省汇总总览 / a city’s or province’s overview' }));
const LoginAnswer = exact<Pick<Awaited<ReturnType<typeof login>>, 'user' | 'csrfToken' | 'expiresAt'>>()(z.object({
  user: AccountSchema, csrfToken: z.string().describe('写操作请求头 x-csrf-token 的值 / the x-csrf-token header of writes'), expiresAt: z.string(),
}));
const WorkPlanAnswer = exact<{ workPlan: FiledWorkPlan | null }>()(z.object({ workPlan: FiledWorkPlan.meta({ id: 'WorkPlan', description: '办理方案 / work plan' }).nullable().describe('签收前为 null / null before acknowledgement') }));
const ScheduleAnswer = exact<{ reportingFrequency: Commitment['reportingFrequency']; slots: ReportSlot[] }>()(z.object({
  reportingFrequency: Commitment.shape.reportingFrequency,
  slots: z.array(z.object({ period: z.string(), start: z.string(), end: z.string(), dueDate: z.string().describe('报送截止日 / last day on time'), filed: z.boolean(), owed: z.boolean().describe('应报：期末不早于交办日期；交办前已结束的期次可报但不算逾期 / owed: the period ends on or after the day it was assigned; one that ended before may be reported but is never overdue') })),
}));
const NotificationSchema = exact<Notification>()(z.object({
  id: z.string(), regionCode: z.string(), departmentId: z.string().nullable(), kind: z.string(), entity: z.string(), entityId: z.string(), message: z.string(), createdAt: z.string(), readAt: z.string().nullable(),
}).meta({ id: 'Notification', description: '通知 / notification' }));
const SlipSchema = named(SupervisionSlip, 'SupervisionSlip', '督办单 / supervision slip');
const SlipRecordSchema = exact<SlipRecord>()(SupervisionSlip.extend({
  serial: z.number().int(), number: z.string().describe('编号，如 督办〔2026〕第7号'), commitmentTitle: z.string(), departmentName: z.string().nullable(), closeNote: z.string().nullable(),
}).meta({ id: 'SlipRecord', description: '督办单及其编号、任务和单位 / a slip with its number, commitment and department' }));
const ReminderItem = z.object({ commitmentId: z.string(), title: z.string(), period: z.string(), dueDate: z.string() });
const DueReminderSchema = fits<DueReminder>()(z.object({
  departmentId: z.string(), departmentName: z.string(), email: DepartmentEmail, kind: z.enum(['dueSoon', 'urge']), items: z.array(ReminderItem),
}).meta({ id: 'DueReminder', description: '待催办：一个单位一类 / reminders owed to a department, of one kind' }));
const SentReminderSchema = fits<SentReminder>()(DueReminderSchema.extend({
  deliveries: z.array(z.object({ channel: z.string(), status: z.enum(['sent', 'failed', 'skipped']), attempts: z.number().int(), error: z.string().nullable() })),
}));
const ReminderRecordSchema = exact<ReminderRecord>()(z.object({
  id: z.string(), departmentId: z.string().nullable(), kind: z.enum(['dueSoon', 'urge']), asOf: z.string(), channel: z.string(), recipient: z.string().nullable(),
  items: z.array(ReminderItem), status: z.enum(['sent', 'failed']), attempts: z.number().int(), error: z.string().nullable(), sentAt: z.string(),
}).meta({ id: 'ReminderRecord', description: '催办记录 / a reminder sent' }));
const ScorePart = z.object({ score: z.number().nullable().describe('0–100；无可计量时为 null / null when nothing to measure'), weight: z.number() });
const RankedDepartmentSchema = exact<RankedDepartment>()(z.object({
  departmentId: z.string(), departmentName: z.string(), period: z.string(), total: z.number().nullable(), rank: z.number().int().nullable(), tied: z.boolean(),
  parts: z.object({ completion: ScorePart, timeliness: ScorePart, returned: ScorePart }),
}).meta({ id: 'RankedDepartment', description: '考核得分及排名 / a department’s score and rank' }));
const DepartmentRecordSchema = fits<DepartmentRecord>()(DepartmentSchema);
const HonourSchema = named(Honour, 'Honour', '荣誉表彰 / honour');
const ClaimSchema = exact<Claim>()(z.object({
  kind: z.enum(['result', 'target']), subject: z.string(), value: z.number(), valueText: z.string(), unit: z.string(),
  normalized: z.object({ value: z.string(), unit: z.string() }).nullable(), qualifier: z.string().nullable(),
  comparator: z.enum(['gte', 'lte', 'eq', 'approx', 'range']).nullable(), range: z.object({ low: z.string(), high: z.string() }).nullable(),
  commitment: z.boolean(), start: z.number().int().describe('在原文中的位置 / offset in the text'), end: z.number().int(), sentence: z.string(), heading: z.string().nullable(), livelihood: z.boolean(),
}).meta({ id: 'Claim', description: '文中的量化表述 / a quantified claim in the text' }));
const ImportWorkReportAnswer = exact<ImportWorkReportResult>()(z.object({
  created: z.boolean().describe('false：该文件已导入过，未新建 / false when the file had been imported already'),
  workReport: WorkReport, plan: PlanSchema, drafts: z.array(CommitmentSchema), facts: z.array(FactSchema), claims: z.array(ClaimSchema),
  context: z.object({ kind: z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]), year: z.number().int().nullable(), yearFrom: z.enum(['given', 'title', 'text']).nullable(), title: z.string().nullable(), titleYear: z.number().int().nullable() }),
  repeats: z.array(z.object({ draftId: z.string(), title: z.string(), existingId: z.string(), existingTitle: z.string() })),
}));
const PublicCommitmentSchema = exact<PublicCommitment>()(Commitment.pick({
  id: true, regionCode: true, parentId: true, title: true, sector: true, livelihood: true, kind: true, targetValue: true, targetValueMax: true, unit: true, comparator: true, startDate: true, deadline: true,
}).extend({
  leadDepartment: z.string().nullable().describe('牵头单位名称 / the lead department’s name'),
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string(), doneDate: z.string().nullable() })),
  evaluation: EvaluationSchema,
  latestReport: z.object({ period: z.string(), cumulativeValue: z.string().nullable(), narrative: z.string(), acceptedAt: z.string().nullable() }).nullable(),
}).meta({ id: 'PublicCommitment', description: '公开的目标任务 / a published commitment' }));
const PeerAnswer = exact<IndicatorPeers>()(z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  parent: z.object({ code: z.string(), name: z.string(), level: Region.shape.level }).nullable(),
  indicator: z.string(), period: z.string().nullable().describe('该地区该指标的最新期次（未给出时）/ the region’s latest period when none is asked'),
  items: z.array(z.object({ regionCode: z.string(), name: z.string(), value: z.string().nullable(), unit: z.string(), cumulative: z.boolean(), yoyGrowth: z.number().nullable(), rank: z.number().int().nullable() })),
  nextCursor: NextCursor,
}));

/** Success answers documented with their schema (the others: JSON as described by their summary). */
const RESPONSES: Record<string, z.ZodType> = {
  listRegions: pageOf(RegionSchema),
  getRegion: RegionSchema.extend({ children: z.array(RegionSchema), departments: z.array(DepartmentSchema), plans: z.array(PlanSchema) }),
  listDepartments: pageOf(DepartmentSchema),
  listPlans: pageOf(PlanSchema),
  listCommitments: pageOf(EvaluatedCommitmentSchema, { asOf: z.string() }),
  getCommitment: EvaluatedCommitmentSchema.extend({ subtasks: z.array(EvaluatedCommitmentSchema), reports: z.array(ReportSchema), allowed: AllowedActions }),
  createCommitment: CommitmentSchema,
  updateCommitment: CommitmentSchema,
  listProjects: pageOf(ProjectSchema),
  listIndicators: pageOf(IndicatorSchema),
  getMe: Session,
  getSession: z.object({ user: SessionUserSchema.nullable(), via: Via.nullable(), readableRegions: z.array(z.string()) }),
  listReports: pageOf(ListedReportSchema),
  submitReport: ReportSchema,
  editReport: ReportSchema,
  reviewReport: ReportSchema,
  getReport: ReportSchema.extend({ history: z.array(z.object({ version: z.number().int(), snapshot: z.unknown(), replacedAt: z.string() })) }),
  listAudit: pageOf(AuditSchema),
  listFacts: pageOf(FactSchema),
  listUsers: pageOf(AccountSchema),
  createUser: z.object({ user: AccountSchema, initialPassword: z.string().nullable().describe('一次性初始密码，仅此一次显示 / the one-time password, shown this once') }),
  resetPassword: z.object({ user: AccountSchema, initialPassword: z.string().describe('一次性密码，仅此一次显示 / the one-time password, shown this once') }),
  setUserActive: AccountSchema,
  listTokens: pageOf(ApiTokenSchema),
  createToken: ApiTokenSchema.extend({ token: z.string().describe('令牌，仅此一次显示 / the token, shown this once') }),
  revokeToken: ApiTokenSchema,
  listPeriodLocks: pageOf(PeriodLockSchema),
  lockPeriod: z.object({ regionCode: z.string(), period: z.string() }),
  acknowledgeCommitment: CommitmentSchema.extend({ workPlan: WorkPlan }),
  // lifecycle: each step answers the commitment after it
  assignCommitment: CommitmentSchema,
  bulkAssign: z.object({ items: z.array(CommitmentSchema) }),
  requestClose: CommitmentSchema.extend({ closeRequestId: z.string() }),
  transitionCommitment: CommitmentSchema,
  publishCommitment: CommitmentSchema,
  confirmDraft: CommitmentSchema,
  setMilestones: CommitmentSchema,
  splitCommitment: z.object({ items: z.array(CommitmentSchema) }),
  listDrafts: pageOf(CommitmentSchema),
  listCloseRequests: pageOf(CloseRequestSchema),
  fileChangeRequest: ChangeRequestSchema,
  listChangeRequests: pageOf(ChangeRequestSchema),
  listCommitmentChangeRequests: pageOf(ChangeRequestSchema),
  decideChangeRequest: z.object({ changeRequest: ChangeRequestSchema, commitment: CommitmentSchema }),
  recordInstruction: InstructionSchema,
  listRegionInstructions: pageOf(RegionInstructionSchema),
  listInstructions: pageOf(InstructionSchema.extend({ replies: z.array(ReplySchema), followedUp: z.boolean() })),
  replyToInstruction: ReplySchema,
  createProject: ProjectSchema,
  updateProject: ProjectSchema,
  // 兑现核验: rows paged, counts and documents of the whole year
  listPromiseChecks: PromiseReport.extend({ items: z.array(PromiseRowSchema), nextCursor: NextCursor }),
  listPublicPromiseChecks: PromiseReport.extend({ items: z.array(PromiseRowSchema), nextCursor: NextCursor }),
  confirmPromiseCheck: ConfirmedCheck,
  listJobs: pageOf(JobSchema),
  // integrations
  listWebhooks: pageOf(WebhookSchema),
  createWebhook: WebhookSchema.extend({ secret: z.string().describe('签名密钥，仅此一次显示 / the signing secret, shown this once') }),
  updateWebhook: WebhookSchema,
  testWebhook: DeliverySchema,
  retryWebhookDelivery: DeliverySchema,
  listWebhookDeliveries: pageOf(DeliverySchema),
  dispatchWebhooks: z.object({ delivered: z.number().int(), failed: z.number().int(), retrying: z.number().int() }),
  getDepartmentRobots: RobotsSchema,
  setDepartmentRobots: RobotsSchema,
  listRobots: pageOf(RegionRobot),
  testDepartmentRobots: RobotTest,
  // overview, supervision, imports, administration
  summarizeCommitments: SummarySchema,
  compareDistricts: DistrictComparisonSchema,
  getScopeOverview: ScopeOverviewSchema,
  saveIndicator: exact<Awaited<ReturnType<typeof saveIndicator>>>()(IndicatorSchema),
  login: LoginAnswer,
  getWorkPlan: WorkPlanAnswer,
  getSchedule: ScheduleAnswer,
  listNotifications: pageOf(NotificationSchema),
  listSupervisionSlips: pageOf(SlipRecordSchema),
  closeSupervisionSlip: SlipRecordSchema,
  runEscalation: exact<Awaited<ReturnType<typeof runEscalation>>>()(z.object({ opened: z.array(SlipSchema), closed: z.array(SlipSchema) })),
  listDueReminders: pageOf(DueReminderSchema, { asOf: z.string() }),
  listSentReminders: pageOf(ReminderRecordSchema),
  sendReminders: fits<Awaited<ReturnType<typeof sendReminders>>>()(z.object({ asOf: z.string(), reminders: z.array(SentReminderSchema).describe('dryRun 时 deliveries 为空 / deliveries empty on a dry run') })),
  assessDepartments: pageOf(RankedDepartmentSchema, { period: z.string(), asOf: z.string() }),
  importProjects: exact<Awaited<ReturnType<typeof importProjects>>>()(z.object({ created: z.number().int(), updated: z.number().int() })),
  importIndicators: exact<Awaited<ReturnType<typeof importIndicators>>>()(z.object({ saved: z.number().int() })),
  attachEvidence: exact<{ items: Evidence[] }>()(z.object({ items: z.array(named(Evidence, 'Evidence', '证明材料 / evidence file')) })),
  listPublicCommitments: pageOf(PublicCommitmentSchema, { asOf: z.string() }),
  importTaskSheet: exact<TaskSheetImportResult>()(z.object({ period: z.string(), departmentId: z.string(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })),
  importWorkReport: ImportWorkReportAnswer,
  listIndicatorPeers: PeerAnswer,
  createDepartment: DepartmentRecordSchema,
  updateDepartment: DepartmentRecordSchema,
  getConfig: exact<SupervisionConfig>()(SupervisionConfig.meta({ id: 'SupervisionConfig', description: '督办参数 / supervision configuration in force' })),
  listHonours: pageOf(HonourSchema),
  recordHonour: HonourSchema,
};

/** Operations that answer a file: its media types (binary). */
const FILES: Record<string, string[]> = {
  downloadPromiseChecks: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  downloadBulletin: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/markdown', 'text/html', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  downloadYearSummary: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/markdown', 'text/html'],
  exportTaskSheet: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  getSlipNotice: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html'],
  downloadEvidence: ['application/octet-stream'],
};

/** Stable operation ids, by `METHOD /path` (openapi.test.ts: every operation is listed; one not listed would get an id from its method and path). */
export const OPERATION_IDS: Record<string, string> = {
  'GET /api/regions': 'listRegions',
  'GET /api/regions/{code}': 'getRegion',
  'GET /api/regions/{code}/departments': 'listDepartments',
  'GET /api/plans': 'listPlans',
  'GET /api/facts': 'listFacts',
  'GET /api/commitments': 'listCommitments',
  'POST /api/commitments': 'createCommitment',
  'GET /api/commitments/summary': 'summarizeCommitments',
  'GET /api/commitments/{id}': 'getCommitment',
  'PATCH /api/commitments/{id}': 'updateCommitment',
  'GET /api/projects': 'listProjects',
  'POST /api/projects': 'createProject',
  'PATCH /api/projects/{id}': 'updateProject',
  'POST /api/projects/import': 'importProjects',
  'GET /api/indicators': 'listIndicators',
  'PUT /api/indicators': 'saveIndicator',
  'POST /api/indicators/import': 'importIndicators',
  'GET /api/indicators/peers': 'listIndicatorPeers',
  'POST /api/auth/login': 'login',
  'POST /api/auth/logout': 'logout',
  'GET /api/auth/me': 'getMe',
  'GET /api/auth/session': 'getSession',
  'POST /api/auth/password': 'changePassword',
  'POST /api/users': 'createUser',
  'GET /api/users': 'listUsers',
  'POST /api/users/{id}/reset-password': 'resetPassword',
  'PATCH /api/users/{id}': 'setUserActive',
  'GET /api/tokens': 'listTokens',
  'POST /api/tokens': 'createToken',
  'DELETE /api/tokens/{id}': 'revokeToken',
  'POST /api/commitments/{id}/assign': 'assignCommitment',
  'POST /api/commitments/assign': 'bulkAssign',
  'POST /api/commitments/{id}/acknowledge': 'acknowledgeCommitment',
  'GET /api/commitments/{id}/work-plan': 'getWorkPlan',
  'POST /api/commitments/{id}/request-close': 'requestClose',
  'POST /api/commitments/{id}/transitions/{action}': 'transitionCommitment',
  'POST /api/commitments/{id}/change-requests': 'fileChangeRequest',
  'GET /api/commitments/{id}/change-requests': 'listCommitmentChangeRequests',
  'GET /api/change-requests': 'listChangeRequests',
  'POST /api/change-requests/{id}/decision': 'decideChangeRequest',
  'POST /api/commitments/{id}/publish': 'publishCommitment',
  'GET /api/drafts': 'listDrafts',
  'POST /api/commitments/{id}/confirm': 'confirmDraft',
  'POST /api/commitments/{id}/discard': 'discardDraft',
  'POST /api/commitments/{id}/subtasks': 'splitCommitment',
  'PUT /api/commitments/{id}/milestones': 'setMilestones',
  'GET /api/commitments/{id}/schedule': 'getSchedule',
  'POST /api/commitments/{id}/instructions': 'recordInstruction',
  'GET /api/commitments/{id}/instructions': 'listInstructions',
  'POST /api/instructions/{id}/replies': 'replyToInstruction',
  'GET /api/notifications': 'listNotifications',
  'GET /api/period-locks': 'listPeriodLocks',
  'POST /api/period-locks': 'lockPeriod',
  'POST /api/period-locks/unlock': 'unlockPeriod',
  'GET /api/supervision-slips': 'listSupervisionSlips',
  'POST /api/supervision-slips/run': 'runEscalation',
  'GET /api/reminders': 'listDueReminders',
  'GET /api/reminders/sent': 'listSentReminders',
  'POST /api/reminders/send': 'sendReminders',
  'GET /api/assessment': 'assessDepartments',
  'POST /api/commitments/{id}/reports': 'submitReport',
  'GET /api/reports': 'listReports',
  'GET /api/reports/{id}': 'getReport',
  'PATCH /api/reports/{id}': 'editReport',
  'POST /api/reports/{id}/review': 'reviewReport',
  'POST /api/reports/{id}/evidence': 'attachEvidence',
  'DELETE /api/evidence/{id}': 'removeEvidence',
  'GET /api/evidence/{id}': 'downloadEvidence',
  'GET /api/public/commitments': 'listPublicCommitments',
  'GET /api/audit': 'listAudit',
  'GET /api/reports/bulletin': 'downloadBulletin',
  'GET /api/reports/summary': 'downloadYearSummary',
  'GET /api/tasksheets/export': 'exportTaskSheet',
  'POST /api/tasksheets/import': 'importTaskSheet',
  'POST /api/work-reports': 'importWorkReport',
  'GET /api/supervision-slips/{id}/notice': 'getSlipNotice',
  'POST /api/departments': 'createDepartment',
  'PATCH /api/departments/{id}': 'updateDepartment',
  'GET /api/config': 'getConfig',
  'GET /api/jobs': 'listJobs',
  'GET /api/webhooks': 'listWebhooks',
  'POST /api/webhooks': 'createWebhook',
  'DELETE /api/webhooks/{id}': 'deleteWebhook',
  'GET /api/webhooks/{id}/deliveries': 'listWebhookDeliveries',
  'POST /api/webhooks/dispatch': 'dispatchWebhooks',
  'GET /api/departments/{id}/robots': 'getDepartmentRobots',
  'PUT /api/departments/{id}/robots': 'setDepartmentRobots',
  'POST /api/departments/{id}/robots/test': 'testDepartmentRobots',
  'GET /api/robots': 'listRobots',
  'PATCH /api/webhooks/{id}': 'updateWebhook',
  'POST /api/webhooks/{id}/test': 'testWebhook',
  'POST /api/webhooks/{id}/deliveries/{deliveryId}/retry': 'retryWebhookDelivery',
  'GET /api/close-requests': 'listCloseRequests',
  'GET /api/instructions': 'listRegionInstructions',
  'GET /api/districts/compare': 'compareDistricts',
  'GET /api/overview': 'getScopeOverview',
  'POST /api/supervision-slips/{id}/close': 'closeSupervisionSlip',
  'GET /api/honours': 'listHonours',
  'POST /api/honours': 'recordHonour',
  'DELETE /api/honours/{id}': 'removeHonour',
};

/** Summaries for routes that declare none. */
const SUMMARIES: Record<string, string> = {
  getRegion: 'A region with its children, departments and plans (public) / 行政区详情',
  listDepartments: 'Departments of a region (public; e-mail to its office and own reporters only) / 责任单位列表',
  listPlans: 'Annual plans of a region / 年度计划',
  getCommitment: 'A commitment with its evaluation, subtasks and reports / 目标任务详情',
};

/** Success status other than 200. */
const STATUS: Record<string, 201 | 204> = {
  createCommitment: 201, createProject: 201, createUser: 201, createToken: 201, fileChangeRequest: 201, splitCommitment: 201, recordInstruction: 201,
  replyToInstruction: 201, lockPeriod: 201, submitReport: 201, attachEvidence: 201, createWebhook: 201, createDepartment: 201, recordHonour: 201,
  logout: 204, changePassword: 204, discardDraft: 204, unlockPeriod: 204, removeEvidence: 204, deleteWebhook: 204, removeHonour: 204,
};

/** Operations anyone may call without signing in. */
const PUBLIC = new Set(['listRegions', 'getRegion', 'listDepartments', 'listPublicCommitments', 'login', 'getSession', 'listPublicPromiseChecks']);
/** Operations about the caller's own account (no 403, no 404 for a missing thing). */
const SELF = new Set(['logout', 'getMe', 'changePassword', 'listTokens', 'createToken']);

const ERROR_TEXT: Record<number, string> = {
  400: '输入有误 / invalid input or request',
  401: '未登录或凭证无效 / not signed in, or the credential is invalid',
  403: '无权执行 / not allowed for this account',
  404: '不存在或无权查看 / not found (or not yours to see)',
  409: '数据已被他人修改或状态不允许 / version conflict or a state that does not allow it',
  413: '文件过大 / file too large',
  415: '请以 multipart/form-data 上传 / send multipart/form-data',
  429: '尝试过多，请稍后再试 / too many attempts; retry later',
};

/** Marks a 204 answer (no body) until the document is built; see `finishDocument`. */
const NO_CONTENT = { description: '完成，无内容 / done, no content', content: { 'application/json': { schema: z.null() } } };

export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'duban_session', description: '登录后的会话 Cookie / the session cookie set by POST /api/auth/login' },
  csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: '写操作须带上 duban_csrf Cookie 的值 / on writes with the cookie: the value of the duban_csrf cookie' },
  bearer: { type: 'http', scheme: 'bearer', description: '接口令牌（POST /api/tokens）/ an API token from POST /api/tokens' },
} as const;

/** `getApiPromiseChecksDocument` style id for an operation not in OPERATION_IDS. */
export function derivedId(method: string, url: string): string {
  const words = url.replace(/^\/api\//, '').split(/[/{}-]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

export interface RouteDoc {
  method: string | string[];
  url: string;
  schema?: Record<string, unknown>;
}

/**
 * The route's schema with its contract added (for the document only): operationId, summary,
 * security, success and error answers (examples are added to the built document: `finishDocument`).
 */
export function documentRoute(route: RouteDoc): Record<string, unknown> | undefined {
  const schema = route.schema ?? {};
  if (schema.hide) return schema;
  const method = (Array.isArray(route.method) ? route.method[0]! : route.method).toUpperCase();
  const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
  const operationId = (schema.operationId as string | undefined) ?? OPERATION_IDS[`${method} ${path}`] ?? derivedId(method, path);
  const write = method !== 'GET';
  const open = PUBLIC.has(operationId);
  const hasInput = Boolean(schema.body || schema.querystring || schema.params || schema.consumes);
  const codes = [
    ...(hasInput ? [400] : []),
    ...(open ? [] : [401]),
    ...(open || SELF.has(operationId) ? [] : [403]),
    ...(path.includes('{') || (schema.querystring && !SELF.has(operationId)) ? [404] : []),
    ...(write && !open && !SELF.has(operationId) ? [409] : []),
    ...(schema.consumes ? [413, 415] : []),
    // login backoff; public operations are the ones a rate limit guards first
    ...(open || operationId === 'changePassword' ? [429] : []),
  ];
  const status = STATUS[operationId] ?? 200;
  const ok = RESPONSES[operationId];
  const answer = (description: string, body: z.ZodType) => ({ description, content: { 'application/json': { schema: body } } });
  const response: Record<string, unknown> = {
    ...(status === 204
      ? { 204: NO_CONTENT }
      : FILES[operationId]
        ? { 200: { description: `${schema.summary ?? 'OK'}`, content: Object.fromEntries(FILES[operationId]!.map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }])) } }
        : {
            [status]: answer(`${schema.summary ?? SUMMARIES[operationId] ?? 'OK'}`, ok ?? z.unknown()),
            // a first import answers 201, the same file again 200
            ...(operationId === 'importWorkReport' && ok ? { 201: answer('已导入，新建草稿 / imported: drafts created', ok) } : {}),
          }),
    ...Object.fromEntries(codes.map((c) => [c, answer(ERROR_TEXT[c]!, ErrorBody)])),
  };
  if (schema.body instanceof z.ZodType) REQUEST_BODIES.set(operationId, schema.body);
  return {
    ...schema,
    operationId,
    summary: schema.summary ?? SUMMARIES[operationId],
    security: open ? [] : write ? [{ session: [], csrf: [] }, { bearer: [] }] : [{ session: [] }, { bearer: [] }],
    response,
  };
}

/** `servers` of the document: DUBAN_PUBLIC_URL (comma-separated) when set, else the origin serving it. */
export function serversFromEnv(env: NodeJS.ProcessEnv = process.env): { url: string; description: string }[] {
  const urls = (env.DUBAN_PUBLIC_URL ?? '').split(',').map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean);
  return urls.length ? urls.map((url) => ({ url, description: '督办系统 / duban' })) : [{ url: '/', description: '提供本文档的服务器 / the server serving this document' }];
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, { operationId?: string; requestBody?: { content?: unknown }; responses?: Record<string, { content?: unknown; description?: string }> }>>;
  [key: string]: unknown;
}

/**
 * The built document, tidied: 204 answers carry no content; the main operations carry examples; `nullable` gets its `type` (OpenAPI
 * 3.0); components nothing refers to (the request
 * copies of the named answer schemas) are left out.
 */
export function finishDocument<T extends OpenApiDocument>(doc: T): T {
  for (const ops of Object.values(doc.paths ?? {})) for (const op of Object.values(ops)) if (op.responses?.['204']) op.responses['204'] = { description: NO_CONTENT.description };
  // examples of the main operations, on their JSON request body and success answer (media-type examples)
  for (const ops of Object.values(doc.paths ?? {})) for (const op of Object.values(ops)) {
    const examples = EXAMPLES[op.operationId ?? ''];
    if (!examples) continue;
    const json = (x: { content?: unknown } | undefined) => (x?.content as Record<string, Record<string, unknown>> | undefined)?.['application/json'];
    const request = json(op.requestBody);
    if (examples.request && request) request.examples = examples.request;
    const success = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1];
    if (examples.response && json(success)) json(success)!.examples = examples.response;
  }
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    // a nullable named object (`allOf: [{ $ref }]`) says its type; a nullable unknown is just unknown
    if (o.nullable === true && !('type' in o)) {
      if (Array.isArray(o.allOf) && o.allOf.length === 1) o.type = 'object';
      else delete o.nullable;
    }
    Object.values(o).forEach(walk);
  };
  walk(doc);
  const schemas = (doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas;
  if (schemas) {
    // drop unused ones until none is left (a schema used only by an unused one goes too)
    for (let changed = true; changed; ) {
      changed = false;
      const text = JSON.stringify(doc);
      for (const name of Object.keys(schemas)) if (!text.includes(`"#/components/schemas/${name}"`)) {
        delete schemas[name];
        changed = true;
      }
    }
  }
  return doc;
}

/** The schema the document gives an operation's success answer (tests check real answers against it). */
export const documentedAnswer = (operationId: string): z.ZodType | undefined => RESPONSES[operationId];

/** JSON request bodies by operationId, as routes declared them (filled while the document is built). */
const REQUEST_BODIES = new Map<string, z.ZodType>();
/** The schema of an operation's JSON request body (after the document was built once). */
export const documentedRequest = (operationId: string): z.ZodType | undefined => REQUEST_BODIES.get(operationId);
