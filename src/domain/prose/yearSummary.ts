/**
 * 年度工作纪实 (YearSummary): the year-end narrative of a region's results — the economy's
 * indicators with growth and peer rank, then one section per sector opening with the sector's
 * headline figures and giving each commitment's result (value, completion rate, change on the
 * previous year), key projects, and next year's targets when a next-year plan exists. Pure and
 * deterministic.
 */
import {
  addDecimal, compare, decimalFromString, formatGrowth, formatMoneyWan, normalize, subtractDecimal, toNumber, type Decimal,
} from '../quantity.ts';
import { dateLabel, periodRange } from '../schedule.ts';
import type { IndicatorValue, RecordedFact } from '../types.ts';
import { chineseOrdinal, figure, fill, joinParts, type Block, type Part, type ProseDocument } from './document.ts';
import {
  commitmentSource, countSource, factSource, indicatorSource, projectSource, reportSource, type CommitmentFacts, type YearSummaryData,
} from './facts.ts';
import { commitmentSubject, formatPercent, formatValue } from './figures.ts';
import { fillText, quoted } from './bulletin.ts';
import { TEMPLATES_ZH, type Templates } from './templates.zh.ts';

const DONE = new Set(['completed', 'exceeded']);
/** results per paragraph */
const RESULTS_PER_PARAGRAPH = 4;

/** Builds the year summary for `data.region` and `data.year`. */
export function buildYearSummary(data: YearSummaryData, templates: Templates = TEMPLATES_ZH): ProseDocument {
  const t = templates.yearSummary;
  const region = data.region.name;
  const year = String(data.year);
  const blocks: Block[] = [];
  const para = (parts: Part[]) => blocks.push({ kind: 'paragraph', parts });
  let section = 0;
  const heading1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text: `${chineseOrdinal(++section)}、${text}` });

  const items = data.commitments;
  const completed = items.filter((c) => DONE.has(c.evaluation.status)).length;
  if (items.length) {
    para(
      fill(t.opening, {
        year,
        region,
        total: figure(String(items.length), countSource('', `${region}${year}年目标任务清单（全部）`)),
        completed: figure(String(completed), countSource('status=completed&status=exceeded', `${region}${year}年目标任务清单（已完成）`)),
        share: figure(formatPercent(Math.round((completed / items.length) * 1000) / 10), countSource('status=completed&status=exceeded', `${region}${year}年目标任务清单（已完成）`)),
      }),
    );
  }

  // 经济运行: the indicators of the year
  const indicatorSentences = latestPerIndicator(data.indicators, data.year).map((v) => indicatorSentence(v, data, t));
  if (indicatorSentences.length) {
    heading1(t.headingEconomy);
    para([economyOpening(latestPerIndicator(data.indicators, data.year), t), ...joinParts(indicatorSentences, '；'), '。']);
  }

  // one section per sector
  const sectors: string[] = [];
  for (const c of items) if (!sectors.includes(c.sector)) sectors.push(c.sector);
  for (const sector of sectors) {
    const list = items.filter((c) => c.sector === sector);
    const name = sector || '其他';
    heading1(name);
    const done = list.filter((c) => DONE.has(c.evaluation.status)).length;
    const exceeded = list.filter((c) => c.evaluation.status === 'exceeded').length;
    const q = `sector=${encodeURIComponent(sector)}`;
    para(
      fill(exceeded ? t.sectorHeadline : done ? t.sectorHeadlineNoExceeded : t.sectorHeadlineNoneDone, {
        sector: name,
        total: figure(String(list.length), countSource(q, `${region}${year}年${name}目标任务清单`)),
        completed: figure(String(done), countSource(`${q}&status=completed&status=exceeded`, `${region}${year}年${name}目标任务清单（已完成）`)),
        exceeded: figure(String(exceeded), countSource(`${q}&status=exceeded`, `${region}${year}年${name}目标任务清单（超额完成）`)),
      }),
    );
    const results = list.map((c) => resultSentence(c, data.previousFacts, t)).filter((r): r is Part[] => r !== null);
    for (let i = 0; i < results.length; i += RESULTS_PER_PARAGRAPH) para([...joinParts(results.slice(i, i + RESULTS_PER_PARAGRAPH), '；'), '。']);
  }

  // 重点项目建设
  if (data.projects.length) {
    heading1(t.headingProjects);
    const sum = (f: (p: (typeof data.projects)[number]) => string) => data.projects.reduce<Decimal>((s, p) => addDecimal(s, decimalFromString(f(p))), decimalFromString('0'));
    const planned = sum((p) => p.plannedInvestmentYear);
    const done = sum((p) => p.completedInvestmentYear);
    const finished = data.projects.filter((p) => p.stage === 'completed' || p.stage === 'operating');
    const all = data.projects.map(projectSource);
    const rate = compare(planned, 0) > 0 ? Math.round((toNumber(done) / toNumber(planned)) * 1000) / 10 : null;
    if (rate !== null) {
      para(
        fill(finished.length ? t.projects : t.projectsNoFinished, {
          count: figure(String(data.projects.length), ...all),
          completed: figure(formatMoneyWan(done, { decimals: 2 }), ...all),
          rate: figure(formatPercent(rate), ...all),
          finished: figure(String(finished.length), ...finished.map(projectSource)),
        }),
      );
    }
  }

  // next year's targets
  if (data.nextYear && data.nextYear.commitments.length) {
    const next = String(data.nextYear.year);
    heading1(fillText(t.headingNextYear, { year: next }));
    para(fill(t.nextYearIntro, { year: next }));
    data.nextYear.commitments.forEach((c, i) =>
      para(fill(t.nextYearItem, { n: String(i + 1), title: figure(c.title + (c.leadDepartmentName ? `（${c.leadDepartmentName}牵头）` : ''), commitmentSource(c)) })),
    );
  }

  return {
    kind: 'yearSummary',
    title: fillText(t.title, { region, year }),
    subtitle: null,
    issuer: fillText(t.issuer, { region }),
    dateText: dateLabel(data.issuedOn),
    blocks,
  };
}

/** For each indicator, its value of the latest period within `year` (the annual figure when there is one). */
export function latestPerIndicator(values: readonly IndicatorValue[], year: number): IndicatorValue[] {
  const best = new Map<string, IndicatorValue>();
  for (const v of values) {
    if (v.value === null || !v.period.startsWith(String(year))) continue;
    const prev = best.get(v.indicator);
    if (!prev || periodRange(v.period).end > periodRange(prev.period).end || (periodRange(v.period).end === periodRange(prev.period).end && v.period.length < prev.period.length)) best.set(v.indicator, v);
  }
  return [...best.values()].sort((a, b) => a.indicator.localeCompare(b.indicator, 'zh-CN'));
}

/** 全年 / 2024年前3季度， / 2024年1—10月，: the opening naming the latest period the indicators reach. */
function economyOpening(values: readonly IndicatorValue[], t: Templates['yearSummary']): string {
  const latest = values.map((v) => v.period).sort((a, b) => (periodRange(a).end < periodRange(b).end ? 1 : -1))[0]!;
  const [year, rest = ''] = latest.split('-');
  if (!rest) return t.economyOpening.year;
  if (rest.startsWith('Q')) return fillText(t.economyOpening.quarter, { year: year!, quarter: chineseOrdinal(Number(rest.slice(1))) });
  return fillText(t.economyOpening.month, { year: year!, month: String(Number(rest)) });
}

/** Place of `own` growth among peers of the same indicator and period (1 = fastest); null without growth or peers. */
export function peerRank(own: IndicatorValue, peers: readonly IndicatorValue[]): { rank: number; of: number } | null {
  if (own.yoyGrowth === null) return null;
  const same = peers.filter((p) => p.indicator === own.indicator && p.period === own.period && p.regionCode !== own.regionCode && p.yoyGrowth !== null);
  if (same.length === 0) return null;
  return { rank: same.filter((p) => p.yoyGrowth! > own.yoyGrowth!).length + 1, of: same.length + 1 };
}

function indicatorSentence(v: IndicatorValue, data: YearSummaryData, t: Templates['yearSummary']): Part[] {
  const src = indicatorSource(v, data.region.name);
  const value = figure(formatValue(v.value!, v.unit), src);
  if (v.yoyGrowth === null) return fill(t.indicatorNoGrowth, { indicator: v.indicator, value });
  const parts = fill(t.indicator, { indicator: v.indicator, value, growth: figure(formatGrowth(v.yoyGrowth, { decimals: 1 }), src) });
  const rank = peerRank(v, data.peerIndicators);
  const scope = data.parentLevel ? t.peerScope[data.parentLevel] : undefined;
  if (rank && scope && rank.rank <= 3) {
    const peers = data.peerIndicators.filter((p) => p.indicator === v.indicator && p.period === v.period).map((p) => indicatorSource(p, data.regionNames[p.regionCode] ?? p.regionCode));
    parts.push(...fill(t.indicatorRank, { scope, rank: figure(chineseOrdinal(rank.rank), src, ...peers) }));
  }
  return parts;
}

/** The previous year's recorded fact on the same subject in a comparable unit, if any. */
export function previousFact(c: CommitmentFacts, facts: readonly RecordedFact[]): RecordedFact | null {
  const subject = commitmentSubject(c.title);
  if (!subject || !c.unit) return null;
  let base: string;
  try {
    base = normalize('1', c.unit).unit;
  } catch {
    return null;
  }
  if (base === '%' || base === '百分点') return null;
  const same = facts.filter((f) => {
    try {
      return (f.subject === subject || f.subject.includes(subject) || subject.includes(f.subject)) && normalize('1', f.unit).unit === base;
    } catch {
      return false;
    }
  });
  return same.sort((a, b) => a.subject.length - b.subject.length || a.id.localeCompare(b.id))[0] ?? null;
}

/** One commitment's result as a clause, or null when it has no sourced figure to write. */
export function resultSentence(c: CommitmentFacts, facts: readonly RecordedFact[], t: Templates['yearSummary'] = TEMPLATES_ZH.yearSummary): Part[] | null {
  const e = c.evaluation;
  if (c.kind !== 'quantitative') {
    if (DONE.has(e.status)) return fill(t.resultClosed, { title: quoted(c.title) });
    if (e.completionRate !== null && c.valueReport) {
      return fill(t.resultMilestones, { title: quoted(c.title), rate: figure(formatPercent(e.completionRate), reportSource(c, c.valueReport)) });
    }
    return null;
  }
  if (e.latestValue === null || !c.valueReport || e.completionRate === null) return null;
  const src = reportSource(c, c.valueReport);
  const value = figure(formatValue(e.latestValue, c.unit), src);
  const subject = commitmentSubject(c.title);
  if (c.comparator === 'lte' && subject && c.targetValue !== null) {
    const met = compare(e.latestValue, c.targetValue) <= 0;
    return fill(met ? t.resultCeilingMet : t.resultCeilingMissed, { subject, value, target: figure(formatValue(c.targetValue, c.unit), commitmentSource(c)) });
  }
  const rate = figure(formatPercent(e.completionRate), src);
  const parts = subject ? fill(t.result, { subject, value, rate }) : fill(t.resultNoSubject, { title: quoted(c.title), value, rate });
  const prev = previousFact(c, facts);
  if (prev) {
    const now = normalize(e.latestValue, c.unit!).value;
    const before = normalize(prev.value, prev.unit).value;
    if (compare(before, 0) > 0) {
      const growth = (toNumber(subtractDecimal(now, before)) / toNumber(before)) * 100;
      parts.push(...fill(t.comparePrevious, { growth: figure(formatGrowth(Math.round(growth * 10) / 10), factSource(prev), src) }));
    }
  }
  return parts;
}
