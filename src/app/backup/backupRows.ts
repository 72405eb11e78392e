/**
 * The rules every row of a backup must meet before `duban restore` writes any of it (issue #11
 * item 14): the schemas the API validates input with (src/domain/types.ts and the use cases'
 * input schemas), the rules the use cases add (a reporter belongs to a department of its region,
 * nobody else to one), and the audit trail's word on each account (an account's role, region and
 * department are those its last audited creation or change recorded: an edited role is refused
 * even when the hash chain is intact). The database's own constraints (keys, foreign keys,
 * checks) apply on insert as well. Pure: no I/O.
 */
import { z } from 'zod';
import {
  AuditEvent, ChangeRequest, HonourLevel, ChangeRequestState, Commitment, Department, DecimalString, Evidence, EscalationLevel, IndicatorValue, IsoDate,
  Period, Plan, ProgressReport, Project, RecordedFact, Region, RegionCode, STATUSES, SupervisionSlip, User, Uuid, WorkReport,
} from '../../domain/types.ts';
import { PROMISE_STATUSES } from '../../domain/reconcile.ts';
import { CommitmentFields } from '../commitments/input.ts';
import { DepartmentInput } from '../departments/saveDepartment.ts';
import { IndicatorFields, ProjectFields } from '../economy/input.ts';
import { InstructionInput } from '../instructions/recordInstruction.ts';
import { ReplyInput } from '../instructions/replyToInstruction.ts';
import { WorkPlan } from '../lifecycle/acknowledgeCommitment.ts';
import { PromiseCheckInput } from '../reconcile/confirmPromiseCheck.ts';
import { RobotsInput } from '../reminders/robots.ts';
import { CreateUserInput } from '../users/input.ts';
import { WebhookEvent, WebhookInput } from '../webhooks/webhooks.ts';
import { HonourInput } from '../honours/recordHonour.ts';

/** An instant as the database exports it (ISO 8601 with Z or an offset). */
const Instant = z.iso.datetime({ offset: true });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 in hex / 十六进制 SHA-256');
const Count = z.number().int().nonnegative();
const Version = z.number().int().positive();
const Id = z.number().int().positive();
const Text = z.string().min(1);
const Url = RobotsInput.shape.wecom.unwrap().unwrap().shape.url;

/** One schema per table, over the row's fields in camelCase; every column is named (a test checks). */
/** The counts of a kept summary group (region_summary_group, scope_summary). */
const SUMMARY_COUNTS = {
  total: Count, notStarted: Count, onTrack: Count, lagging: Count, seriouslyLagging: Count, completed: Count, exceeded: Count,
  overdue: Count, reportOverdue: Count, deadlineOverdue: Count, rateSum: z.number(), rateCount: Count, done: Count,
};

export const BACKUP_ROW_SCHEMAS: Record<string, z.ZodObject> = {
  region: Region,
  department: Department.extend({ name: DepartmentInput.shape.name, shortName: DepartmentInput.shape.shortName, email: DepartmentInput.shape.email }),
  app_user: User.extend({
    username: CreateUserInput.shape.username,
    displayName: CreateUserInput.shape.displayName,
    passwordHash: z.string().min(1).nullable(),
    mustChangePassword: z.boolean(),
    failedLogins: Count,
    lockedUntil: Instant.nullable(),
    createdAt: Instant,
    active: z.boolean(),
    version: Version,
    passwordChangedAt: Instant.nullable(),
  }),
  user_session: z.object({
    id: Uuid, regionCode: RegionCode, userId: Uuid, tokenHash: Text, csrfToken: Text, clientAddress: z.string().nullable(),
    createdAt: Instant, lastSeenAt: Instant, expiresAt: Instant,
  }),
  api_token: z.object({
    id: Uuid, regionCode: RegionCode, userId: Uuid, name: Text, tokenHash: Text, createdAt: Instant, lastUsedAt: Instant.nullable(), revokedAt: Instant.nullable(),
  }),
  idempotency_key: z.object({ regionCode: RegionCode, userId: Uuid, key: Text, requestHash: Text, response: z.unknown(), createdAt: Instant }),
  login_failure: z.object({ regionCode: RegionCode, kind: z.enum(['login', 'password']), keyHash: Sha256, failures: z.number().int().positive(), lastFailedAt: Instant }),
  work_report: WorkReport.extend({ sha256: Sha256, createdAt: Instant }),
  plan: Plan,
  commitment: Commitment.extend({
    title: CommitmentFields.shape.title,
    unit: CommitmentFields.shape.unit,
    confirmedAt: Instant.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  }),
  progress_report: ProgressReport.omit({ evidence: true }).extend({
    idempotencyKey: z.string().nullable(),
    submittedAt: Instant.nullable(),
    reviewedAt: Instant.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  }),
  progress_report_history: z.object({
    id: Id, regionCode: RegionCode, reportId: Uuid, version: Version, snapshot: z.record(z.string(), z.unknown()), replacedBy: Uuid.nullable(), replacedAt: Instant,
  }),
  evidence: Evidence.extend({
    regionCode: RegionCode, reportId: Uuid, sha256: Sha256, data: z.object({ $base64: z.base64() }), createdAt: Instant,
  }),
  project: Project.extend({ year: ProjectFields.shape.year, name: ProjectFields.shape.name }),
  indicator_value: IndicatorValue.extend({
    indicator: IndicatorFields.shape.indicator,
    value: IndicatorFields.shape.value,
    unit: IndicatorFields.shape.unit,
    yoyGrowth: IndicatorFields.shape.yoyGrowth,
    version: Version,
  }),
  recorded_fact: RecordedFact,
  audit_event: AuditEvent.extend({ id: Id, at: Instant, chainSeq: Id, prevHash: Sha256.or(z.literal('')), hash: Sha256 }),
  audit_chain: z.object({ regionCode: RegionCode, lastSeq: Count, lastHash: Sha256.or(z.literal('')) }),
  work_plan: z.object({
    commitmentId: Uuid, regionCode: RegionCode, departmentId: Uuid, ...WorkPlan.shape, filedBy: Uuid.nullable(), filedAt: Instant,
  }),
  close_request: z.object({
    id: Uuid, regionCode: RegionCode, commitmentId: Uuid, summary: Text, evidenceIds: z.array(Uuid), state: ChangeRequestState,
    requestedBy: Uuid.nullable(), requestedAt: Instant, decidedBy: Uuid.nullable(), decidedAt: Instant.nullable(), decisionComment: z.string().nullable(),
  }),
  change_request: ChangeRequest.extend({ requestedAt: Instant, decidedAt: Instant.nullable() }),
  instruction: z.object({
    id: Uuid, regionCode: RegionCode, commitmentId: Uuid, leaderName: InstructionInput.shape.leaderName, text: InstructionInput.shape.text,
    issuedOn: IsoDate, createdBy: Uuid.nullable(), createdAt: Instant,
  }),
  instruction_reply: z.object({
    id: Uuid, regionCode: RegionCode, instructionId: Uuid, departmentId: Uuid.nullable(), text: ReplyInput.shape.text, createdBy: Uuid.nullable(), createdAt: Instant,
  }),
  notification: z.object({
    id: Uuid, regionCode: RegionCode, departmentId: Uuid.nullable(), kind: Text, entity: Text, entityId: Text, message: z.string(), createdAt: Instant, readAt: Instant.nullable(),
  }),
  period_lock: z.object({ regionCode: RegionCode, period: Period, lockedBy: Uuid.nullable(), lockedAt: Instant }),
  supervision_slip: SupervisionSlip,
  reminder: z.object({
    id: Uuid, regionCode: RegionCode, departmentId: Uuid.nullable(), kind: EscalationLevel.extract(['dueSoon', 'urge']), asOf: IsoDate, channel: Text,
    recipient: z.string().nullable(), items: z.array(z.unknown()), status: z.enum(['sent', 'failed']), attempts: Count, error: z.string().nullable(), sentAt: Instant,
  }),
  job_run: z.object({
    job: Text, regionCode: RegionCode, day: IsoDate, status: z.enum(['running', 'succeeded', 'failed']), attempts: Count, instance: Text, startedAt: Instant,
    finishedAt: Instant.nullable(), leaseUntil: Instant, retryAt: Instant.nullable(), result: z.unknown(), error: z.string().nullable(),
  }),
  region_summary: z.object({ regionCode: RegionCode, dirty: z.boolean(), generation: Count, asOf: IsoDate.nullable(), configHash: z.string().nullable(), version: Count, storedGeneration: Count, listsStale: z.boolean() }),
  region_summary_group: z.object({
    regionCode: RegionCode, planId: Uuid, kind: z.enum(['total', 'sector', 'livelihood', 'department']), key: z.string(), ...SUMMARY_COUNTS,
  }),
  scope_summary: z.object({ scope: z.string().regex(/^[0-9a-f]{64}$/), regionCode: RegionCode, version: Count, kind: z.enum(['total', 'sector']), key: z.string(), ...SUMMARY_COUNTS }),
  region_summary_item: z.object({ regionCode: RegionCode, planId: Uuid, commitmentId: Uuid, behind: z.boolean(), overdue: z.boolean(), lag: z.number().nullable(), item: z.record(z.string(), z.unknown()) }),
  region_summary_trend: z.object({ regionCode: RegionCode, planId: Uuid, monthEnd: IsoDate, total: Count, behind: Count, rateSum: z.number(), rateCount: Count }),
  region_summary_commitment: z.object({
    regionCode: RegionCode, commitmentId: Uuid, planId: Uuid, sector: z.string(), lead: z.union([Uuid, z.literal('')]), livelihood: z.boolean(), status: z.enum(STATUSES),
    overdue: z.boolean(), reportOverdue: z.boolean(), deadlineOverdue: z.boolean(), done: z.boolean(), rate: z.number().min(0).max(100).nullable(),
  }),
  region_summary_mark: z.object({ regionCode: RegionCode, commitmentId: Uuid }),
  scope_summary_trend: z.object({ scope: Sha256, regionCode: RegionCode, version: Count, monthEnd: IsoDate, total: Count, behind: Count, rateSum: z.number(), rateCount: Count }),
  scope_summary_item: z.object({ scope: Sha256, regionCode: RegionCode, version: Count, list: z.enum(['behind', 'overdue']), position: Version, item: z.record(z.string(), z.unknown()) }),
  webhook: z.object({
    id: Uuid, regionCode: RegionCode, url: WebhookInput.shape.url, secret: Text, events: z.array(WebhookEvent), active: z.boolean(),
    description: WebhookInput.shape.description, createdBy: Uuid.nullable(), createdAt: Instant, version: Version, removedAt: Instant.nullable(),
  }),
  webhook_event: z.object({
    // a test delivery's event (ping) comes from no audit event (migration 028)
    id: Uuid, regionCode: RegionCode, type: z.union([WebhookEvent, z.literal('ping')]), entity: Text, entityId: Text, auditId: Id.nullable(), data: z.unknown(), occurredAt: Instant,
  }),
  webhook_delivery: z.object({
    id: Uuid, regionCode: RegionCode, webhookId: Uuid, eventId: Uuid, status: z.enum(['pending', 'delivered', 'failed']), attempts: Count,
    nextAttemptAt: Instant, lastAttemptAt: Instant.nullable(), lastError: z.string().nullable(), deliveredAt: Instant.nullable(), createdAt: Instant,
  }),
  honour: z.object({
    id: Uuid, regionCode: RegionCode, year: HonourInput.shape.year, title: HonourInput.shape.title, level: HonourLevel,
    recipient: z.string().trim().min(1).max(100).nullable(), sector: z.string().trim().min(1).max(50).nullable(), awardedBy: z.string().trim().min(1).max(100).nullable(),
    createdBy: Uuid.nullable(), createdAt: Instant,
  }),
  department_robot: z.object({
    departmentId: Uuid, regionCode: RegionCode, dingtalkUrl: Url.nullable(), dingtalkSecret: z.string().min(1).max(200).nullable(), wecomUrl: Url.nullable(), updatedAt: Instant,
  }),
  promise_check: z.object({
    regionCode: RegionCode, commitmentId: Uuid, status: z.enum(PROMISE_STATUSES), statedValue: DecimalString.nullable(), source: PromiseCheckInput.shape.source,
    setsYearEnd: z.boolean(), note: PromiseCheckInput.shape.note, confirmedBy: Uuid.nullable(), confirmedAt: Instant, version: Version,
  }),
};

/** What is wrong with one row: its table, its place in the backup's list (from 1), the column and why. */
export interface RowProblem {
  table: string;
  row: number;
  /** the row's key (id, or its primary key columns) as the backup writes it */
  key: string;
  column: string;
  problem: string;
}

const camelName = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snakeName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
type Row = Record<string, unknown>;

function keyOf(row: Row): string {
  if (row.id !== undefined) return String(row.id);
  return ['scope', 'region_code', 'plan_id', 'commitment_id', 'department_id', 'user_id', 'kind', 'key', 'period', 'job', 'day']
    .filter((c) => row[c] !== undefined)
    .map((c) => String(row[c]))
    .join('/');
}

/** The rules of the use cases that a schema cannot say alone (one row, or rows of other tables). */
function ruleProblems(tables: Record<string, Row[]>, add: (table: string, index: number, column: string, problem: string) => void): void {
  const departments = new Map((tables.department ?? []).map((d) => [String(d.id), d]));
  // what the audit trail last recorded of each account (creation and changes carry role, region, department)
  const recorded = new Map<string, Row>();
  const events = [...(tables.audit_event ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
  for (const e of events) {
    const after = e.after as Row | null;
    if (e.entity === 'user' && after && typeof after === 'object' && 'role' in after) recorded.set(String(e.entity_id), after);
  }
  (tables.app_user ?? []).forEach((u, i) => {
    if (u.role === 'reporter' && u.department_id == null) add('app_user', i, 'department_id', '填报员须指定所属单位 / a reporter needs a department');
    if (u.role !== 'reporter' && u.department_id != null) add('app_user', i, 'department_id', '只有填报员属于单位 / only reporters belong to a department');
    const d = u.department_id == null ? undefined : departments.get(String(u.department_id));
    if (u.department_id != null && d && d.region_code !== u.region_code) add('app_user', i, 'department_id', '所属单位不属于本行政区 / the department belongs to another region');
    const was = recorded.get(String(u.id));
    if (!was) return;
    for (const [column, field] of [['role', 'role'], ['region_code', 'regionCode'], ['department_id', 'departmentId']] as const) {
      if ((u[column] ?? null) !== (was[field] ?? null))
        add('app_user', i, column, `与留痕记录不符（留痕为 ${JSON.stringify(was[field] ?? null)}）/ differs from the audit trail, which records ${JSON.stringify(was[field] ?? null)}`);
    }
  });
  (tables.commitment ?? []).forEach((c, i) => {
    if (typeof c.start_date === 'string' && typeof c.deadline === 'string' && c.deadline < c.start_date) add('commitment', i, 'deadline', '截止日期早于开始日期 / the deadline is before the start');
    if (c.comparator === 'range' && c.target_value_max == null) add('commitment', i, 'target_value_max', '区间目标须有上限 / a range needs its upper bound');
  });
}

/**
 * Every problem of the backup's rows (empty: all rows meet the rules). `tables` is the backup's
 * table → rows; tables without a schema here are left to the database (restore refuses unknown ones).
 */
export function backupRowProblems(tables: Record<string, unknown>): RowProblem[] {
  const problems: RowProblem[] = [];
  const rows: Record<string, Row[]> = {};
  for (const [table, list] of Object.entries(tables)) {
    if (!Array.isArray(list)) {
      problems.push({ table, row: 0, key: '', column: '', problem: '不是行的列表 / not a list of rows' });
      continue;
    }
    // the rules across rows see a non-row as an empty row (it is reported below)
    rows[table] = list.map((r: unknown) => (r && typeof r === 'object' && !Array.isArray(r) ? (r as Row) : {}));
    const schema = BACKUP_ROW_SCHEMAS[table];
    list.forEach((row: unknown, i) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) {
        problems.push({ table, row: i + 1, key: '', column: '', problem: '不是一行数据 / not a row' });
        return;
      }
      if (!schema) return;
      const fields = Object.fromEntries(Object.entries(row as Row).map(([k, v]) => [camelName(k), v]));
      const r = schema.safeParse(fields);
      if (!r.success) {
        for (const issue of r.error.issues) {
          problems.push({ table, row: i + 1, key: keyOf(row as Row), column: snakeName(String(issue.path[0] ?? '')), problem: issue.message });
        }
      }
    });
  }
  ruleProblems(rows, (table, index, column, problem) => problems.push({ table, row: index + 1, key: keyOf(rows[table]![index]!), column, problem }));
  return problems;
}
