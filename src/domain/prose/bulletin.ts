/**
 * 督查通报 (Bulletin): the monthly supervision bulletin of a region — overall figures, the lagging
 * and overdue commitments by lead department with the reason from their latest report, the
 * departments praised and criticised by the 考核 ranking, and the 民生实事 progress table. Pure and
 * deterministic: the same data gives the same document.
 */
import { STATUS_LABELS, type Status } from '../types.ts';
import { dateLabel, periodLabel } from '../schedule.ts';
import { chineseOrdinal, figure, fill, joinParts, merge, type Block, type Part, type ProseDocument } from './document.ts';
import {
  commitmentSource, countSource, DEFAULT_DOCUMENT_RULES, reportSource, type BulletinData, type CommitmentFacts, type DepartmentStanding, type DocumentRules,
} from './facts.ts';
import { formatPair, formatPercent, formatValue, subtaskSums } from './figures.ts';
import { TEMPLATES_ZH, type Templates } from './templates.zh.ts';

const BEHIND: ReadonlySet<Status> = new Set(['lagging', 'seriouslyLagging']);
const DONE: ReadonlySet<Status> = new Set(['completed', 'exceeded']);
const cmpZh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** 逾期未报送: a report of the commitment or one of its subtasks is missing past its due date. */
export const reportsMissing = (c: CommitmentFacts): boolean => c.evaluation.reportOverdue;
/** 逾期未完成: past the deadline, not done (progress.ts). */
export const deadlineOverdue = (c: CommitmentFacts): boolean => c.evaluation.deadlineOverdue;

/** Commitments the bulletin names: behind 序时进度, with a report overdue, or past the deadline unfinished. */
export const isFlagged = (c: CommitmentFacts): boolean => BEHIND.has(c.evaluation.status) || reportsMissing(c) || deadlineOverdue(c);

/** A department's standing with why it is criticised (empty: not criticised). */
export function criticismReasons(d: DepartmentStanding, rules: DocumentRules = DEFAULT_DOCUMENT_RULES): Array<keyof Templates['bulletin']['criticiseReasons']> {
  if (d.total === null) return [];
  const reasons: Array<keyof Templates['bulletin']['criticiseReasons']> = [];
  if (d.total < rules.criticiseBelow) reasons.push('low');
  if (d.seriouslyLagging > 0) reasons.push('seriouslyLagging');
  const missing = d.reportsMissing ?? d.overdue;
  if (missing > 0) reasons.push('reportsMissing');
  if ((d.deadlineOverdue ?? 0) > 0) reasons.push('deadlineOverdue');
  return reasons;
}

/**
 * Departments praised and criticised, by `rules`: praise the best scores (at least
 * `praiseMinScore`) with nothing behind or overdue, at most `praiseLimit` — when departments tie at
 * the cut, none of those tied is named (`tie` says how many share the top score when none is left);
 * criticise those below `criticiseBelow` or with a 严重滞后/逾期 commitment, worst first.
 */
export function praiseAndCriticise(
  ranking: readonly DepartmentStanding[],
  rules: DocumentRules = DEFAULT_DOCUMENT_RULES,
): { praised: DepartmentStanding[]; criticised: DepartmentStanding[]; tie: { n: number; score: number } | null } {
  const scored = ranking.filter((d) => d.total !== null);
  const criticised = scored
    .filter((d) => criticismReasons(d, rules).length > 0)
    .sort((a, b) => a.total! - b.total! || cmpZh(a.name, b.name))
    .slice(0, rules.criticiseLimit);
  const candidates = scored
    .filter((d) => d.lagging + d.seriouslyLagging + d.overdue === 0 && d.total! >= rules.praiseMinScore && !criticised.includes(d))
    .sort((a, b) => b.total! - a.total! || cmpZh(a.name, b.name));
  let praised = candidates.slice(0, rules.praiseLimit);
  const next = candidates[rules.praiseLimit];
  if (next && praised.length && praised[praised.length - 1]!.total === next.total) praised = praised.filter((d) => d.total! > next.total!);
  const top = candidates[0];
  const tie = praised.length === 0 && top && candidates.length > 1 && candidates[1]!.total === top.total
    ? { n: candidates.filter((d) => d.total === top.total).length, score: top.total! }
    : null;
  return { praised, criticised, tie };
}

/** Builds the bulletin for `data.region` and `data.period` (YYYY-MM). */
export function buildBulletin(data: BulletinData, templates: Templates = TEMPLATES_ZH): ProseDocument {
  const t = templates.bulletin;
  const rules = data.rules ?? DEFAULT_DOCUMENT_RULES;
  const year = data.period.slice(0, 4);
  const month = String(Number(data.period.slice(5, 7)));
  const region = data.region.name;
  const blocks: Block[] = [];
  const para = (parts: Part[]) => blocks.push({ kind: 'paragraph', parts });
  let section = 0;
  const heading1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text: `${chineseOrdinal(++section)}、${text}` });

  const gov = governmentOf(region);
  // a period not over at the document's date is written as 阶段性: 截至12月3日, never 截至12月底
  para(fill(t.opening, { year, gov, period: data.partial ? dateLabel(data.asOf) : `${periodLabel(data.period)}底` }));

  // 一、总体情况
  heading1(t.headingOverall);
  const items = data.commitments;
  const asOf = dateLabel(data.asOf);
  const count = (status: Status[], label: string) => {
    const n = items.filter((c) => status.includes(c.evaluation.status)).length;
    return { n, figure: figure(String(n), countSource(status.map((s) => `status=${s}`).join('&'), `${region}${year}年目标任务清单（${label}，截至${asOf}）`)) };
  };
  const done = count(['completed', 'exceeded'], '已完成');
  const exceeded = count(['exceeded'], '超额完成');
  const oc = t.overallCounts;
  const counts = [
    done.n > 0 ? fill(exceeded.n > 0 ? oc.completedExceeded : oc.completed, { n: done.figure, exceeded: exceeded.figure }) : null,
    ...([['onTrack', '正常推进', oc.onTrack], ['lagging', '滞后', oc.lagging], ['seriouslyLagging', '严重滞后', oc.seriouslyLagging], ['notStarted', '未启动', oc.notStarted]] as const).map(([s, label, tpl]) => {
      const x = count([s], label);
      return x.n > 0 ? fill(tpl, { n: x.figure }) : null;
    }),
  ].filter((x): x is Part[] => x !== null);
  const overall = fill(t.overall, { asOf, total: figure(String(items.length), countSource('', `${region}${year}年目标任务清单（全部）`)), counts: joinParts(counts, '，') });
  const missing = items.filter(reportsMissing);
  const late = items.filter(deadlineOverdue);
  const titles = (list: CommitmentFacts[]) => list.map((c) => `“${quoted(c.title)}”`).join('');
  const overdue = [
    missing.length ? fill(t.overdueReports, { n: figure(String(missing.length), countSource('overdue=report', `${region}${year}年目标任务清单（逾期未报送，截至${asOf}）`)), titles: titles(missing) }) : null,
    late.length ? fill(t.overdueDeadlines, { n: figure(String(late.length), countSource('overdue=deadline', `${region}${year}年目标任务清单（逾期未完成，截至${asOf}）`)), titles: titles(late) }) : null,
  ].filter((x): x is Part[] => x !== null);
  para(merge([...overall, ...(overdue.length ? [...joinParts(overdue, '；'), '。'] : [t.noOverdue])]));

  // 二、滞后及逾期任务, by lead department
  heading1(t.headingLagging);
  const flagged = items.filter(isFlagged);
  if (flagged.length === 0) para([t.noLagging]);
  const byDept = new Map<string, CommitmentFacts[]>();
  for (const c of flagged) {
    const key = c.leadDepartment?.name ?? '未明确牵头单位';
    byDept.set(key, [...(byDept.get(key) ?? []), c]);
  }
  const severity = (c: CommitmentFacts) => (c.evaluation.status === 'seriouslyLagging' ? 0 : c.evaluation.status === 'lagging' ? 1 : 2);
  const depts = [...byDept.entries()].sort(([a, x], [b, y]) => y.length - x.length || cmpZh(a, b));
  depts.forEach(([name, list], i) => {
    blocks.push({ kind: 'heading', level: 2, text: `（${chineseOrdinal(i + 1)}）${name}` });
    for (const c of [...list].sort((a, b) => severity(a) - severity(b) || cmpZh(a.title, b.title))) para(flaggedParagraph(c, data.asOf, t));
  });

  // 三、考核排名
  heading1(t.headingRanking);
  const { praised, criticised, tie } = praiseAndCriticise(data.ranking, rules);
  const scoreFigure = (d: DepartmentStanding) => figure(points(d.total!), countSource(`department=${d.departmentId}`, `${d.name}牵头的${d.commitments}项目标任务（考核得分依据）`));
  const entries = (list: DepartmentStanding[]) => joinParts(list.map((d) => fill(t.rankingEntry, { department: d.name, score: scoreFigure(d) })), '、');
  const cr = t.criticiseReasons;
  const reasonText = (d: DepartmentStanding) =>
    criticismReasons(d, rules)
      .map((r) => fillText(cr[r], { threshold: points(rules.criticiseBelow), n: String(r === 'seriouslyLagging' ? d.seriouslyLagging : r === 'reportsMissing' ? (d.reportsMissing ?? d.overdue) : (d.deadlineOverdue ?? 0)) }))
      .join('、');
  if (praised.length) para(fill(t.rankingPraise, { departments: entries(praised) }));
  else if (tie) para(fill(t.rankingTie, { n: String(tie.n), score: points(tie.score) }));
  if (criticised.length) {
    para(fill(t.rankingCriticise, { departments: joinParts(criticised.map((d) => fill(t.criticiseEntry, { department: d.name, score: scoreFigure(d), reasons: reasonText(d) })), '；') }));
  }
  if (!praised.length && !criticised.length && !tie) para([t.rankingNone]);

  // 四、民生实事进展
  const livelihood = items.filter((c) => c.livelihood);
  if (livelihood.length) {
    heading1(t.headingLivelihood);
    para(fill(t.livelihoodIntro, { year, count: figure(String(livelihood.length), countSource('livelihood=true', `${region}${year}年民生实事清单`)) }));
    blocks.push({
      kind: 'table',
      caption: t.livelihoodCaption,
      columns: [...t.livelihoodColumns],
      rows: livelihood.map((c, i) => livelihoodRow(c, i + 1, t)),
    });
  }

  // 五、下步工作要求
  heading1(t.headingNext);
  t.next.forEach((s, i) => para([`${i + 1}. `, ...fill(s, { gov })]));

  const issuer = fillText(t.issuer, { region });
  const short = gov.slice(0, 1);
  const h = data.heading ?? {};
  return {
    kind: 'bulletin',
    title: fillText(t.title, { region, year }),
    subtitle: fillText(t.subtitle, { year, month }),
    issuer,
    dateText: dateLabel(data.issuedOn),
    number: h.number ?? null,
    recipients: h.recipients ?? fillText(t.recipients, { gov, short }),
    imprint: {
      copyTo: h.copyTo ?? fillText(t.copyTo, { gov, short }),
      printedBy: h.printedBy ?? issuer,
      printedOn: fillText(t.printedOn, { date: dateLabel(data.issuedOn) }),
    },
    blocks,
  };
}

/** How a region's government is called in its own documents: 盐湖区 → 区政府, 临猗县 → 县政府, 运城市 → 市政府. */
export function governmentOf(regionName: string): string {
  if (regionName.endsWith('街道')) return '街道办事处';
  const last = regionName.slice(-1);
  return '省市区县旗乡镇'.includes(last) ? `${last}政府` : '政府';
}

/** Fills a template whose placeholders are all plain text. */
export function fillText(template: string, values: Record<string, string>): string {
  return fill(template, values).join('');
}

/** Periods missing that run without a gap up to the last one: a department that stopped reporting. */
function stoppedSince(periods: readonly string[]): { first: string; n: number } | null {
  if (periods.length < 2) return null;
  const index = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  if (!periods.every((p) => /^\d{4}-\d{2}$/.test(p))) return null;
  for (let i = 1; i < periods.length; i++) if (index(periods[i]!) !== index(periods[i - 1]!) + 1) return null;
  return { first: periodLabel(periods[0]!), n: periods.length };
}

function flaggedParagraph(c: CommitmentFacts, asOf: string, t: Templates['bulletin']): Part[] {
  const e = c.evaluation;
  const parts: Part[] = [];
  const department = c.leadDepartment?.name ?? '牵头单位';
  const own = (c.reportsMissing ?? (e.missingPeriods.length ? [{ commitmentId: c.id, title: null, periods: e.missingPeriods }] : [])).find((m) => m.title === null);
  const subtasks = (c.reportsMissing ?? []).filter((m) => m.title !== null);
  const stopped = own ? stoppedSince(own.periods) : null;
  if (BEHIND.has(e.status)) {
    if (e.latestValue !== null && c.valueReport && e.completionRate !== null && e.lag !== null) {
      const src = reportSource(c, c.valueReport);
      parts.push(
        ...fill(t.laggingItem, {
          title: quoted(c.title),
          status: STATUS_LABELS[e.status],
          period: `${periodLabel(c.valueReport.period)}底`,
          value: figure(formatValue(e.latestValue, c.unit), src),
          rate: figure(formatPercent(e.completionRate), src),
          lag: figure(points(e.lag), src),
        }),
      );
    } else if (c.kind !== 'quantitative' && e.completionRate !== null && e.lag !== null) {
      const src = c.valueReport ? reportSource(c, c.valueReport) : commitmentSource(c);
      parts.push(...fill(t.laggingItemMilestones, { title: quoted(c.title), status: STATUS_LABELS[e.status], rate: figure(formatPercent(e.completionRate), src), lag: figure(points(e.lag), src) }));
    } else {
      parts.push(...fill(t.laggingItemNoValue, { title: quoted(c.title), status: STATUS_LABELS[e.status], expected: figure(formatPercent(e.expectedProgress), commitmentSource(c)) }));
    }
    if (asOf > c.deadline && deadlineOverdue(c)) parts.push(...fill(t.pastDeadlineClause, { deadline: dateLabel(c.deadline) }));
    if (stopped) parts.push(...fill(t.stoppedClause, { department, first: stopped.first, n: String(stopped.n) }));
    else if (own) parts.push(...fill(t.overdueClause, { periods: periodList(own.periods) }));
  } else if (stopped) {
    parts.push(...fill(t.stoppedItem, { title: quoted(c.title), department, first: stopped.first, n: String(stopped.n) }));
  } else if (own) {
    parts.push(...fill(t.overdueItem, { title: quoted(c.title), periods: periodList(own.periods) }));
  } else if (subtasks.length) {
    parts.push(...fill(t.overdueSubtasks, { title: quoted(c.title) }));
  } else {
    parts.push(...fill(t.overdueDeadline, { title: quoted(c.title), deadline: dateLabel(c.deadline) }));
  }
  for (const m of subtasks) parts.push(...fill(t.subtaskOverdueClause, { title: quoted(m.title!), periods: periodList(m.periods) }));
  if (c.subtasks > 0 && !c.latestReport) return merge(parts);
  const narrative = c.latestReport?.narrative.replace(/\s+/g, ' ').trim().replace(/[。；;.]+$/, '');
  const pending = c.latestReport?.accepted === false && c.latestReport.id !== c.valueReport?.id;
  if (!narrative) parts.push(t.noReason);
  else parts.push(`${fillText(pending ? t.reasonPending : t.reason, { narrative, period: periodLabel(c.latestReport!.period).slice(5) })}。`);
  return merge(parts);
}

/** A number of points to one decimal, without a trailing .0 (40 → 40, 20.14 → 20.1). */
export const points = (x: number): string => String(Math.round(x * 10) / 10);

/** A title to set inside “…”: its own double quotes become single ones (新增“小升规”企业 → 新增‘小升规’企业). */
export const quoted = (title: string): string => title.replace(/“/g, '‘').replace(/”/g, '’');

/** 2024-05, 2024-06 → 2024年5月、6月 (the year written once). */
export function periodList(periods: readonly string[]): string {
  return periods.map((p, i) => (i > 0 && p.slice(0, 4) === periods[i - 1]!.slice(0, 4) ? periodLabel(p).slice(5) : periodLabel(p))).join('、');
}

/**
 * The figures of a 民生实事 row, the same in every format: target, cumulative value and rate. A
 * parent states its subtasks' sums where their units agree (集中开工15个、总投资22.51亿元).
 */
export function livelihoodFigures(c: CommitmentFacts): { target: Part; value: Part; rate: Part } {
  const e = c.evaluation;
  const src = c.valueReport ? reportSource(c, c.valueReport) : null;
  const sums = c.children?.length ? subtaskSums(c.children) : [];
  const childSources = (c.children ?? []).filter((k) => k.valueReport).map((k) => reportSource({ id: k.id, title: k.title, leadDepartment: c.leadDepartment }, k.valueReport!));
  const join = (xs: string[]) => xs.join('、');
  const pair = c.targetValue !== null && e.latestValue !== null && src ? formatPair(c.targetValue, e.latestValue, c.unit) : null;
  const target =
    c.targetValue !== null ? figure(pair ? pair[0] : formatValue(c.targetValue, c.unit), commitmentSource(c))
    : sums.some((x) => x.target) ? figure(join(sums.filter((x) => x.target).map((x) => x.target!)), commitmentSource(c))
    : '—';
  const value =
    e.latestValue !== null && src ? figure(pair ? pair[1] : formatValue(e.latestValue, c.unit), src)
    : sums.some((x) => x.value) && childSources.length ? figure(join(sums.filter((x) => x.value).map((x) => x.value!)), ...childSources)
    : '—';
  // a rate comes from the counted report, the milestones or the subtasks' roll-up
  const rateSource = src ?? (childSources[0] ? childSources[0] : c.kind !== 'quantitative' || c.subtasks > 0 ? commitmentSource(c) : null);
  const rate = e.completionRate !== null && rateSource ? figure(formatPercent(e.completionRate), ...(src ? [src] : childSources.length ? childSources : [rateSource])) : '—';
  return { target, value, rate };
}

/** The status cell: 滞后, 严重滞后（逾期未报）… */
export const statusCell = (c: CommitmentFacts, t: Templates['bulletin'] = TEMPLATES_ZH.bulletin): string =>
  STATUS_LABELS[c.evaluation.status] + (reportsMissing(c) ? t.statusReportsMissing : '') + (deadlineOverdue(c) ? t.statusDeadlineOverdue : '');

function livelihoodRow(c: CommitmentFacts, n: number, t: Templates['bulletin']): Part[] {
  const f = livelihoodFigures(c);
  return [String(n), c.title, c.leadDepartment ? (c.leadDepartment.shortName ?? c.leadDepartment.name) : '—', f.target, f.value, f.rate, statusCell(c, t)];
}
