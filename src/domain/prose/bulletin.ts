/**
 * 督查通报 (Bulletin): the monthly supervision bulletin of a region — overall figures, the lagging
 * and overdue commitments by lead department with the reason from their latest report, the
 * departments praised and criticised by the 考核 ranking, and the 民生实事 progress table. Pure and
 * deterministic: the same data gives the same document.
 */
import { STATUS_LABELS, type Status } from '../types.ts';
import { dateLabel, periodLabel } from '../schedule.ts';
import { chineseOrdinal, figure, fill, joinParts, merge, type Block, type Part, type ProseDocument } from './document.ts';
import { commitmentSource, countSource, reportSource, type BulletinData, type CommitmentFacts, type DepartmentStanding } from './facts.ts';
import { formatPercent, formatValue } from './figures.ts';
import { TEMPLATES_ZH, type Templates } from './templates.zh.ts';

const BEHIND: ReadonlySet<Status> = new Set(['lagging', 'seriouslyLagging']);
const cmpZh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** Commitments the bulletin names: behind 序时进度 or with a report overdue. */
export const isFlagged = (c: CommitmentFacts): boolean => BEHIND.has(c.evaluation.status) || c.evaluation.overdue;

/** Departments praised (best score, nothing behind) and criticised (something seriously behind or overdue, worst score first), up to `limit` each. */
export function praiseAndCriticise(ranking: readonly DepartmentStanding[], limit = 3): { praised: DepartmentStanding[]; criticised: DepartmentStanding[] } {
  const scored = ranking.filter((d) => d.total !== null);
  const criticised = scored
    .filter((d) => d.seriouslyLagging + d.overdue > 0)
    .sort((a, b) => a.total! - b.total! || cmpZh(a.name, b.name))
    .slice(0, limit);
  const praised = scored
    .filter((d) => d.lagging + d.seriouslyLagging + d.overdue === 0 && !criticised.includes(d))
    .sort((a, b) => b.total! - a.total! || cmpZh(a.name, b.name))
    .slice(0, limit);
  return { praised, criticised };
}

/** Builds the bulletin for `data.region` and `data.period` (YYYY-MM). */
export function buildBulletin(data: BulletinData, templates: Templates = TEMPLATES_ZH): ProseDocument {
  const t = templates.bulletin;
  const year = data.period.slice(0, 4);
  const month = String(Number(data.period.slice(5, 7)));
  const region = data.region.name;
  const blocks: Block[] = [];
  const para = (parts: Part[]) => blocks.push({ kind: 'paragraph', parts });
  let section = 0;
  const heading1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text: `${chineseOrdinal(++section)}、${text}` });

  const gov = governmentOf(region);
  para(fill(t.opening, { year, gov, period: `${periodLabel(data.period)}底` }));

  // 一、总体情况
  heading1(t.headingOverall);
  const items = data.commitments;
  const count = (status: Status[] | 'overdue', label: string) => {
    const n = status === 'overdue' ? items.filter((c) => c.evaluation.overdue).length : items.filter((c) => status.includes(c.evaluation.status)).length;
    const query = status === 'overdue' ? 'overdue=true' : status.map((s) => `status=${s}`).join('&');
    return figure(String(n), countSource(query, `${region}${year}年目标任务清单（${label}，截至${dateLabel(data.asOf)}）`));
  };
  const exceeded = items.filter((c) => c.evaluation.status === 'exceeded').length;
  para(
    fill(exceeded > 0 ? t.overall : t.overallNoExceeded, {
      asOf: dateLabel(data.asOf),
      total: figure(String(items.length), countSource('', `${region}${year}年目标任务清单（全部）`)),
      completed: count(['completed', 'exceeded'], '已完成'),
      exceeded: count(['exceeded'], '超额完成'),
      onTrack: count(['onTrack'], '正常推进'),
      lagging: count(['lagging'], '滞后'),
      seriouslyLagging: count(['seriouslyLagging'], '严重滞后'),
      notStarted: count(['notStarted'], '未启动'),
      overdue: count('overdue', '逾期未报'),
    }),
  );

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
  const { praised, criticised } = praiseAndCriticise(data.ranking);
  const entries = (list: DepartmentStanding[]) =>
    joinParts(
      list.map((d) => fill(t.rankingEntry, { department: d.name, score: figure(points(d.total!), countSource(`department=${d.departmentId}`, `${d.name}牵头的${d.commitments}项目标任务（考核得分依据）`)) })),
      '、',
    );
  if (praised.length) para(fill(t.rankingPraise, { departments: entries(praised) }));
  if (criticised.length) para(fill(t.rankingCriticise, { departments: entries(criticised) }));
  if (!praised.length && !criticised.length) para([t.rankingNone]);

  // 四、民生实事进展
  const livelihood = items.filter((c) => c.livelihood);
  if (livelihood.length) {
    heading1(t.headingLivelihood);
    para(fill(t.livelihoodIntro, { year, count: figure(String(livelihood.length), countSource('livelihood=true', `${region}${year}年民生实事清单`)) }));
    blocks.push({
      kind: 'table',
      caption: t.livelihoodCaption,
      columns: [...t.livelihoodColumns],
      rows: livelihood.map((c, i) => livelihoodRow(c, i + 1)),
    });
  }

  // 五、下步工作要求
  heading1(t.headingNext);
  t.next.forEach((s, i) => para([`${i + 1}. `, ...fill(s, { gov })]));

  return {
    kind: 'bulletin',
    title: fillText(t.title, { region, year }),
    subtitle: fillText(t.subtitle, { year, month }),
    issuer: fillText(t.issuer, { region }),
    dateText: dateLabel(data.issuedOn),
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

function flaggedParagraph(c: CommitmentFacts, asOf: string, t: Templates['bulletin']): Part[] {
  const e = c.evaluation;
  const parts: Part[] = [];
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
    if (asOf > c.deadline) parts.push(...fill(t.pastDeadlineClause, { deadline: dateLabel(c.deadline) }));
    if (e.missingPeriods.length) parts.push(...fill(t.overdueClause, { periods: periodList(e.missingPeriods) }));
  } else if (e.missingPeriods.length) {
    parts.push(...fill(t.overdueItem, { title: quoted(c.title), periods: periodList(e.missingPeriods) }));
  } else if (c.subtasks > 0) {
    parts.push(...fill(t.overdueSubtasks, { title: quoted(c.title) }));
  } else {
    parts.push(...fill(t.overdueDeadline, { title: quoted(c.title), deadline: dateLabel(c.deadline) }));
  }
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

function livelihoodRow(c: CommitmentFacts, n: number): Part[] {
  const e = c.evaluation;
  const src = c.valueReport ? reportSource(c, c.valueReport) : null;
  return [
    String(n),
    c.title,
    c.leadDepartment ? (c.leadDepartment.shortName ?? c.leadDepartment.name) : '—',
    c.targetValue !== null ? figure(formatValue(c.targetValue, c.unit), commitmentSource(c)) : '—',
    e.latestValue !== null && src ? figure(formatValue(e.latestValue, c.unit), src) : '—',
    e.completionRate !== null && src ? figure(formatPercent(e.completionRate), src) : '—',
    STATUS_LABELS[e.status] + (e.overdue ? '（逾期）' : ''),
  ];
}
