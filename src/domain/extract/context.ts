/**
 * Document context (文档语境): what kind of document a text is and which year it plans, read from
 * its title and structure the way a clerk reads it before the sentences:
 * - 统计公报 (statistics): reports a past year; nothing in it is a target;
 * - 民生实事/实事项目清单 (livelihoodList): a list of this year's commitments; its items are
 *   targets and 民生实事 even without a 力争/确保 cue;
 * - 工作总结/纪实 (workSummary): a review, with perhaps a 下一步/工作打算 part;
 * - 新闻报道 (news): a journalist's account, mixing last year's results and this year's plans;
 * - 政府工作报告 and 预期目标 pages (workReport): review and plan sections.
 * Pure, no I/O, linear in the part of the text it reads (the first lines only).
 */
import { BOILERPLATE } from './rules.ts';

export type DocumentKind = 'workReport' | 'livelihoodList' | 'workSummary' | 'news' | 'statistics';

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  workReport: '政府工作报告',
  livelihoodList: '民生实事清单',
  workSummary: '工作总结',
  news: '新闻报道',
  statistics: '统计公报',
};

/** The kinds in the order a user chooses among them. */
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

/** Names a user may give a kind by (`--kind`): the id, a short English word, or the Chinese name. */
const KIND_NAMES: Record<string, DocumentKind> = {
  workreport: 'workReport', report: 'workReport', 政府工作报告: 'workReport', 工作报告: 'workReport', 报告: 'workReport', 预期目标: 'workReport',
  livelihoodlist: 'livelihoodList', list: 'livelihoodList', livelihood: 'livelihoodList', 民生实事: 'livelihoodList', 民生实事清单: 'livelihoodList', 实事项目: 'livelihoodList', 清单: 'livelihoodList',
  worksummary: 'workSummary', summary: 'workSummary', 工作总结: 'workSummary', 总结: 'workSummary', 纪实: 'workSummary', 工作纪实: 'workSummary',
  news: 'news', 新闻: 'news', 新闻报道: 'news', 报道: 'news',
  statistics: 'statistics', bulletin: 'statistics', 统计公报: 'statistics', 公报: 'statistics',
};

/** The kind a user named (`--kind list`, `--kind 民生实事`, `--kind workSummary`), or null when the name is not one. */
export function parseDocumentKind(name: string): DocumentKind | null {
  return KIND_NAMES[name.trim().toLowerCase()] ?? null;
}

/**
 * The plan year a document's title names, for an importer to propose: a list, a plan or a report
 * plans the year its title names; a 统计公报 or a 工作总结 reviews it, so the plan is the next year's
 * (unless the summary's title names its 工作打算 too: 2024年工作总结和2025年工作打算 → 2025).
 */
export function planYearFromTitle(context: Pick<DocumentContext, 'kind' | 'title' | 'titleYear'>): number | null {
  const y = context.titleYear;
  if (y === null) return null;
  if (context.kind === 'statistics') return y + 1;
  if (context.kind === 'workSummary' && !/打算|计划|思路|安排/.test(context.title ?? '')) return y + 1;
  return y;
}

export interface DocumentContext {
  kind: DocumentKind;
  /** the year the document plans for (targets belong to it; earlier years are results), or null */
  year: number | null;
  /** where the year came from: given by the user, the title, or the text's plan cues */
  yearFrom: 'given' | 'title' | 'text' | null;
  /** the document's title line as written (cleaned), or null */
  title: string | null;
  /** the year written in the title, if any (a 统计公报 or 工作总结 names the year it reviews) */
  titleYear: number | null;
}

/** A line that opens a list item: a marker (* ▶ ● ◆ ■ ★ · •) or numbering (1. 2、 （三） 01). */
export const LIST_ITEM_LINE = /^(?:[*＊▶►▷●○◆◇■□★☆·•√※-]|\d{1,2}[.、．)）\s]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])/;

const STATISTICS_TITLE = /统计公报|统计年鉴|统计快报/;
const SUMMARY_TITLE = /工作总结|总结|纪实|工作回顾|述职|工作报告(?=.*(?:局|委|办|中心|公司))/;
const REPORT_TITLE = /政府工作报告|预期目标|主要目标|工作要点|工作计划|工作安排|计划草案|发展计划/;
const NEWS_MARK = /记者|本报讯|日电|新闻网|日报|晚报|融媒|发布会|讯[）)]|通讯员|报道/;
const YEAR_IN = /(\d{4})年/g;
/** A navigation trail: two or more > / ＞ / › / » between short names. */
const BREADCRUMB = /^[^>＞›»]{1,12}[>＞›»][^>＞›»]{1,12}[>＞›»]/;

/**
 * The context of cleaned text `t` (see the file comment); `given` is what the user said (a year
 * from `--year`, a kind). `inferYear` finds the plan year from the text when neither the user nor
 * the title says it.
 */
export function documentContext(t: string, given: { year?: number | null; kind?: DocumentKind | null }, inferYear: (t: string) => number | null): DocumentContext {
  const head = firstLines(t, 12);
  // the title: among the first lines, the first that reads as one (some Han characters, short, not a sentence)
  const title = head.slice(0, 4).find((l) => countHan(l) >= 4 && l.length <= 64 && !/[。；;]/.test(l)) ?? null;
  const titleYears = title ? [...title.matchAll(YEAR_IN)].map((m) => Number(m[1])).filter((y) => y >= 1950 && y <= 2200) : [];
  const titleYear = titleYears.length ? Math.max(...titleYears) : null;
  const kind = given.kind ?? kindOf(t, title, head);
  let year: number | null = null;
  let yearFrom: DocumentContext['yearFrom'] = null;
  if (given.year && Number.isInteger(given.year)) {
    year = given.year;
    yearFrom = 'given';
  } else if (titleYear !== null && (kind === 'livelihoodList' || (kind === 'workReport' && REPORT_TITLE.test(title ?? '') && !/政府工作报告/.test(title ?? '')))) {
    // 2025年区政府实事项目, 2025年主要预期目标: the year the title names is the year planned
    year = titleYear;
    yearFrom = 'title';
  } else if (titleYear !== null && kind === 'statistics') {
    year = titleYear + 1; // a bulletin of 2024 is read for the plan of 2025: all of it is results
    yearFrom = 'title';
  } else {
    year = inferYear(t);
    if (year !== null) yearFrom = 'text';
  }
  return { kind, year, yearFrom, title, titleYear };
}

function kindOf(t: string, title: string | null, head: string[]): DocumentKind {
  const tt = title ?? '';
  const opening = t.slice(0, 600);
  if (STATISTICS_TITLE.test(tt) || (/初步核算/.test(opening) && !/预期目标|力争/.test(opening))) return 'statistics';
  if (/实事|民生工程|惠民工程/.test(tt)) {
    // a list, or its announcement; a report about a press conference is news
    if (listShare(t) >= 0.25 || /清单|项目|安排|通知|任务|发布|公布|出炉|计划/.test(tt)) return 'livelihoodList';
  }
  if (SUMMARY_TITLE.test(tt) && !/政府工作报告/.test(tt)) return 'workSummary';
  if (REPORT_TITLE.test(tt) || /政府工作报告/.test(head.slice(0, 6).join('\n'))) return 'workReport';
  if (NEWS_MARK.test(head.join('\n')) || NEWS_MARK.test(opening)) return 'news';
  return 'workReport';
}

/** The first `n` lines with some Han text that are not page boilerplate (nor navigation fragments). */
function firstLines(t: string, n: number): string[] {
  const out: string[] = [];
  for (let start = 0; start < t.length && out.length < n && start < 4000; ) {
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    const line = t.slice(start, end).trim();
    // navigation fragments (下载, 打印, 【字号：) are not lines of the document
    // 首页 > 政务公开 > 民生实事: a breadcrumb
    if (line && countHan(line) >= 4 && !(line.length < 80 && (BOILERPLATE.test(line) || BREADCRUMB.test(line)))) out.push(line);
    start = end + 1;
  }
  return out;
}

/** Share of the lines (first 400) that are list items. */
function listShare(t: string): number {
  let lines = 0;
  let items = 0;
  for (let start = 0; start < t.length && lines < 400; ) {
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    const line = t.slice(start, end).trim();
    if (line) {
      lines++;
      if (LIST_ITEM_LINE.test(line)) items++;
    }
    start = end + 1;
  }
  return lines ? items / lines : 0;
}

function countHan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}
