/** The writable fields of a commitment, as the API and importers send them. */
import { z } from 'zod';
import { Comparator, CommitmentKind, DecimalString, IsoDate, Milestone, patchOf, ReportingFrequency, Uuid } from '../../domain/types.ts';

export const CommitmentFields = z.object({
  title: z.string().trim().min(1).max(500).describe('标题'),
  sector: z.string().max(50).default('').describe('领域/章节'),
  kind: CommitmentKind.default('quantitative'),
  livelihood: z.boolean().default(false).describe('民生实事'),
  targetValue: DecimalString.nullable().default(null).describe('目标值'),
  targetValueMax: DecimalString.nullable().default(null),
  unit: z.string().max(20).nullable().default(null).describe('单位'),
  comparator: Comparator.nullable().default(null),
  baselineValue: DecimalString.nullable().default(null).describe('基数'),
  startDate: IsoDate,
  deadline: IsoDate,
  leadDepartmentId: Uuid.nullable().default(null).describe('牵头单位'),
  coDepartmentIds: z.array(Uuid).default([]).describe('配合单位'),
  responsibleLeader: z.string().max(50).nullable().default(null).describe('责任领导'),
  milestones: z.array(Milestone.extend({ id: Uuid.optional() })).default([]).describe('节点'),
  weight: z.number().positive().default(1),
  reportingFrequency: ReportingFrequency.default('monthly'),
  published: z.boolean().default(false),
});

export const CreateCommitmentInput = CommitmentFields.extend({
  planId: Uuid,
  parentId: Uuid.nullable().default(null),
});
export type CreateCommitmentInput = z.input<typeof CreateCommitmentInput>;

/** Any subset of the fields (no defaults: a field left out stays as it is), plus the version read. */
export const UpdateCommitmentInput = patchOf(CommitmentFields).extend({
  version: z.number().int().describe('the version read; a stale one gets 409 / 版本号'),
});
export type UpdateCommitmentInput = z.input<typeof UpdateCommitmentInput>;
