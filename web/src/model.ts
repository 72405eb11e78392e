/** Shapes of what the API returns, from the domain types (type-only imports: nothing bundled). */
import type { Commitment, Department, Evidence, IndicatorValue, Plan, ProgressReport, Project, Region, Status } from '../../src/domain/types.ts';
export type { Commitment, Department, Evidence, IndicatorValue, Plan, ProgressReport, Project, Region, Status };

export type { Evaluation } from '../../src/domain/progress.ts';
export type { EvaluatedCommitment } from '../../src/app/evaluatedCommitments.ts';
export type { Summary, SummaryGroup } from '../../src/app/summary.ts';
import type { EvaluatedCommitment } from '../../src/app/evaluatedCommitments.ts';

export interface CommitmentDetail extends EvaluatedCommitment {
  subtasks: EvaluatedCommitment[];
  reports: ProgressReport[];
}
export interface RegionDetail extends Region {
  children: Region[];
  departments: Department[];
  plans: Plan[];
}
export interface SessionUser {
  id: string;
  regionCode: string;
  username: string;
  displayName: string;
  role: 'admin' | 'reporter' | 'leader' | 'public';
  departmentId: string | null;
  mustChangePassword?: boolean;
}
export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: string;
}
