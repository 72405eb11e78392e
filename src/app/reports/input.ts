/** What a department sends for a period, and what the office decides. */
import { z } from 'zod';
import { DecimalString, Period, Uuid } from '../../domain/types.ts';

const Fields = {
  /** 累计完成值 in the commitment's unit, since the window start */
  cumulativeValue: DecimalString.nullable().describe('累计完成值 (cumulative, in the commitment\'s unit)'),
  /** milestones the department reports done */
  milestonesDone: z.array(Uuid).max(200).describe('已完成节点'),
  /** what was done, in prose */
  narrative: z.string().trim().max(5000).describe('进展情况'),
};

export const SubmitReportInput = z.object({
  period: Period.describe('期次: 2024-03, 2024-Q1, 2024-W05'),
  cumulativeValue: Fields.cumulativeValue.default(null),
  milestonesDone: Fields.milestonesDone.default([]),
  narrative: Fields.narrative.default(''),
  /** keep as a draft (编辑中) instead of submitting for review */
  draft: z.boolean().default(false).describe('save as draft / 暂存'),
});
export type SubmitReportInput = z.input<typeof SubmitReportInput>;

export const EditReportInput = z.object({
  cumulativeValue: Fields.cumulativeValue.optional(),
  milestonesDone: Fields.milestonesDone.optional(),
  narrative: Fields.narrative.optional(),
  /** submit (or resubmit a returned report) for review */
  submit: z.boolean().default(false).describe('submit for review / 提交审核'),
  version: z.number().int().describe('the version read; a stale one gets 409 / 版本号'),
});
export type EditReportInput = z.input<typeof EditReportInput>;

export const ReviewReportInput = z.object({
  decision: z.enum(['accept', 'return']).describe('accept 通过 / return 退回'),
  /** required when returning: what to fix */
  comment: z.string().trim().max(2000).default('').describe('审核意见'),
  version: z.number().int().describe('the version read; a stale one gets 409 / 版本号'),
});
export type ReviewReportInput = z.input<typeof ReviewReportInput>;
