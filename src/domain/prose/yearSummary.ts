/**
 * 年度工作纪实 (YearSummary): the year's account of a region's work, shaped like the districts'
 * own 工作纪实 — the year's headline, the economy with ranks in their true scope, then each sector
 * in a fixed order (经济发展 first, 安全稳定 last) with its headline figures, named key projects
 * and what was done (condensed from the departments' accepted reports, never invented), then
 * 存在问题 (unfinished or lagging tasks and the reasons reported) and 下步打算 (next year's
 * confirmed targets). Pure and deterministic; every sentence comes from templates.zh.ts.
 */
import {
  addDecimal, compare, decimalFromString, formatGrowth, formatMoneyWan, normalize, subtractDecimal, toNumber, type Decimal,
} from '../quantity.ts';
import { dateLabel, periodRange } from '../schedule.ts';
import { HONOUR_LEVEL_LABELS, HONOUR_LEVELS, STATUS_LABELS, type IndicatorValue, type RecordedFact } from '../types.ts';
import { chineseOrdinal, figure, fill, joinParts, merge, type Block, type Part, type ProseDocument } from './document.ts';
import {
  commitmentSource, countSource, DEFAULT_DOCUMENT_RULES, factSource, honourSource, indicatorSource, projectSource, reportSource, type CommitmentFacts, type YearSummaryData,
} from './facts.ts';
import { commitmentSubject, formatPercent, formatValue, subtaskSums } from './figures.ts';
import { fillText, points, quoted } from './bulletin.ts';
import { TEMPLATES_ZH, type Templates } from './templates.zh.ts';

const DONE = new Set(['completed', 'exceeded']);
/** a sector's results above this many are split over two paragraphs */
const RESULTS_PER_PARAGRAPH = 6;

/** Builds the year summary for `data.region` and `data.year`. */
export function buildYearSummary(data: YearSummaryData, templates: Templates = TEMPLATES_ZH): ProseDocument {
  const t = templates.yearSummary;
  const rules = data.rules ?? DEFAULT_DOCUMENT_RULES;
  const region = data.region.name;
  const year = String(data.year);
  const partial = data.partial === true;
  const blocks: Block[] = [];
  const para = (parts: Part[]) => blocks.push({ kind: 'paragraph', parts: merge(parts) });
  let section = 0;
  const heading1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text: `${chineseOrdinal(++section)}、${text}` });

  const items = data.commitments;
  const indicators = latestPerIndicator(data.indicators, data.year);
  const completed = items.filter((c) => DONE.has(c.evaluation.status)).length;
  const sectors: string[] = [];
  for (const c of items) if (!sectors.includes(c.sector)) sectors.push(c.sector);
  const rank = (s: string) => {
    const i = rules.sectorOrder.indexOf(s);
    return i >= 0 ? i : rules.sectorOrder.length;
  };
  const ordered = sectors.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
  // honours go to their sector's section; the region's own, and those of a sector without a section, to the opening
  const honours = data.honours ?? [];
  const inSector = (h: (typeof honours)[number]) => h.sector !== null && ordered.includes(h.sector);
  if (items.length) {
    const doneSource = countSource('status=completed&status=exceeded', `${region}${year}年目标任务清单（已完成）`);
    para(
      fill(partial ? t.openingPartial : t.opening, {
        year,
        region,
        date: dateLabel(data.asOf),
        total: figure(String(items.length), countSource('', `${region}${year}年目标任务清单（全部）`)),
        completed: figure(String(completed), doneSource),
        share: figure(formatPercent(Math.round((completed / items.length) * 1000) / 10), doneSource),
        economy: economyHeadline(indicators, data, t) ?? [''],
        honours: openingHonours(honours.filter((h) => !inSector(h)), region, t),
      }).filter((p) => p !== ''),
    );
  }

  // 经济运行: the indicators of the year, ranks grouped and in their true scope
  if (indicators.length) {
    heading1(t.headingEconomy);
    const sentences = indicators.map((v) => indicatorSentence(v, data, t));
    const ranks = rankSentences(indicators, data, rules.rankTopShare, t);
    para([economyOpening(indicators, data.year, t), ...joinParts(sentences, '；'), '。', ...(ranks.length ? [t.rankLead, ...joinParts(ranks, '；'), '。'] : [])]);
  }

  // one section per sector, in the configured order
  // key projects go with 经济发展 (or the first sector when there is none)
  const projectSector = ordered.find((s) => s.includes('经济')) ?? null;
  ordered.forEach((sector, index) => {
    const list = items.filter((c) => c.sector === sector);
    const name = sector || '其他';
    heading1(name);
    const done = list.filter((c) => DONE.has(c.evaluation.status)).length;
    const q = `sector=${encodeURIComponent(sector)}`;
    const n = figure(String(list.length), countSource(q, `${region}${year}年${name}目标任务清单`));
    const doneFigure = figure(String(done), countSource(`${q}&status=completed&status=exceeded`, `${region}${year}年${name}目标任务清单（已完成）`));
    const variant = <T,>(xs: readonly T[]) => xs[index % xs.length]!;
    const one = list[0]!.leadDepartment?.name;
    const lead = list.length < 2 ? [one ? fillText(t.sectorOneLed, { sector: name, department: one }) : fillText(t.sectorOne, { sector: name })] : fill(done === list.length ? variant(t.sectorLeadAll) : done ? variant(t.sectorLead) : t.sectorLeadNone, { sector: name, n, done: doneFigure });
    const results = list.map((c) => resultSentence(c, data.previousFacts, t)).filter((r): r is Part[] => r !== null);
    const projects = sector === projectSector ? projectSentence(data, t) : null;
    const narrative = condensedNarratives(list, templates);
    const honoured = honours.filter((h) => h.sector === sector);
    const honourText = honoured.length ? fill(t.sectorHonours, { items: joinParts(honourClauses(honoured, region, t), '；') }) : null;
    if (!results.length && !projects && !narrative) {
      const none = list.length === 1 ? fill(t.sectorNoResultsOne, { sector: name, title: quoted(list[0]!.title), department: one ?? '牵头单位' }) : fill(t.sectorNoResults, { sector: name, n });
      para([...none, ...(honourText ?? [])]);
      return;
    }
    // results in one paragraph (two when long, never a one-clause paragraph), what was done for
    // them right after (the measures are the commitments' own, in their order), then the key projects
    const chunks = splitEven(results, RESULTS_PER_PARAGRAPH);
    const paragraphs: Part[][] = chunks.map((chunk) => [...joinParts(chunk, '；'), '。']);
    if (paragraphs.length === 0) paragraphs.push([]);
    paragraphs[0] = [...lead, ...paragraphs[0]!];
    if (narrative) {
      const last = paragraphs[paragraphs.length - 1]!;
      // a short account joins the figures rather than standing alone as a one-line paragraph
      const done = fillText(variant(t.done), { items: narrative });
      if (narrative.length < 60 || last.length === 0) paragraphs[paragraphs.length - 1] = [...last, done];
      else paragraphs.push([done]);
    }
    if (projects) paragraphs.push([...projects, '。']);
    if (honourText) paragraphs[paragraphs.length - 1]!.push(...honourText);
    for (const p of paragraphs) if (p.length) para(p);
  });
  if (data.projects.length && !projectSector) {
    const projects = projectSentence(data, t);
    if (projects) {
      heading1(t.headingProjects);
      para([...projects, '。']);
    }
  }

  // 存在问题: what is not done (or, within the year, behind), with the reasons reported
  const open = items.filter((c) => (partial ? c.evaluation.status === 'lagging' || c.evaluation.status === 'seriouslyLagging' : !DONE.has(c.evaluation.status)));
  if (open.length) {
    heading1(t.headingProblems);
    const lines = open.map((c, i) => [fillText(t.ordinal, { n: chineseOrdinal(i + 1) }), ...problemItem(c, templates)]);
    para([fillText(partial ? t.problemsIntroPartial : t.problemsIntro, { n: String(open.length) }), ...joinParts(lines, '；'), '。']);
  }

  // 下步打算: next year's confirmed targets, by sector
  if (data.nextYear && data.nextYear.commitments.length) {
    const next = data.nextYear;
    heading1(t.headingNextYear);
    const bySector = new Map<string, typeof next.commitments>();
    for (const c of next.commitments) bySector.set(c.sector ?? '', [...(bySector.get(c.sector ?? '') ?? []), c]);
    const nextSectors = [...bySector.keys()].map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
    const groups = nextSectors.map((sector) => {
      const list = bySector.get(sector)!;
      const entries = list.map((c) => {
        const title = figure(c.title.replace(/[。；;]+$/, ''), commitmentSource(c));
        return c.leadDepartmentName ? fill(t.nextYearItem, { title, department: c.leadDepartmentName }) : fill(t.nextYearItemNoLead, { title });
      });
      return { n: list.length, parts: sector ? fill(t.nextYearSector, { sector, items: joinParts(entries, '；') }) : [...joinParts(entries, '；'), '。'] };
    });
    const intro = fillText(t.nextYearIntro, { year: String(next.year), region, n: String(next.commitments.length) });
    // the introduction leads the first group, and a sector of one target follows the one before in its
    // paragraph, so no short line stands alone
    const paragraphs: Part[][] = [];
    for (const g of groups) {
      if (paragraphs.length && g.n === 1) paragraphs[paragraphs.length - 1]!.push(...g.parts);
      else paragraphs.push([...g.parts]);
    }
    paragraphs[0] = [intro, ...paragraphs[0]!];
    for (const p of paragraphs) para(p);
  }

  return {
    kind: 'yearSummary',
    title: fillText(t.title, { region, year }),
    subtitle: partial ? fillText(t.subtitlePartial, { date: dateLabel(data.asOf) }) : null,
    issuer: fillText(t.issuer, { region }),
    dateText: dateLabel(data.issuedOn),
    number: data.heading?.number ?? null,
    blocks,
  };
}

type HonourFacts = NonNullable<YearSummaryData['honours']>[number];

/** Honours as clauses, one per recipient: 湘东区先后获评国家级制种大县、全省数字乡村试点县区 (the region's own: 盐湖区获评…). */
function honourClauses(list: readonly HonourFacts[], region: string, t: Templates['yearSummary']): Part[][] {
  const by = new Map<string, HonourFacts[]>();
  for (const h of list) by.set(h.recipient ?? region, [...(by.get(h.recipient ?? region) ?? []), h]);
  return [...by].map(([recipient, hs]) => fill(hs.length > 1 ? t.honourOfMany : t.honourOf, { recipient, titles: joinParts(hs.map((h) => [figure(h.title, honourSource(h))]), '、') }));
}

/**
 * The honours the opening names: the region's own as 先后获评A、B等国家级、省级荣誉, then those of
 * its units whose sector has no section, each as a clause; [''] when none.
 */
function openingHonours(list: readonly HonourFacts[], region: string, t: Templates['yearSummary']): Part[] {
  if (!list.length) return [''];
  const byLevel = [...list].sort((a, b) => HONOUR_LEVELS.indexOf(a.level) - HONOUR_LEVELS.indexOf(b.level));
  const own = byLevel.filter((h) => h.recipient === null);
  const parts: Part[] = [];
  if (own.length) {
    const levels = [...new Set(own.map((h) => HONOUR_LEVEL_LABELS[h.level]))].join('、');
    parts.push(...fill(own.length > 1 ? t.openingHonours : t.openingHonoursOne, { titles: joinParts(own.map((h) => [figure(h.title, honourSource(h))]), '、'), levels }));
  }
  for (const c of honourClauses(byLevel.filter((x) => x.recipient !== null), region, t)) parts.push('；', ...c);
  return parts;
}

/** Splits a list into parts of at most `max`, as even as possible (7 → 4 + 3, never 6 + 1). */
export function splitEven<T>(xs: readonly T[], max: number): T[][] {
  if (xs.length === 0) return [];
  const parts = Math.ceil(xs.length / max);
  const size = Math.ceil(xs.length / parts);
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
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

/** The span the indicators cover: 全年 only for the year's own figures (or December's), else 前三季度 / 1—10月. */
function indicatorSpan(values: readonly IndicatorValue[], t: Templates['yearSummary'], names: { year: string; quarter: string; month: string }, year: number): string {
  const latest = values.map((v) => v.period).sort((a, b) => (periodRange(a).end < periodRange(b).end ? 1 : -1))[0]!;
  const rest = latest.split('-')[1] ?? '';
  if (!rest || rest === 'Q4' || rest === '12') return names.year;
  if (rest.startsWith('Q')) return fillText(names.quarter, { year: String(year), quarter: chineseOrdinal(Number(rest.slice(1))) });
  return fillText(names.month, { year: String(year), month: String(Number(rest)) });
}

const economyOpening = (values: readonly IndicatorValue[], year: number, t: Templates['yearSummary']) => indicatorSpan(values, t, t.economyOpening, year);

/** The year's lead economic figure for the opening: 地区生产总值 with its growth, when recorded. */
function economyHeadline(values: readonly IndicatorValue[], data: YearSummaryData, t: Templates['yearSummary']): Part[] | null {
  const gdp = values.find((v) => v.indicator === '地区生产总值' && v.yoyGrowth !== null);
  if (!gdp) return null;
  const src = indicatorSource(gdp, data.region.name);
  return fill(t.openingEconomy, {
    span: indicatorSpan([gdp], t, t.economySpan, data.year),
    value: figure(formatValue(gdp.value!, gdp.unit), src),
    growth: figure(formatGrowth(gdp.yoyGrowth!, { decimals: 1 }), src),
  });
}

/** Place of `own` growth among peers of the same indicator and period (1 = fastest); null without growth or peers. */
export function peerRank(own: IndicatorValue, peers: readonly IndicatorValue[]): { rank: number; of: number } | null {
  if (own.yoyGrowth === null) return null;
  const same = peers.filter((p) => p.indicator === own.indicator && p.period === own.period && p.regionCode !== own.regionCode && p.yoyGrowth !== null);
  if (same.length === 0) return null;
  return { rank: same.filter((p) => p.yoyGrowth! > own.yoyGrowth!).length + 1, of: same.length + 1 };
}

/** A rank distinguishes when it is within the top share of the peers (first of 3; first or second of 6). */
export const distinguishes = (r: { rank: number; of: number }, topShare: number): boolean => r.rank <= Math.max(1, Math.floor(r.of * topShare));

function indicatorSentence(v: IndicatorValue, data: YearSummaryData, t: Templates['yearSummary']): Part[] {
  const src = indicatorSource(v, data.region.name);
  const value = figure(formatValue(v.value!, v.unit), src);
  if (v.yoyGrowth === null) return fill(t.indicatorNoGrowth, { indicator: v.indicator, value });
  return fill(t.indicator, { indicator: v.indicator, value, growth: figure(formatGrowth(v.yoyGrowth, { decimals: 1 }), src) });
}

/** One clause per distinguishing rank, naming its indicators once and the true scope (在全市3个城区中居第一). */
function rankSentences(values: readonly IndicatorValue[], data: YearSummaryData, topShare: number, t: Templates['yearSummary']): Part[][] {
  const scope = data.parentLevel ? t.peerScope[data.parentLevel] : undefined;
  if (!scope) return [];
  const groups = new Map<string, { rank: number; of: number; kind: string; members: IndicatorValue[] }>();
  for (const v of values) {
    const r = peerRank(v, data.peerIndicators);
    if (!r || !distinguishes(r, topShare)) continue;
    const peers = data.peerIndicators.filter((p) => p.indicator === v.indicator && p.period === v.period);
    const names = [data.region.name, ...peers.map((p) => data.regionNames[p.regionCode] ?? '')];
    const ends = new Set(names.map((n) => n.slice(-1)));
    const kind = ends.size === 1 ? (t.peerKind[[...ends][0]!] ?? t.peerKind.mixed!) : t.peerKind.mixed!;
    const key = `${r.rank}/${r.of}/${kind}`;
    const g = groups.get(key) ?? { ...r, kind, members: [] };
    g.members.push(v);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank)
    .map((g) => {
      const sources = g.members.flatMap((v) => [
        indicatorSource(v, data.region.name),
        ...data.peerIndicators.filter((p) => p.indicator === v.indicator && p.period === v.period).map((p) => indicatorSource(p, data.regionNames[p.regionCode] ?? p.regionCode)),
      ]);
      return fill(g.members.length > 1 ? t.rankGroupMany : t.rankGroup, {
        indicators: g.members.map((v) => v.indicator).join('、'),
        scope,
        of: String(g.of),
        kind: g.kind,
        rank: figure(chineseOrdinal(g.rank), ...sources),
      });
    });
}

/** Key projects: count, investment against plan, and the finished ones by name. */
function projectSentence(data: YearSummaryData, t: Templates['yearSummary']): Part[] | null {
  if (!data.projects.length) return null;
  const sum = (f: (p: (typeof data.projects)[number]) => string) => data.projects.reduce<Decimal>((s, p) => addDecimal(s, decimalFromString(f(p))), decimalFromString('0'));
  const planned = sum((p) => p.plannedInvestmentYear);
  const done = sum((p) => p.completedInvestmentYear);
  if (compare(planned, 0) <= 0) return null;
  const finished = data.projects.filter((p) => p.stage === 'completed' || p.stage === 'operating').sort((a, b) => compare(decimalFromString(b.totalInvestment), decimalFromString(a.totalInvestment)));
  const all = data.projects.map(projectSource);
  const rate = Math.round((toNumber(done) / toNumber(planned)) * 1000) / 10;
  const parts = fill(t.projects, {
    span: data.partial ? `${data.year}年以来` : '全年',
    count: figure(String(data.projects.length), ...all),
    completed: figure(formatMoneyWan(done, { decimals: 2 }), ...all),
    rate: figure(formatPercent(rate), ...all),
  });
  if (finished.length) {
    const named = finished.slice(0, 3).map((p) => fill(t.projectName, { total: figure(formatMoneyWan(decimalFromString(p.totalInvestment), { decimals: 2 }), projectSource(p)), name: p.name }));
    parts.push(...fill(finished.length > 1 ? t.projectsFinished : t.projectsFinishedOne, { names: joinParts(named, '、'), finished: figure(String(finished.length), ...finished.map(projectSource)) }));
  }
  return parts;
}

/** Sentences of a narrative, without their closing punctuation. */
const sentencesOf = (text: string) => text.replace(/\s+/g, ' ').split(/[。；;！!]/).map((x) => x.trim().replace(/^[，,、]+|[，,、]+$/g, '')).filter(Boolean);

/** Sentences of a department's account that say what was done: not a restated figure, stock phrase or problem. */
function measureSentences(text: string, templates: Templates): string[] {
  const skip = templates.narrativeSkip.map((p) => new RegExp(p));
  return sentencesOf(text).filter((x) => x.length >= 6 && x.length <= 80 && !skip.some((re) => re.test(x)) && !templates.narrativeProblem.some((w) => x.includes(w)));
}

/** What was done per commitment: at most this many sentences, and per sector at most `MEASURES_PER_SECTOR`. */
const MEASURES_PER_COMMITMENT = 2;
const MEASURES_PER_SECTOR = 6;

/**
 * What was done in a sector, condensed from the lead departments' accepted reports of the year
 * (the commitment's and its subtasks'): their sentences that neither restate a figure nor are stock
 * phrases nor name a problem, each once, at most two per commitment and six in all, in the order of
 * the commitments; null when none is left. Extracted, never written anew.
 */
export function condensedNarratives(list: readonly CommitmentFacts[], templates: Templates = TEMPLATES_ZH): string | null {
  const out: string[] = [];
  for (const c of list) {
    const texts = c.narratives ?? (c.latestReport && c.latestReport.accepted !== false ? [c.latestReport.narrative] : []);
    let taken = 0;
    for (const s of texts.flatMap((t) => measureSentences(t, templates))) {
      if (taken >= MEASURES_PER_COMMITMENT || out.length >= MEASURES_PER_SECTOR) break;
      if (out.includes(s)) continue;
      out.push(s);
      taken++;
    }
  }
  return out.length ? out.join('；') : null;
}

/** An unfinished task in 存在问题: its rate or status, and the reason its department reported. */
function problemItem(c: CommitmentFacts, templates: Templates): Part[] {
  const t = templates.yearSummary;
  const e = c.evaluation;
  const src = c.valueReport ? reportSource(c, c.valueReport) : commitmentSource(c);
  const state = e.completionRate !== null
    ? fill(c.kind === 'quantitative' ? t.problemRate : t.problemMilestones, { rate: figure(formatPercent(e.completionRate), src) })
    : [fillText(t.problemStatus, { status: STATUS_LABELS[e.status] })];
  const parts = fill(t.problemItem, { title: quoted(c.title), state });
  const skip = templates.narrativeSkip.map((p) => new RegExp(p));
  const reason = c.latestReport ? sentencesOf(c.latestReport.narrative).find((x) => !skip.some((re) => re.test(x)) && templates.narrativeProblem.some((w) => x.includes(w))) : undefined;
  if (reason) parts.push(...fill(t.problemReason, { reason }));
  return merge(parts);
}

/** The subject of a title for a result: leading time phrases off (6月底前, 全年), and a leading verb split off. */
export function resultSubject(title: string, templates: Templates = TEMPLATES_ZH): { subject: string; verb: string | null; object: string } | null {
  let s = commitmentSubject(title);
  if (!s) return null;
  for (const p of templates.timePrefixes) s = s.replace(new RegExp(p), '');
  s = s.replace(/^[，,、\s]+/, '');
  if (s.length < 2) return null;
  const verb = [...templates.taskVerbs].sort((a, b) => b.length - a.length).find((v) => s!.startsWith(v) && s!.length > v.length + 1) ?? null;
  return { subject: s, verb, object: verb ? s.slice(verb.length) : s };
}

/**
 * The previous year's recorded fact of the same measure: the same subject exactly, a comparable
 * unit, and a level or flow — never a task volume (a title led by a verb: 增加优质学位, whose size
 * the plan sets) nor a rate or share (compared in points elsewhere).
 */
export function previousFact(c: CommitmentFacts, facts: readonly RecordedFact[]): RecordedFact | null {
  const r = resultSubject(c.title);
  if (!r || r.verb || !c.unit) return null;
  let base: string;
  try {
    base = normalize('1', c.unit).unit;
  } catch {
    return null;
  }
  if (base === '%' || base === '百分点') return null;
  const same = facts.filter((f) => {
    try {
      return f.subject.trim() === r.subject && normalize('1', f.unit).unit === base;
    } catch {
      return false;
    }
  });
  return same.sort((a, b) => a.id.localeCompare(b.id))[0] ?? null;
}

/** One commitment's result as a clause, or null when it has no sourced figure to write. */
export function resultSentence(c: CommitmentFacts, facts: readonly RecordedFact[], t: Templates['yearSummary'] = TEMPLATES_ZH.yearSummary): Part[] | null {
  const e = c.evaluation;
  if (c.subtasks > 0 && c.children?.length && c.targetValue === null) {
    const sums = subtaskSums(c.children).filter((x) => x.value);
    const sources = c.children.filter((k) => k.valueReport).map((k) => reportSource({ id: k.id, title: k.title, leadDepartment: c.leadDepartment }, k.valueReport!));
    if (sums.length && sources.length) return fill(t.resultSums, { title: quoted(c.title), sums: figure(sums.map((x) => x.value!).join('、'), ...sources) });
  }
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
  const r = resultSubject(c.title);
  const subject = r?.subject;
  if (c.comparator === 'lte' && subject && c.targetValue !== null) {
    const met = compare(e.latestValue, c.targetValue) <= 0;
    return fill(met ? t.resultCeilingMet : t.resultCeilingMissed, { subject, value, target: figure(formatValue(c.targetValue, c.unit), commitmentSource(c)) });
  }
  // a rate or share target: compared in percentage points, not as a completion rate
  if (c.unit && /^(%|％|百分点)$/.test(c.unit.trim()) && c.targetValue !== null) {
    const diff = toNumber(subtractDecimal(decimalFromString(e.latestValue), decimalFromString(c.targetValue)));
    const pts = figure(points(Math.abs(diff)), src, commitmentSource(c));
    if (subject) return fill(Math.abs(diff) < 0.05 ? t.resultPointsMet : diff > 0 ? t.resultPointsAbove : t.resultPointsBelow, { subject, value, points: pts });
    // a title with no subject to put the rate after (在册个体工商户“惠商保”全覆盖): done, or how far from the target
    if (DONE.has(e.status) || diff > -0.05) return fill(t.resultClosed, { title: quoted(c.title) });
    return fill(t.resultPointsNoSubject, { title: quoted(c.title), value, points: pts });
  }
  const rate = figure(formatPercent(e.completionRate), src);
  const parts = !r
    ? fill(t.resultNoSubject, { title: quoted(c.title), value, rate })
    : r.verb
      ? fill(t.resultVerb, { object: r.object, verb: r.verb === '实现' ? '完成' : r.verb, value, rate })
      : fill(t.result, { subject: r.subject, value, rate });
  const prev = previousFact(c, facts);
  if (prev) {
    const now = normalize(e.latestValue, c.unit!).value;
    const before = normalize(prev.value, prev.unit).value;
    if (compare(before, 0) > 0) {
      const growth = Math.round(((toNumber(subtractDecimal(now, before)) / toNumber(before)) * 100) * 10) / 10;
      // a fall beside a met target needs a reason the data do not give: left out
      if (!(growth < 0 && DONE.has(e.status))) parts.push(...fill(t.comparePrevious, { growth: figure(formatGrowth(growth), factSource(prev), src) }));
    }
  }
  return parts;
}
