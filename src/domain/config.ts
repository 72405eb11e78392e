/**
 * Supervision thresholds and weights (督办参数). Every number the progress, schedule, escalation
 * and assessment rules depend on lives here, never as a literal in those modules, so a region can
 * tune them (e.g. a stricter 滞后 line) without code changes.
 */
import { z } from 'zod';
import { ReportState } from './types.ts';

/**
 * The supervision configuration. Defaults (`DEFAULT_CONFIG`) follow common city practice:
 *
 * - `yellowLagPoints` 10 / `redLagPoints` 30: a task is 滞后 (yellow) when it is at least 10 and at
 *   most 30 percentage points behind 序时进度, 严重滞后 (red) when more than 30 points behind — or
 *   when its deadline has passed unfinished.
 * - `reportDueDays`: a period's report is due this many days after the period's last day, i.e.
 *   weekly 1 = the Monday after the ISO week (weeks end on Sunday), monthly 5 = the 5th of the
 *   following month, quarterly 10 = the 10th of the month after the quarter. Year periods (`YYYY`)
 *   use the quarterly offset. The due day itself is still on time; the day after is 逾期.
 * - `dueSoonDays` 3: 临近提醒 opens when a report is due within 3 days (due day included).
 * - `redAfterOverdueDays` 30: a report still missing this many days after its due date raises a
 *   红色督办单 on top of the 催办 it got the day after the due date.
 * - `countedReportStates` ['accepted']: only the lead department's reports in these states count
 *   towards completion; add 'submitted' to count reports before review.
 * - `lteRateCap` 200: a ≤ target's completion rate is target/actual×100, capped here so an actual
 *   of zero gives a finite number.
 * - `approxTolerancePercent` 5: a 左右 (`approx`) target of 6% is met by 5.7%–6.3% (± 5% of the
 *   target); outside that band it is scored like a range [target − 5%, target + 5%].
 * - `utcOffsetMinutes` 480: the region's clock (China Standard Time, UTC+8, no daylight saving);
 *   a report submitted at 2024-05-05T17:00Z was filed on 6 May, one day late.
 * - `assessmentWeights`: 考核 score = completion 60% + timeliness 30% + (100 − returned share) 10%;
 *   weights are relative and need not sum to 1.
 * - `documents`: how the 督查通报 and 工作纪实 judge and lay out (see `DocumentRules` in
 *   prose/facts.ts): praise at most 3 departments scoring 90 or more with nothing behind (none of
 *   those tied at the cut), criticise at most 3 scoring below 60 or with a 严重滞后/逾期 commitment,
 *   print a peer rank only in the top third, sectors in `sectorOrder`; `recipients` (主送机关) and
 *   `copyTo` (抄送) replace the templates' defaults; `baseUrl` makes HTML/Markdown links absolute.
 */
export const SupervisionConfig = z
  .object({
    /** 滞后 line: points behind 序时进度 from which a task is yellow */
    yellowLagPoints: z.number().nonnegative(),
    /** 严重滞后 line: points behind 序时进度 beyond which a task is red */
    redLagPoints: z.number().nonnegative(),
    /** days after a period's last day on which its report is due, per reporting frequency */
    reportDueDays: z.strictObject({
      weekly: z.number().int().min(-6).max(60),
      monthly: z.number().int().min(-27).max(60),
      quarterly: z.number().int().min(-89).max(90),
    }),
    /** 临近提醒 window in days before a due date */
    dueSoonDays: z.number().int().nonnegative(),
    /** days a report may stay missing past its due date before a red slip */
    redAfterOverdueDays: z.number().int().positive(),
    /** report states that count towards completion (lead department only) */
    countedReportStates: z.array(ReportState).min(1),
    /** upper bound of a ≤ target's completion rate, in percent */
    lteRateCap: z.number().min(100),
    /** 左右: an `approx` target is met within ± this share of the target, in percent of it */
    approxTolerancePercent: z.number().min(0).max(50),
    /** offset of local time from UTC in minutes, for the calendar day of an instant */
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    /** relative weights of the 考核 score's parts */
    assessmentWeights: z.strictObject({
      completion: z.number().nonnegative(),
      timeliness: z.number().nonnegative(),
      returned: z.number().nonnegative(),
    }),
    /** rules and 公文 elements of generated documents */
    documents: z.strictObject({
      praiseLimit: z.number().int().min(0).max(20),
      praiseMinScore: z.number().min(0).max(100),
      criticiseBelow: z.number().min(0).max(100),
      criticiseLimit: z.number().int().min(0).max(20),
      rankTopShare: z.number().gt(0).max(1),
      sectorOrder: z.array(z.string().min(1)),
      recipients: z.string().nullable(),
      copyTo: z.string().nullable(),
      baseUrl: z.url().nullable(),
    }),
  })
  .strict()
  .refine((c) => c.yellowLagPoints <= c.redLagPoints, {
    message: 'yellowLagPoints must not exceed redLagPoints / 黄色阈值不得大于红色阈值',
  })
  .refine((c) => c.assessmentWeights.completion + c.assessmentWeights.timeliness + c.assessmentWeights.returned > 0, {
    message: 'assessment weights must not all be zero / 考核权重不能全为零',
  });
export type SupervisionConfig = z.infer<typeof SupervisionConfig>;

/** The defaults described on `SupervisionConfig`. */
export const DEFAULT_CONFIG: SupervisionConfig = deepFreeze({
  yellowLagPoints: 10,
  redLagPoints: 30,
  reportDueDays: { weekly: 1, monthly: 5, quarterly: 10 },
  dueSoonDays: 3,
  redAfterOverdueDays: 30,
  countedReportStates: ['accepted'],
  lteRateCap: 200,
  approxTolerancePercent: 5,
  utcOffsetMinutes: 480,
  assessmentWeights: { completion: 0.6, timeliness: 0.3, returned: 0.1 },
  documents: {
    praiseLimit: 3,
    praiseMinScore: 90,
    criticiseBelow: 60,
    criticiseLimit: 3,
    rankTopShare: 1 / 3,
    sectorOrder: ['经济发展', '改革开放', '乡村振兴', '城市建设', '城乡建设', '生态环境', '文化旅游', '民生保障', '社会事业', '政府建设', '安全稳定'],
    recipients: null,
    copyTo: null,
    baseUrl: null,
  },
}) as SupervisionConfig;

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(o);
}

/** A partial configuration: any field, nested objects partially. */
export type SupervisionConfigOverrides = {
  [K in keyof SupervisionConfig]?: SupervisionConfig[K] extends readonly unknown[]
    ? SupervisionConfig[K]
    : SupervisionConfig[K] extends object
      ? Partial<SupervisionConfig[K]>
      : SupervisionConfig[K];
};

/**
 * The defaults with `overrides` merged in (nested objects field by field, arrays replaced), then
 * validated. Throws a `ZodError` on an unknown key, a wrong type or inconsistent thresholds.
 */
export function loadConfig(overrides: SupervisionConfigOverrides | unknown = {}): SupervisionConfig {
  const o = (overrides ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object' || Array.isArray(o)) return SupervisionConfig.parse(o);
  const merged: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(o)) {
    const base = (DEFAULT_CONFIG as Record<string, unknown>)[key];
    const isPlain = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    merged[key] = isPlain(base) && isPlain(value) ? { ...(base as object), ...(value as object) } : value;
  }
  return SupervisionConfig.parse(merged);
}
