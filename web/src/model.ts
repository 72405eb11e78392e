/** Shapes of what the API returns, from the domain types (type-only imports: nothing bundled). */
import type { Commitment, Department, Evidence, IndicatorValue, Plan, ProgressReport, Project, Region, Status } from '../../src/domain/types.ts';
export type { Commitment, Department, Evidence, IndicatorValue, Plan, ProgressReport, Project, Region, Status };

export interface Evaluation {
  completionRate: number | null;
  expectedProgress: number;
  lag: number | null;
  status: Status;
  overdue: boolean;
  latestValue: string | null;
  latestPeriod: string | null;
  missingPeriods: string[];
  measuredAt: string;
}
export interface EvaluatedCommitment extends Commitment {
  evaluation: Evaluation;
  subtaskCount: number;
}
export interface CommitmentDetail extends EvaluatedCommitment {
  subtasks: EvaluatedCommitment[];
  reports: ProgressReport[];
}
export interface SummaryGroup {
  key: string;
  total: number;
  byStatus: Record<Status, number>;
  overdue: number;
  averageCompletion: number | null;
}
export interface Summary {
  total: SummaryGroup;
  bySector: SummaryGroup[];
  byDepartment: SummaryGroup[];
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
