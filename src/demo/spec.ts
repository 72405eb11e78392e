/**
 * The shapes the sample data is written in: compact, human-edited specs that `build.ts` turns into
 * rows. Dates inside a plan are `MM-DD` of the plan's year; departments are named by their key in
 * `districts.ts`.
 */
import type { Comparator, COMMITMENT_KINDS, CommitmentState, ProjectStage } from '../domain/types.ts';

type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** How a current-year commitment's year is going (drives its generated monthly reports). */
export type Course =
  /** close to 序时进度 */
  | 'onTrack'
  /** at target by month `doneMonth` (or the latest reported month, if earlier) */
  | 'completedEarly'
  /** `ratio`× target by month `doneMonth` */
  | 'exceededEarly'
  /** about 20 points behind 序时进度 (滞后) */
  | 'lagging'
  /** well over 30 points behind 序时进度 (严重滞后) */
  | 'seriouslyLagging'
  /** starts next month: no reports yet (未启动) */
  | 'notStarted';

export interface CommitmentSpec {
  /** stable key within the plan: the commitment's id derives from it */
  key: string;
  title: string;
  /** 领域: 经济发展, 乡村振兴, 城市建设, 民生保障, 生态环境, 改革开放, 文化旅游, 安全稳定 */
  sector: string;
  /** default: `milestone` when milestones are given, `qualitative` for parents, else `quantitative` */
  kind?: CommitmentKind;
  target?: string;
  targetMax?: string;
  unit?: string;
  /** default `gte` */
  cmp?: Comparator;
  baseline?: string;
  /** 牵头单位 (department key) */
  lead: string;
  /** 配合单位 (department keys) */
  co?: string[];
  /** 责任领导; default: the lead department's leader */
  leader?: string;
  /** 民生实事 */
  livelihood?: boolean;
  /** default: same as livelihood */
  published?: boolean;
  /** window within the plan year, `MM-DD`; default the whole year */
  start?: string;
  /**
   * 交办 later than the plan was set (`MM-DD`, at most today): a task taken into supervision
   * mid-year reports from then on. Default: the day the plan's commitments were created.
   */
  assigned?: string;
  deadline?: string;
  /** 节点: title and due date `MM-DD` */
  milestones?: [string, string][];
  subtasks?: CommitmentSpec[];
  /** what the work is, for report narratives (default: the title) */
  work?: string;
  /** a level measured each month (rates, shares) rather than a cumulative count; values run from `from` to `result` */
  level?: boolean;
  from?: string;

  // ---- historical plans: how the year ended
  /** year-end value (cumulative or level) */
  result?: string;
  /** month in which the result was reached (default 12) */
  doneMonth?: number;
  /** milestones done by the year end (default all) */
  milestonesDone?: number;

  // ---- the current-year plan: how the year is going
  course?: Course;
  /** exceededEarly: value at the end as a multiple of the target (default 1.1) */
  ratio?: number;
  /** the latest report: awaiting review, returned with a comment, or never filed (逾期) */
  lastReport?: 'submitted' | 'returned' | 'missing';
  /** lifecycle state (default: inProgress, notStarted → acknowledged, historical per result) */
  state?: CommitmentState;
  /** why it is behind, for the narratives of a lagging course */
  reason?: string;
  /** a co-department also reports narrative */
  coNarrative?: string;
  /** 办结申请 filed with the latest report's evidence: still pending, or approved (state closed) */
  closeRequest?: 'pending' | 'approved';
  /** a pending 延期 request to this `MM-DD`, with its reason */
  extension?: { deadline: string; reason: string };
  /** 领导批示 issued after the latest report */
  instruction?: { leader: string; text: string };
}

export interface PlanSpec {
  regionCode: string;
  /** historical plans name their year; the current-year plan takes the year of today */
  year: number | 'current';
  title: string;
  /** a sentence for the audit trail and docs: where the figures come from */
  source: string;
  commitments: CommitmentSpec[];
}

/** A key project (重点项目); money in 万元; stage dates as `[yearOffset, 'MM-DD']` from the project year. */
export interface ProjectSpec {
  name: string;
  lead: string;
  total: string;
  plannedYear: string;
  /** share of the year plan completed by the year end (historical) or by today (current, scaled by elapsed time) */
  pace: number;
  stages: Partial<Record<ProjectStage, [number, string]>>;
}

/** A result of an earlier year as stated in a corpus article (RecordedFact). */
export type FactSpec = [subject: string, value: string, unit: string, qualifier?: string];
