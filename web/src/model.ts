/**
 * Shapes of what the API returns: the types generated from its OpenAPI document (api.gen.ts, made
 * by `npm run gen:api`; a test checks it matches the served document). Type-only: nothing bundled.
 */
import type { components, operations } from './api.gen.ts';

type Schemas = components['schemas'];
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

// not (yet) described by the document: computed on the client from the lists above
export type { Summary, SummaryGroup } from '../../src/app/summary.ts';

// the workbenches' lists and the detail page's permissions, typed from the use cases that answer them
export type { AllowedActions } from '../../src/app/workflow/allowedActions.ts';
export type { ListedReport } from '../../src/app/reports/listRegionReports.ts';
export type { DueReminder } from '../../src/app/reminders/dueReminders.ts';
export type { ChangeRequest, SupervisionSlip } from '../../src/domain/types.ts';
