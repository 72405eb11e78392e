/** The writable fields of 重点项目 and 经济指标 values, as the API and the importers send them. */
import { z } from 'zod';
import { DecimalString, IsoDate, patchOf, Period, PeriodType, ProjectStage, RegionCode, Uuid } from '../../domain/types.ts';

export const ProjectFields = z.object({
  year: z.number().int().min(1949).max(2200).describe('年度'),
  name: z.string().trim().min(1).max(200).describe('项目名称'),
  leadDepartmentId: Uuid.nullable().default(null).describe('牵头单位'),
  totalInvestment: DecimalString.default('0').describe('总投资（万元）'),
  plannedInvestmentYear: DecimalString.default('0').describe('年度计划投资（万元）'),
  completedInvestmentYear: DecimalString.default('0').describe('年度完成投资（万元）'),
  stage: ProjectStage.default('planning').describe('阶段'),
  stageDates: z.partialRecord(ProjectStage, IsoDate).default({}),
});
export const CreateProjectInput = ProjectFields.extend({ regionCode: RegionCode });
export type CreateProjectInput = z.input<typeof CreateProjectInput>;
/** Any subset of the fields (a field left out stays as it is), plus the version read. */
export const UpdateProjectInput = patchOf(ProjectFields).extend({ version: z.number().int() });
export type UpdateProjectInput = z.input<typeof UpdateProjectInput>;

/**
 * A unit as written (亿元, %, 个, 万平方米). The placeholders a broken export writes for an empty
 * cell (null, undefined, NaN, N/A, -) are not units, nor are control characters.
 */
export const MeasureUnit = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .refine((u) => !/^(null|undefined|nan|none|n\/?a|[-—–]+)$/i.test(u) && !/\p{Cc}/u.test(u), {
    message: '不是计量单位（如 亿元、%、个） / not a unit (e.g. 亿元, %, 个)',
  });

/** A figure: at most 15 digits before the point and 6 after (beyond that it is not a statistic). */
const IndicatorNumber = DecimalString.refine((v) => /^-?\d{1,15}(\.\d{1,6})?$/.test(v), {
  message: '数值过大或小数位过多（整数至多15位、小数至多6位） / too large or too many decimals (at most 15 digits and 6 decimals)',
});

export const IndicatorFields = z.object({
  indicator: z.string().trim().min(1).max(100).describe('指标名称'),
  period: Period.describe('期次'),
  periodType: PeriodType.optional().describe('month/quarter/year; default from the period'),
  cumulative: z.boolean().default(true).describe('累计值'),
  value: IndicatorNumber.nullable().default(null).describe('数值'),
  unit: MeasureUnit.describe('单位'),
  yoyGrowth: z.number().min(-10_000).max(10_000).nullable().default(null).describe('同比增长 %'),
});
export const SaveIndicatorInput = IndicatorFields.extend({
  regionCode: RegionCode,
  version: z.number().int().optional().describe('the version read when changing an existing value / 版本号'),
});
export type SaveIndicatorInput = z.input<typeof SaveIndicatorInput>;

/** The period type a period is written in. */
export const periodTypeOf = (period: string): 'month' | 'quarter' | 'year' => (period.includes('-Q') ? 'quarter' : period.length === 4 ? 'year' : 'month');

/**
 * Why a stored indicator value cannot be written into a document (a row stored before these rules,
 * or restored), or null when it can: the same rules as on write.
 */
export function indicatorProblem(v: { indicator: string; period: string; value: string | null; unit: string; yoyGrowth: number | null; cumulative: boolean }): string | null {
  const r = IndicatorFields.safeParse({ indicator: v.indicator, period: v.period, value: v.value, unit: v.unit, yoyGrowth: v.yoyGrowth, cumulative: v.cumulative });
  return r.success ? null : r.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`).join('; ');
}
