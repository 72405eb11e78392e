/**
 * Test data builders for domain objects (used by tests beside the domain modules and by the store's
 * tests): sensible defaults, override what the test is about.
 */
import { randomUUID } from 'node:crypto';
import type { Commitment, Milestone, ProgressReport } from './types.ts';

/** A department id shared by default commitments and reports (the lead department). */
export const LEAD_DEPT = '00000000-0000-4000-8000-00000000000a';
/** A co-department id. */
export const CO_DEPT = '00000000-0000-4000-8000-00000000000b';

/** A quantitative 2024 commitment (≥ 3500 人, monthly reports, lead LEAD_DEPT, in progress). */
export function buildCommitment(overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: randomUUID(),
    regionCode: '140802',
    planId: '00000000-0000-4000-8000-000000000001',
    parentId: null,
    title: '城镇新增就业3500人以上',
    sector: '民生保障',
    kind: 'quantitative',
    livelihood: false,
    targetValue: '3500',
    targetValueMax: null,
    unit: '人',
    comparator: 'gte',
    baselineValue: null,
    startDate: '2024-01-01',
    deadline: '2024-12-31',
    assignedOn: null,
    leadDepartmentId: LEAD_DEPT,
    coDepartmentIds: [CO_DEPT],
    responsibleLeader: null,
    milestones: [],
    weight: 1,
    reportingFrequency: 'monthly',
    state: 'inProgress',
    published: false,
    source: null,
    version: 1,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

/** An accepted lead-department report for `period` with a cumulative value. */
export function buildReport(period: string, cumulativeValue: string | null, overrides: Partial<ProgressReport> = {}): ProgressReport {
  return {
    id: randomUUID(),
    regionCode: '140802',
    commitmentId: '00000000-0000-4000-8000-000000000002',
    departmentId: LEAD_DEPT,
    period,
    cumulativeValue,
    milestonesDone: [],
    narrative: '',
    evidence: [],
    state: 'accepted',
    submittedBy: null,
    submittedAt: null,
    reviewerId: null,
    reviewComment: null,
    reviewedAt: null,
    version: 1,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

/** A milestone with weight 1, open unless `doneDate` is given. */
export function buildMilestone(title: string, dueDate: string, doneDate: string | null = null, weight = 1): Milestone {
  return { id: randomUUID(), title, dueDate, weight, doneDate };
}
