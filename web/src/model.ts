/**
 * Shapes of what the API returns: the types generated from its OpenAPI document (api.gen.ts, made
 * by `npm run gen:api`; a test checks it matches the served document). Type-only: nothing bundled.
 */
import type { components, operations } from './api.gen.ts';

export type Schemas = components['schemas'];
/** `{ error: { code, zh, en } }`: every 4xx and 5xx answer; read as Partial, since a proxy in between may answer something else */
export type ErrorBody = Schemas['Error'];
export type Commitment = Schemas['Commitment'];
export type EvaluatedCommitment = Schemas['EvaluatedCommitment'];
export type Evaluation = Schemas['Evaluation'];
export type Status = Evaluation['status'];
export type ProgressReport = Schemas['ProgressReport'];
export type Evidence = ProgressReport['evidence'][number];
export type Region = Schemas['Region'];
export type Department = Schemas['Department'];
export type Plan = Schemas['Plan'];
export type Project = Schemas['Project'];
export type IndicatorValue = Schemas['IndicatorValue'];
export type SessionUser = Schemas['SessionUser'];
export type AuditEntry = Schemas['AuditEvent'];
export type CloseRequestItem = Schemas['CloseRequest'];
export type Account = Schemas['Account'];
export type ApiToken = Schemas['ApiToken'];
export type RegionInstruction = Schemas['RegionInstruction'];
export type InstructionReply = Schemas['InstructionReply'];
export type PromiseRow = Schemas['PromiseRow'];
export type PromiseStatus = PromiseRow['status'];
export type PromiseReport = Answer<'listPromiseChecks'>;
export type Job = Schemas['Job'];
export type Webhook = Schemas['Webhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type DepartmentRobots = Schemas['DepartmentRobots'];
export type RegionRobot = Answer<'listRobots'>['items'][number];
export type RobotTest = Answer<'testDepartmentRobots'>;
export type CommitmentInstruction = Answer<'listInstructions'>['items'][number];

/** The JSON an operation answers with on success (200 or 201). */
export type Answer<K extends keyof operations> = operations[K]['responses'] extends infer R
  ? R extends { 200: { content: { 'application/json': infer T } } } ? T
  : R extends { 201: { content: { 'application/json': infer T } } } ? T
  : never
  : never;

export type CommitmentDetail = Answer<'getCommitment'>;
export type RegionDetail = Answer<'getRegion'>;
export type AllowedActions = CommitmentDetail['allowed'];
export type ChangeRequest = Schemas['ChangeRequest'];
export type Summary = Answer<'summarizeCommitments'>;
export type SummaryGroup = Schemas['SummaryGroup'];
export type DistrictComparison = Schemas['DistrictComparison'];
export type DistrictRow = Schemas['DistrictRow'];
export type WorkPlan = Schemas['WorkPlan'];
export type SupervisionSlip = Schemas['SupervisionSlip'];
export type SlipRecord = Schemas['SlipRecord'];
export type DueReminder = Schemas['DueReminder'];
export type ReminderRecord = Schemas['ReminderRecord'];
export type RankedDepartment = Schemas['RankedDepartment'];
export type ScorePart = RankedDepartment['parts']['completion'];
export type Claim = Schemas['Claim'];
export type ImportWorkReportResult = Answer<'importWorkReport'>;
export type IndicatorPeers = Answer<'listIndicatorPeers'>;
export type SupervisionConfig = Schemas['SupervisionConfig'];
export type PeriodLock = Answer<'listPeriodLocks'>['items'][number];
export type ListedReport = Schemas['ListedReport'];
