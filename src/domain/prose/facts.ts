/**
 * The facts a document is written from, as the app layer gathers them (src/app/reports/), and the
 * source references of each. Pure.
 */
import type { Evaluation } from '../progress.ts';
import { HONOUR_LEVEL_LABELS, type Commitment, type Comparator, type Honour, type IndicatorValue, type Project, type RecordedFact, type Region } from '../types.ts';
import { periodLabel } from '../schedule.ts';
import { DEFAULT_CONFIG } from '../config.ts';
import type { SourceRef } from './document.ts';

type Kind = Commitment['kind'];
type RegionLevel = Region['level'];

/** One commitment with its evaluation and the reports its figures come from. */
export interface CommitmentFacts {
  id: string;
  title: string;
  sector: string;
  livelihood: boolean;
  kind: Kind;
  unit: string | null;
  targetValue: string | null;
  comparator: Comparator | null;
  /** 完成时限 */
  deadline: string;
  /** number of subtasks it rolls up from (0 for a leaf) */
  subtasks: number;
  /** 牵头单位 */
  leadDepartment: { id: string; name: string; /** 简称, for narrow table columns */ shortName?: string | null } | null;
  evaluation: Evaluation;
  /** the counted (accepted) report the figures come from: whose value is `evaluation.latestValue`, or for a milestone task the latest counted one */
  valueReport: { id: string; period: string } | null;
  /** the lead department's latest filed report (submitted or accepted) up to the document's period, for its narrative */
  latestReport: { id: string; period: string; narrative: string; /** reviewed and accepted; false while awaiting review */ accepted?: boolean } | null;
  /** the accepted narratives of its lead department (and of its subtasks'), oldest first, for what was done */
  narratives?: string[];
  /** 逾期未报送: the periods whose report is missing past its due date, its own (`title` null) and each subtask's */
  reportsMissing?: Array<{ commitmentId: string; title: string | null; periods: string[] }>;
  /** subtasks with their counted figures, for a parent's sums (合计) */
  children?: SubtaskFacts[];
}

/** A subtask's counted figures. */
export interface SubtaskFacts {
  id: string;
  title: string;
  unit: string | null;
  targetValue: string | null;
  comparator: Comparator | null;
  latestValue: string | null;
  valueReport: { id: string; period: string } | null;
  done: boolean;
}

/**
 * Rules for praise, criticism, peer ranks and the order of sectors (configurable: the
 * `documents` part of the supervision configuration).
 */
export interface DocumentRules {
  /** at most this many departments are praised; when more tie at the cut, those tied are left out */
  praiseLimit: number;
  /** no praise below this 考核 score */
  praiseMinScore: number;
  /** criticised: score below this, or a commitment 严重滞后 or 逾期 */
  criticiseBelow: number;
  /** at most this many departments are criticised, worst first */
  criticiseLimit: number;
  /** a peer rank is printed only within this top share of the peers (1/3: first of 3, first or second of 6) */
  rankTopShare: number;
  /** sectors of the 纪实 in this order; others follow in plan order */
  sectorOrder: string[];
}

/** The rules of the default configuration. */
export const DEFAULT_DOCUMENT_RULES: DocumentRules = DEFAULT_CONFIG.documents;

/** A department's place in the 考核 ranking, with what it has behind. */
export interface DepartmentStanding {
  departmentId: string;
  name: string;
  /** 考核 score 0–100, null when nothing was measurable */
  total: number | null;
  rank: number | null;
  /** commitments it leads that are 滞后 / 严重滞后 / 逾期 */
  lagging: number;
  seriouslyLagging: number;
  /** commitments 逾期 (either kind) */
  overdue: number;
  /** of which 逾期未报送 and 逾期未完成 */
  reportsMissing?: number;
  deadlineOverdue?: number;
  commitments: number;
}

export interface BulletinData {
  region: { code: string; name: string };
  /** YYYY-MM */
  period: string;
  /** date the commitments were evaluated at */
  asOf: string;
  /** 成文日期 */
  issuedOn: string;
  /** top-level commitments of the region's plan for the period's year */
  commitments: CommitmentFacts[];
  ranking: DepartmentStanding[];
  /** the period had not ended at `asOf`: written as 阶段性 (截至12月3日) */
  partial?: boolean;
  rules?: DocumentRules;
  /** 发文字号, 主送机关 and 抄送 of the bulletin; omitted when null */
  heading?: DocumentHeading;
}

/** The 公文 elements set by the office. */
export interface DocumentHeading {
  /** 发文字号, e.g. 盐督通〔2026〕10号 */
  number?: string | null;
  /** 主送机关 */
  recipients?: string | null;
  /** 抄送 */
  copyTo?: string | null;
  /** 印发机关 (default: the issuer) */
  printedBy?: string | null;
}

export interface YearSummaryData {
  region: { code: string; name: string };
  /** level of the parent region (peer rankings say 全市 under a city) */
  parentLevel: RegionLevel | null;
  year: number;
  asOf: string;
  issuedOn: string;
  commitments: CommitmentFacts[];
  /** results of the previous year (往年成绩) */
  previousFacts: RecordedFact[];
  /** the region's indicator values within the year */
  indicators: IndicatorValue[];
  /** sibling regions' indicator values (same parent), for 全市第一 */
  peerIndicators: IndicatorValue[];
  /** names of the regions in `peerIndicators`, by code */
  regionNames: Record<string, string>;
  projects: Project[];
  /** the next year's plan, when one exists: confirmed commitments only */
  nextYear: { year: number; commitments: Array<{ id: string; title: string; leadDepartmentName: string | null; sector?: string }> } | null;
  /** the year had not ended at `asOf`: written as 阶段性, never 全年 */
  partial?: boolean;
  rules?: DocumentRules;
  heading?: DocumentHeading;
  /** 荣誉表彰 of the year recorded by the office */
  honours?: Array<Pick<Honour, 'id' | 'year' | 'title' | 'level' | 'recipient' | 'sector' | 'awardedBy'>>;
}

// ----- source references ---------------------------------------------------------------------

/** A name inside “…”: its own double quotes made single (“…全国‘枫桥式公安派出所’”), as a bulletin quotes a title. */
const inQuotes = (x: string) => `“${x.replace(/“/g, '‘').replace(/”/g, '’')}”`;

export const reportSource = (c: Pick<CommitmentFacts, 'id' | 'title' | 'leadDepartment'>, r: { id: string; period: string }): SourceRef => ({
  kind: 'report',
  id: r.id,
  commitmentId: c.id,
  label: `${c.leadDepartment?.name ?? ''}${periodLabel(r.period)}进展报告《${c.title}》`,
});

export const commitmentSource = (c: { id: string; title: string }): SourceRef => ({ kind: 'commitment', id: c.id, label: `目标任务《${c.title}》` });

/** A count over commitments: `query` is what the commitment list is filtered by. */
export const countSource = (query: string, label: string): SourceRef => ({ kind: 'commitments', id: query, label });

export const indicatorSource = (v: IndicatorValue, regionName: string): SourceRef => ({
  kind: 'indicator',
  id: v.id,
  label: `${regionName}${periodLabel(v.period)}经济指标${inQuotes(v.indicator)}`,
});

export const projectSource = (p: Project): SourceRef => ({ kind: 'project', id: p.id, label: `${p.year}年重点项目${inQuotes(p.name)}` });

export const factSource = (f: RecordedFact): SourceRef => ({ kind: 'fact', id: f.id, label: `${f.year}年成绩${inQuotes(`${f.subject}${f.value}${f.unit}`)}` });

export const honourSource = (h: Pick<Honour, 'id' | 'year' | 'title' | 'level' | 'recipient' | 'awardedBy'>): SourceRef => ({
  kind: 'honour',
  id: h.id,
  // 2024年荣誉：北城派出所获评全国“枫桥式公安派出所”（国家级）; the region's own: 2024年荣誉：山西省全域旅游示范区（省级）
  label: `${h.year}年荣誉：${h.recipient ? `${h.recipient}获评` : ''}${h.title}（${HONOUR_LEVEL_LABELS[h.level]}${h.awardedBy ? `，${h.awardedBy}授予` : ''}）`,
});
