/**
 * Extraction (读报告): finds each quantified claim in a 政府工作报告 or an article about one —
 * results achieved and targets set — with its subject, value, unit, qualifier, offsets,
 * sentence and section heading. Pure, no I/O, never throws, linear in the input length.
 *
 * How it reads (rules from how Chinese official writing works, not from particular texts):
 * 1. `cleanText` joins hard-wrapped lines, drops spaces inside Chinese and maps full-width
 *    digits, keeping an offset map to the original.
 * 2. Lines are classified: page boilerplate (skipped), headings (set the section, its plan or
 *    review mode, 民生实事 lists), paragraphs (a paragraph opening with the plan year and 将 turns
 *    the following text into plans).
 * 3. Every number (Arabic or Chinese numeral) followed by a unit (classifier, scale character,
 *    %, 公顷 …) is a candidate; dates and periods, ordinals, codes and names, slogan counts,
 *    structural levels, size classes and the article 一 are excluded.
 * 4. Kind: a plan cue (力争, 确保, 预计, 控制在, 区将 …) earlier in the sentence makes a target;
 *    a result cue (已, 累计, 截至, 去年 …) a result; otherwise the section's mode.
 * 5. Subject: the phrase before the number in its clause, cleaned of time, actor and verb words;
 *    the object after the number when a verb precedes it (新建4个示范园 → 新建示范园);
 *    list structures (A、B、C分别达到x、y、z) give each value its own subject.
 */
import { CHINESE_NUMERAL_CHARS, comparatorOf, matchUnitAt, normalizeText, parseChineseNumeral, UNIT_START_CODES } from '../quantity.ts';
import { cleanText, toOriginal, type CleanText } from './text.ts';
import { documentContext, LIST_ITEM_LINE, type DocumentContext, type DocumentKind } from './context.ts';
import {
  AFTER_UNIT_PERIOD, BOILERPLATE, GROWTH_QUALIFIER, LIVELIHOOD, PLAN_HEADING, PREFIX_QUALIFIERS, RESULT_CUE,
  RESULT_HEADING, SLOGAN_AFTER, SUBJECT_LEAD_TIME, SUBJECT_LEAD_WORDS, SUBJECT_TRAIL_WORDS, SUFFIX_QUALIFIERS, TRAILING_BATCH, TARGET_CUE, THRESHOLD_AFTER,
  TIME_UNITS, VERB_AT_START, VERB_LIST,
} from './rules.ts';

/** Character tables by code (one look-up, no hashing). */
function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

/** One quantified claim found in a document. */
export interface Claim {
  /** `result` = achieved or current; `target` = planned or expected */
  kind: 'result' | 'target';
  /** what is measured, a short task-list phrase: 城镇新增就业, 签约资金 */
  subject: string;
  /** the number as written (scale not applied), Chinese numerals converted: 22.51 for 22.51亿元 */
  value: number;
  /** the number as written in digits, keeping trailing zeros ("99.00") */
  valueText: string;
  /** unit as written, with its scale character: 亿元, 万亩, %, 个 */
  unit: string;
  /** exact value in the base unit (quantity.ts): { value: "2251000000", unit: "元" } */
  normalized: { value: string; unit: string } | null;
  /** modifier as written: 近, 约, 余, 逾, 超, 以上, 以内, 增长, 下降 … */
  qualifier: string | null;
  /**
   * ≥ (以上/不少于), ≤ (以内/控制在), ≈ (左右/上下: `approx`), a range (5%—6%, 3-4所: `range`, see
   * `range`), as the text says; null when it says neither (an importer treats a bare target as a floor)
   */
  comparator: 'gte' | 'lte' | 'eq' | 'approx' | 'range' | null;
  /** the bounds of a range as written (5%—6% → 5 and 6), on the claim that carries it; else null */
  range: { low: string; high: string } | null;
  /**
   * Is this a commitment of its own (a draft to track, for targets)? false for a 民生实事 list's own
   * size and the totals said with it (办好12件实事, 计划总投入4.6亿元，较上年增长35%), and for the
   * upper bound of a range (its lower bound's claim carries the range).
   */
  commitment: boolean;
  /** offsets of the number and its unit in the original text (JS string offsets) */
  start: number;
  end: number;
  /** the sentence the claim is in (cleaned: joined lines, no spaces inside Chinese) */
  sentence: string;
  /** the section heading it falls under, if any */
  heading: string | null;
  /** under a 民生实事 / 惠民实事 list */
  livelihood: boolean;
}

export interface ExtractOptions {
  /** the year the document plans for (import --year, extract --year); read from its title or text when not given */
  year?: number | null;
  /** the same as `year` (older name) */
  planYear?: number | null;
  /** the kind of document, when the user knows it; read from its title and structure otherwise */
  kind?: DocumentKind | null;
}

export type { DocumentContext, DocumentKind } from './context.ts';

/** A document's context and its claims. */
export interface ExtractedDocument {
  context: DocumentContext;
  claims: Claim[];
}

/** Extracts the quantified claims of a document. Never throws; returns [] for unusable input. */
export function extractClaims(text: string, options: ExtractOptions = {}): Claim[] {
  return extractDocument(text, options).claims;
}

/** The document's context (kind, plan year) and its claims. Never throws. */
export function extractDocument(text: string, options: ExtractOptions = {}): ExtractedDocument {
  try {
    return extract(typeof text === 'string' ? text : String(text ?? ''), options ?? {});
  } catch {
    return { context: { kind: 'workReport', year: null, yearFrom: null, title: null, titleYear: null }, claims: [] };
  }
}

/** Character classes by code: 1 = ASCII digit, 2 = Chinese numeral character. */
const CHAR_CLASS = new Uint8Array(65536);
for (let c = 0x30; c <= 0x39; c++) CHAR_CLASS[c] = 1;
for (const ch of CHINESE_NUMERAL_CHARS) CHAR_CLASS[ch.charCodeAt(0)] = 2;
/** Codes that can start a unit, a scale or 余/多 (see quantity.ts), as a table. */
const UNIT_START = new Uint8Array(65536);
for (const c of UNIT_START_CODES) UNIT_START[c] = 1;
// a number followed by 年, 月, 日, 届 … is a date, period or ordinal: not even a candidate
for (const u of TIME_UNITS) if (u.length === 1) UNIT_START[u.charCodeAt(0)] = 0;

/** End of the run found by the last `nextNumber` call. */
let runEnd = 0;
/** Index into the numeral positions where the last `nextNumber` call stopped (positions only grow). */
let numeralIndex = 0;

/**
 * The start of the next run of ASCII digits (with one decimal point) or Chinese numeral
 * characters at or after `from` that is followed by something that can start a unit; sets
 * `runEnd`. -1 when there is none. Walks the numeral positions cleanText listed (`numerals`,
 * ascending) instead of reading every character of the text again.
 */
function nextNumber(t: string, numerals: Int32Array, from: number): number {
  const n = t.length;
  let k = numeralIndex;
  while (k < numerals.length && numerals[k] < from) k++;
  while (k < numerals.length) {
    const i = numerals[k];
    const cls = CHAR_CLASS[t.charCodeAt(i)];
    let j = i + 1;
    if (cls === 1) {
      while (j < n && CHAR_CLASS[t.charCodeAt(j)] === 1) j++;
      // thousands separators: 12,345 (groups of exactly three digits after a group of one to three)
      if (j - i <= 3 && t.charCodeAt(j) === 0x2c) {
        let q = j;
        while (t.charCodeAt(q) === 0x2c && isDigits3(t, q + 1)) q += 4;
        if (q > j) j = q;
      }
      if (t.charCodeAt(j) === 0x2e && CHAR_CLASS[t.charCodeAt(j + 1)] === 1) {
        j += 2;
        while (j < n && CHAR_CLASS[t.charCodeAt(j)] === 1) j++;
      }
    } else {
      while (j < n && CHAR_CLASS[t.charCodeAt(j)] === 2) j++;
    }
    if (j < n && UNIT_START[t.charCodeAt(j)] === 1) {
      runEnd = j;
      numeralIndex = k;
      return i;
    }
    while (k < numerals.length && numerals[k] < j) k++;
  }
  numeralIndex = k;
  return -1;
}

/**
 * Index of the first position in `ps` (ascending) at or after `p`, or ps.length; starts from the
 * index `k` of an earlier call, so a run of calls with growing `p` walks each list once.
 */
function seek(ps: Int32Array, k: number, p: number): number {
  while (k < ps.length && ps[k] < p) k++;
  while (k > 0 && ps[k - 1] >= p) k--;
  return k;
}

const SCALE_ONLY_Y = /(?:万亿|千亿|百亿|十亿|千万|百万|亿|万)(?=[、和及与])/y;
const SCALE_POWER: Record<string, number> = { 万亿: 12, 千亿: 11, 百亿: 10, 十亿: 9, 千万: 7, 百万: 6, 亿: 8, 万: 4 };
const LIST_NEXT_Y = /[、和及与](?:\d+(?:\.\d+)?)(?:万亿|千亿|百亿|十亿|千万|百万|亿|万)?/y;

/**
 * A unit written only once at the end of a list: 分别达1.28万亿、1.18万亿、8200亿元 — the first two
 * borrow 元. Looks ahead at most a few list items.
 */
function borrowedUnit(t: string, p: number): ReturnType<typeof matchUnitAt> {
  SCALE_ONLY_Y.lastIndex = p;
  const scale = SCALE_ONLY_Y.exec(t);
  if (!scale) return null;
  let q = p + scale[0].length;
  for (let k = 0; k < 5; k++) {
    LIST_NEXT_Y.lastIndex = q;
    if (!LIST_NEXT_Y.test(t)) return null;
    q = LIST_NEXT_Y.lastIndex;
    const unit = matchUnitAt(t, q);
    if (unit) return { end: p + scale[0].length, scaleText: scale[0], power: SCALE_POWER[scale[0]], unit: unit.unit, approx: '' };
  }
  return null;
}

/** Exactly three ASCII digits at `at`, not followed by a fourth. */
function isDigits3(t: string, at: number): boolean {
  return CHAR_CLASS[t.charCodeAt(at)] === 1 && CHAR_CLASS[t.charCodeAt(at + 1)] === 1 && CHAR_CLASS[t.charCodeAt(at + 2)] === 1 && CHAR_CLASS[t.charCodeAt(at + 3)] !== 1;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n']);
const CLAUSE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '，', ',', '：', ':']);
/** A one-character unit that with the next character makes a word: 台阶, 项目, 条件, 成本. */
const UNIT_WORDS = new Set<number>(
  '台阶 台账 台风 项目 条件 条例 场所 场景 家庭 家电 户籍 户外 所有 所以 处理 处置 起步 起来 张力 口岸 头部 只有 种植 种业 类型 支持 支撑 部门 部署 本地 套餐 间隔 单位 列车 班级 成员 成本 成果 成效 成为 成立 成功 名单 名称 位置 位数 次产 块钱 门户 次数 道路 人员 人才 人口 吨位 片区 片面 片刻 期间 期限 期末 期初'
    .split(' ')
    .map((w) => w.charCodeAt(0) * 65536 + w.charCodeAt(1)),
);
/** Second characters of UNIT_WORDS (a quick test before the set, whose keys are not small integers). */
const UNIT_WORD_SECOND = new Uint8Array(65536);
for (const k of UNIT_WORDS) UNIT_WORD_SECOND[k % 65536] = 1;
/** Sticky copies of the "what follows" patterns, tested in place without slicing the text. */
const sticky = (re: RegExp) => new RegExp(re.source.replace(/^\^/, ''), 'y');
const PERIOD_AFTER_Y = sticky(AFTER_UNIT_PERIOD);
const SLOGAN_AFTER_Y = sticky(SLOGAN_AFTER);
/**
 * First characters of the words of an alternation of plain words (^(?:方面|大事|…)), as a table:
 * a quick test before the pattern.
 */
function firstChars(re: RegExp): Uint8Array {
  const body = re.source.replace(/^\^\(\?:/, '').replace(/\)\+?$/, '');
  const table = new Uint8Array(65536);
  for (const w of body.split('|')) {
    if (!/^[\u4e00-\u9fff]+$/.test(w)) throw new Error(`not a plain word: ${w}`);
    table[w.charCodeAt(0)] = 1;
  }
  return table;
}
const SLOGAN_FIRST = firstChars(SLOGAN_AFTER);
const VERB_FIRST = firstChars(VERB_AT_START);
/** VERB_AT_START's match at the start of `s` (the verbs it opens with), or ''. */
function leadingVerbs(s: string): string {
  return VERB_FIRST[s.charCodeAt(0)] === 1 ? (VERB_AT_START.exec(s)?.[0] ?? '') : '';
}
const THRESHOLD_AFTER_Y = sticky(THRESHOLD_AFTER);
function stickyAt(re: RegExp, t: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(t);
}
/** Words before a number that make it a specification, not an amount of work. */
const SPEC_BEFORE = new Set(['时速', '速度', '载重', '排量', '电压', '海拔', '口径', '直径', '跨度', '纬度', '经度']);
const SPEC_LAST = new Set([...SPEC_BEFORE].map((w) => w.charCodeAt(1)));
const ELIDED_POINTS_Y = /^、[\d.]+个百分点/;
const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const BARE_SCALE = /^[十百千万亿拾佰仟]+$/;
/** Characters before a number that make it part of a code, an ordinal or a range (S211, 第3, 7×24). */
const CODE_BEFORE = new Uint8Array(65536);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_/#@.-:×*~～+第') CODE_BEFORE[ch.charCodeAt(0)] = 1;
/** Characters between two numbers of a date, time or range (2023-03-26, 20:45, 3~5). */
const CODE_AFTER = new Uint8Array(65536);
for (const ch of '-/:×*~～.') CODE_AFTER[ch.charCodeAt(0)] = 1;
const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const NOT_NUMERAL_PREFIX = /[第初周每前后首头逐星届其之唯统万]$/;
/** List numbering at the start of an item: 1. 2、 （三） 四、 */
const LIST_ITEM = /^(?:\d{1,2}[.、．)）]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;

/** After "YYYY年": a plan cue (2024年，我区将… / 2026年重点工作 / 2024年工作安排). */
const PLAN_AFTER_YEAR =
  /^(?:[,，]?[^。\n，,；;]{0,12}?(?<![主需重必只])(?:将|要|力争|计划|确保)|(?:工作)?(?:主要任务|重点工作|工作安排|主要目标|预期目标|目标任务|重点任务|工作任务|工作打算|安排))/;


interface LineInfo {
  start: number;
  end: number;
  skip: boolean;
  heading: string | null;
  mode: 'result' | 'target';
  /** a paragraph opening with a past year reports results whatever the section */
  pastParagraph: boolean;
  livelihood: boolean;
}

/**
 * The year the document plans for: the earliest year written with a plan cue (2024年…将,
 * 展望2024, 2026年重点工作) that is not before the most-mentioned year (the review year);
 * horizons such as 到2035年 do not count.
 */
export function findPlanYear(t: string): number | null {
  const candidates: number[] = [];
  const counts = new Map<number, number>();
  // every "YYYY年": count it, and take it as a candidate when a plan cue follows
  for (let at = t.indexOf('年'); at >= 0; at = t.indexOf('年', at + 1)) {
    const y = yearBefore(t, at);
    if (y === null) continue;
    if (HORIZON_BEFORE[t.charCodeAt(at - 5)] === 1) continue; // 到2035年: a horizon
    counts.set(y, (counts.get(y) ?? 0) + 1);
    if ((planCharWithin(t, at + 1, at + 16) && PLAN_AFTER_YEAR.test(t.slice(at + 1, at + 16))) || t.startsWith('关于', at - 6)) candidates.push(y);
  }
  for (let at = t.indexOf('展望'); at >= 0; at = t.indexOf('展望', at + 1)) {
    const m = /^\d{4}/.exec(t.slice(at + 2, at + 6));
    if (m) candidates.push(Number(m[0]));
  }
  if (candidates.length === 0) return null;
  let common = 0;
  let best = -1;
  for (const [y, n] of counts) if (n > best || (n === best && y > common)) [common, best] = [y, n];
  const atOrAfter = candidates.filter((y) => y >= common);
  return atOrAfter.length ? Math.min(...atOrAfter) : Math.max(...candidates);
}

/** Characters before a year that make it a horizon (到2035年, 2021—2025年). */
const HORIZON_BEFORE = codeTable('到至—–~-');
/** Characters one of which PLAN_AFTER_YEAR needs (将, 要, 力争, 计划, 确保; 主要任务, 工作安排 …). */
const PLAN_CHARS = codeTable('将要力计确工主重预目安');
/** Is one of PLAN_CHARS in t[from, to)? (a quick test before PLAN_AFTER_YEAR) */
function planCharWithin(t: string, from: number, to: number): boolean {
  const end = Math.min(to, t.length);
  for (let i = from; i < end; i++) if (PLAN_CHARS[t.charCodeAt(i)] === 1) return true;
  return false;
}

/** The year written as four digits right before position `at` (the 年), or null. */
function yearBefore(t: string, at: number): number | null {
  if (at < 4) return null;
  let y = 0;
  for (let k = at - 4; k < at; k++) {
    const c = t.charCodeAt(k) - 0x30;
    if (c < 0 || c > 9) return null;
    y = y * 10 + c;
  }
  if (CHAR_CLASS[t.charCodeAt(at - 5)] === 1) return null; // five or more digits
  return y >= 1950 && y <= 2200 ? y : null;
}

const PARAGRAPH_YEAR = /^(?:[^。，,]{0,20}?[,，])?(\d{4})年/;
const PAST_PERIOD = /过去五年|五年来|过去一年/;
/** Is there an ASCII digit among the first `n` characters of `s`? */
function hasDigitBefore(s: string, n: number): boolean {
  const end = Math.min(n, s.length);
  for (let i = 0; i < end; i++) if (CHAR_CLASS[s.charCodeAt(i)] === 1) return true;
  return false;
}

/** A caption, photo or video line, a source credit: never a heading. */
const CAPTION = /^(?:图片?|图为|配图|摄影|视频|资料图|供图|来源)|(?:供图|摄影|摄|资料图|图片来源|记者)[:：\s]?[\u4e00-\u9fff]{0,6}[)）]?$|[(（](?:摄影|摄|供图|资料图|图)[^)）]*[)）]$|现场$/;

export function classifyLines(t: string, planYear: number | null, context: DocumentContext | null = null): LineInfo[] {
  const out: LineInfo[] = [];
  // a 民生实事 list of the plan year is targets from its first line; everything else starts as a review
  let mode: 'result' | 'target' =
    context?.kind === 'livelihoodList' && (context.titleYear === null || planYear === null || context.titleYear >= planYear) ? 'target' : 'result';
  const statistics = context?.kind === 'statistics';
  let heading: string | null = null;
  let headingLivelihood = false;
  let listLivelihood = false;
  for (let start = 0; start <= t.length; ) {
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    const line = t.slice(start, end).trim();
    const info: LineInfo = { start, end, skip: false, heading, mode, pastParagraph: false, livelihood: false };
    if (!line) {
      info.skip = true;
    } else if ((line.length < 80 && BOILERPLATE.test(line)) || (line.length < 200 && (line.endsWith('...') || line.endsWith('…')))) {
      info.skip = true;
    } else {
      const cjk = line.length < 60 ? countCjk(line) : 99;
      const isHeading = (line.length <= 40 || (line.length <= 56 && /^[一二三四五六七八九十]{1,2}、/.test(line))) && cjk >= 2 && !/[。；;！!？?]/.test(line) && !/^\d{1,2}[.、．)）]/.test(line) && !CAPTION.test(line) && !/^[*＊▶►▷●◆■★·•]/.test(line);
      if (isHeading) {
        const y = /(\d{4})/.exec(line);
        const year = y ? Number(y[1]) : null;
        if (planYear !== null && year !== null && year >= 1950 && year <= 2200) mode = year >= planYear ? 'target' : 'result';
        else if (RESULT_HEADING.test(line)) mode = 'result';
        else if (PLAN_HEADING.test(line)) mode = 'target';
        heading = line;
        headingLivelihood = (line.includes('实事') || line.includes('民生')) && LIVELIHOOD.test(line);
        listLivelihood = false;
        info.heading = heading;
        info.mode = mode;
        info.livelihood = headingLivelihood;
      } else {
        const head = line.slice(0, 60);
        // a year is written within the first 26 characters (an opening clause of at most 21, then YYYY年)
        const y = hasDigitBefore(head, 26) ? PARAGRAPH_YEAR.exec(head) : null;
        if (y && planYear !== null) {
          const year = Number(y[1]);
          const firstSentence = head.slice(0, firstIndexOf(head, SENTENCE_STOPS));
          if (year >= planYear && /将|力争|要|计划|确保/.test(firstSentence)) mode = 'target';
          else if (year < planYear) info.pastParagraph = true;
        }
        // a paragraph opening on a past period: 过去五年, “十四五”时期 in a report planning 2026
        const firstClause = head.slice(0, firstIndexOf(head, CLAUSE_STOPS));
        const hasNian = firstClause.includes('年');
        if (hasNian && PAST_PERIOD.test(firstClause)) info.pastParagraph = true;
        const plan = firstClause.includes('十') ? fiveYearPlanAt(firstClause) : null;
        if (plan && planYear !== null && plan.end < planYear) info.pastParagraph = true;
        info.mode = mode;
        if (LIST_ITEM.test(line)) {
          // items of a 民生实事 list keep the flag
        } else {
          // only a mention near the start counts: the search stops after the longest cue that could start before 60
          const lhead = line.length > 66 ? line.slice(0, 66) : line;
          const lv = lhead.includes('实事') || lhead.includes('民生') ? LIVELIHOOD.exec(lhead) : null;
          listLivelihood = !!lv && lv.index < 60;
        }
        info.livelihood = headingLivelihood || listLivelihood;
      }
    }
    if (statistics) info.mode = 'result';
    out.push(info);
    start = end + 1;
  }
  return out;
}

/** Characters before a one-character qualifier that make it part of a word: 签约, 新增, 到达, 赶超. */
const WORD_BEFORE: Record<string, string> = {
  增: '新递倍激猛剧净', 约: '签预节合制公条契邀', 达: '到表传抵发通下送直高', 超: '赶高', 近: '接最附将', 减: '核削缩递消',
  降: '下升', 逾: '', 共: '总公', 计: '合共总设统会',
};

/** The growth word of each prefix qualifier that marks a rate (同比增长 → 增长), computed once. */
const GROWTH_OF = new Map<string, string>();
for (const q of PREFIX_QUALIFIERS) if (GROWTH_QUALIFIER.test(q)) GROWTH_OF.set(q, q.replace(/^(?:同比|年均|分别)/, ''));

/** Prefix qualifiers grouped by their last character, longest first. */
const QUALIFIERS_BY_LAST = new Map<number, string[]>();
for (const q of [...PREFIX_QUALIFIERS].sort((a, b) => b.length - a.length)) {
  const k = q.charCodeAt(q.length - 1);
  QUALIFIERS_BY_LAST.set(k, [...(QUALIFIERS_BY_LAST.get(k) ?? []), q]);
}

function countCjk(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

const TARGET_CUE_G = new RegExp(TARGET_CUE.source, 'g');
/** "raised to (year)": 提高到2025年的, 增加到, 达到 … */
/** A measure word that needs its object to mean something: 总投资, 占比, 面积 … */
const GENERIC_MEASURE = /^(?:总投资|投资总额|投资|总额|金额|资金|占比|比重|总面积|面积|规模|产值|收入|总量|数量|增幅|完成投资)$/;
const CHANGE_TO = /^(?:提高|提升|增加|增长|下降|降低|减少|扩大|上升|跃升)?(?:到|至)(?:\d{4}年(?:的|底)?)?$|^\d{4}年(?:的|底)$/;
const GROWTH_SUFFIX = /(?:增长|下降|增加|减少|提高|提升|压缩)$/;

/** How far past a cue's start its match and look-ahead can read (the longest is 到2025年 + one). */
const CUE_SPAN = 16;
/** Where `firstTargetCue` stopped: the search position after the last horizon it skipped. */
let cueResume = 0;

/**
 * The index of the first plan cue of sentence text `s` at or after `from` and before `before`,
 * or -1; 到2025年 counts only when that year is not before the plan year. Sets `cueResume`.
 */
function firstTargetCue(s: string, planYear: number | null, from = 0, before = Infinity): number {
  TARGET_CUE_G.lastIndex = from;
  cueResume = from;
  for (let m = TARGET_CUE_G.exec(s); m && m.index < before; m = TARGET_CUE_G.exec(s)) {
    const horizon = /^到(\d{4})年$/.exec(m[0]);
    if (horizon && planYear !== null && Number(horizon[1]) < planYear) {
      cueResume = TARGET_CUE_G.lastIndex;
      continue;
    }
    return m.index;
  }
  return -1;
}

/** Stops by code: 1 = ends a clause (，,), 2 = ends a sentence (。；;) and a clause. */
const STOPS = new Uint8Array(65536);
for (const ch of '，,') STOPS[ch.charCodeAt(0)] = 1;
for (const ch of '。；;') STOPS[ch.charCodeAt(0)] = 2;
const SENTENCE_STOPS = 2;
const CLAUSE_STOPS = 1;
/** Index of the first character of `s` that stops at `level` (a sentence stop also ends a clause), or s.length. */
function firstIndexOf(s: string, level: number): number {
  for (let i = 0; i < s.length; i++) if (STOPS[s.charCodeAt(i)] >= level) return i;
  return s.length;
}

/**
 * The years of the five-year plan named in `s` (“十四五” → 2021–2025): the third plan began in
 * 1966 and each covers five years.
 */
function fiveYearPlanAt(s: string): { start: number; end: number } | null {
  const m = /十([一二三四五六七八九])五/.exec(s);
  if (!m) return null;
  const n = 10 + '一二三四五六七八九'.indexOf(m[1]) + 1;
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

/** Finds the longest prefix qualifier ending at `pos`. */
function prefixQualifierAt(t: string, pos: number): string | null {
  const bucket = QUALIFIERS_BY_LAST.get(t.charCodeAt(pos - 1));
  if (!bucket) return null;
  for (const q of bucket) {
    if (pos >= q.length && t.startsWith(q, pos - q.length)) {
      if (q.length === 1 && WORD_BEFORE[q]?.includes(t[pos - 2] ?? '')) return null;
      return q;
    }
  }
  return null;
}

/** Is position `pos` inside a short quoted phrase (a slogan such as “两个毫不动摇”)? */
function insideShortQuote(t: string, from: number, to: number): boolean {
  let open = -1;
  for (let i = from - 1; i >= Math.max(0, from - 8); i--) {
    const c = t.charCodeAt(i);
    if (c === 0x201d || c === 0x300d || c === 0x300b) return false; // ” 」 》
    if (c === 0x201c || c === 0x300c || c === 0x300a) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  for (let i = to; i < Math.min(t.length, to + 10); i++) {
    const c = t.charCodeAt(i);
    if (c === 0x201d || c === 0x300d || c === 0x300b) return true;
    if (c === 0x201c || CLAUSE_END_CODE[c] === 1) return false;
  }
  return false;
}

const CLAUSE_END_CODE = new Uint8Array(65536);
for (const ch of CLAUSE_END) CLAUSE_END_CODE[ch.charCodeAt(0)] = 1;

/**
 * The value of ASCII digits with at most one decimal point: whole numbers up to 15 digits are
 * summed digit by digit (exact), anything else goes through Number.
 */
function digitsValue(s: string): number {
  if (s.length > 15) return Number(s);
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return Number(s);
    v = v * 10 + d;
  }
  return s.length ? v : Number(s);
}

const MEASURE_HEAD = /(产量|产值|面积|收入|总额|增加值|人数|数量|比重|占比|增速|增幅|规模|投资|资金|率)$/;

const TRAILING_PUNCT = codeTable('、,，;；:： \t');
const LEADING_PUNCT = codeTable('、,，;；:： \t"\'（）()*＊▶►▷●○◆◇■□★☆·•√※');
const LEADING_JOINERS = codeTable('和及与、');

/** Does `s` contain an opening bracket （ or ( ? */
function hasBracket(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) return true;
  }
  return false;
}

/** A run of seven or more digits (a telephone number, an ID): what follows it starts the subject. */
const LONG_DIGITS = /\d{7,}(?!.*\d{7,})/;

function cleanSubject(s: string): string {
  if (s.length >= 7 && hasDigitBefore(s, s.length)) {
    const long = LONG_DIGITS.exec(s);
    if (long) s = s.slice(long.index + long[0].length);
  }
  let start = 0;
  while (start < s.length && LEADING_PUNCT[s.charCodeAt(start)] === 1) start++;
  let out = start ? s.slice(start) : s;
  if (out.length && (CHAR_CLASS[out.charCodeAt(0)] !== 0 || out[0] === '（' || out[0] === '(')) {
    out = out.replace(LIST_ITEM, '');
    // 1.*开设…: a marker after the numbering
    let k = 0;
    while (k < out.length && LEADING_PUNCT[out.charCodeAt(k)] === 1) k++;
    if (k) out = out.slice(k);
  }
  // an aside in brackets says what is included, not what is measured: 全区（含经开区）; an aside
  // still open holds the number (体检（65岁以上老年人不少于2.5万名）): what it opens with is measured
  if (hasBracket(out)) {
    out = out.replace(/[（(][^（）()]{0,20}[）)]/g, '');
    const open = /[（(]([^（）()]{2,})$/.exec(out);
    if (open) out = stripLeadingWords(open[1]);
  }
  out = stripLeadingWords(out);
  // an actor at the front: 双清区, 荷塘区 … (not 小区, 社区, 景区 …)
  if (out.charCodeAt(2) === 0x533a || out.charCodeAt(3) === 0x533a) {
    const withoutActor = out.replace(/^[\u4e00-\u9fff]{2,3}(?<![小社景园城片街辖校新山库矿商营军示范功能保护])区(?=[\u4e00-\u9fff]{3})/, '');
    if (withoutActor !== out) out = stripLeadingWords(withoutActor);
  }
  out = stripTrailingWords(out);
  let end = out.length;
  while (end > 0 && TRAILING_PUNCT[out.charCodeAt(end - 1)] === 1) end--;
  start = 0;
  while (start < end && LEADING_JOINERS[out.charCodeAt(start)] === 1) start++;
  return balanceQuotes(start || end < out.length ? out.slice(start, end) : out);
}

const LEAD_BY_FIRST = new Map<number, string[]>();
for (const w of [...SUBJECT_LEAD_WORDS].sort((a, b) => b.length - a.length)) {
  LEAD_BY_FIRST.set(w.charCodeAt(0), [...(LEAD_BY_FIRST.get(w.charCodeAt(0)) ?? []), w]);
}

const LEAD_FIRST = new Uint8Array(65536);
for (const c of LEAD_BY_FIRST.keys()) LEAD_FIRST[c] = 1;

const VERBS_BY_LAST = new Map<number, string[]>();
for (const v of VERB_LIST) VERBS_BY_LAST.set(v.charCodeAt(v.length - 1), [...(VERBS_BY_LAST.get(v.charCodeAt(v.length - 1)) ?? []), v]);

/** Does `s` end with one of the verbs after which the object names the amount (新建, 改造 …)? */
function endsWithVerb(s: string): boolean {
  const bucket = s.length ? VERBS_BY_LAST.get(s.charCodeAt(s.length - 1)) : undefined;
  if (!bucket) return false;
  for (const v of bucket) if (s.endsWith(v)) return true;
  return false;
}

/** Strips discourse, time and actor words from the front: 截至目前全区累计建成 → 建成. */
function stripLeadingWords(s: string): string {
  let start = 0;
  for (let guard = 0; start < s.length && guard < 12; guard++) {
    const c = s.charCodeAt(start);
    if ((c >= 0x30 && c <= 0x39) || c === 0x622a /* 截 */ || c === 0x8fd1 /* 近 */) {
      SUBJECT_LEAD_TIME.lastIndex = start;
      if (SUBJECT_LEAD_TIME.test(s)) {
        start = SUBJECT_LEAD_TIME.lastIndex;
        continue;
      }
    }
    const bucket = LEAD_FIRST[c] === 1 ? LEAD_BY_FIRST.get(c) : undefined;
    let word = '';
    if (bucket) for (const w of bucket) if (s.startsWith(w, start)) { word = w; break; }
    if (!word) break;
    start += word.length;
  }
  return start ? s.slice(start) : s;
}

const TRAIL_BY_LAST = new Map<number, string[]>();
for (const w of [...SUBJECT_TRAIL_WORDS].sort((a, b) => b.length - a.length)) {
  const k = w[w.length - 1];
  TRAIL_BY_LAST.set(k.charCodeAt(0), [...(TRAIL_BY_LAST.get(k.charCodeAt(0)) ?? []), w]);
}

const TRAIL_LAST = new Uint8Array(65536);
for (const c of TRAIL_BY_LAST.keys()) TRAIL_LAST[c] = 1;

/** Characters before a one-character trailing word that make it part of a word: 签约, 原有, 平均, 到达. */
const TRAIL_WORD_BEFORE: Record<string, string> = {
  均: '平人户', 约: '签预节合制公条契邀', 有: '原拥共具所现没占持', 达: '到表传抵发通下送直高', 超: '赶高', 近: '接最附将',
  为: '作成认行较', 至: '直甚乃', 到: '达得收受做遇', 计: '合共总设统会', 共: '总公', 就: '成造', 了: '为',
};

/** Strips verbs and qualifiers from the end of a subject: 粮食总产量达 → 粮食总产量 (平均 keeps its 均). */
function stripTrailingWords(s: string): string {
  let end = s.length;
  for (let guard = 0; end > 0 && guard < 8; guard++) {
    const last = s.charCodeAt(end - 1);
    const bucket = TRAIL_LAST[last] === 1 ? TRAIL_BY_LAST.get(last) : undefined;
    let word = '';
    if (bucket) {
      for (const w of bucket) {
        if (s.endsWith(w, end) && !(w.length === 1 && end >= 2 && TRAIL_WORD_BEFORE[w]?.includes(s[end - 2]))) {
          word = w;
          break;
        }
      }
    }
    if (word) {
      end -= word.length;
      continue;
    }
    const batch = last === 0x6279 /* 批 */ || last === 0x6b21 /* 次 */ ? TRAILING_BATCH.exec(s.slice(Math.max(0, end - 6), end)) : null;
    if (batch) {
      end -= batch[0].length;
      continue;
    }
    break;
  }
  return s.slice(0, end);
}

/** The object phrase written after the number: 4个百亩标准化示范园 → 百亩标准化示范园. */
function objectAfter(t: string, from: number, limit: number): string {
  if (t.charCodeAt(from) === 0x7684 /* 的 */) from++;
  let end = from;
  // a quoted name is read whole, digits and all (8个“15分钟健身圈”, 2个“5G+智慧医疗”示范点)
  let quoteEnd = -1;
  for (let quoted = 0; end < limit && end - from < 16 + quoted; end++) {
    const c = t.charCodeAt(end);
    if (c === 0x201c /* “ */ && quoteEnd < end) {
      // the closing mark within 20 characters and the clause (a bounded look: linear time)
      const stop = Math.min(limit, end + 21);
      let close = end + 1;
      while (close < stop && t.charCodeAt(close) !== 0x201d) close++;
      if (close < stop) {
        quoteEnd = close;
        quoted = close - end + 1;
      }
    }
    if (end > quoteEnd && OBJECT_STOP[c] === 1) break;
  }
  // stop before a following number (outside quotes), and before the verb that follows the object
  for (let k = Math.max(from, quoteEnd + 1); k < end; k++) {
    if (CHAR_CLASS[t.charCodeAt(k)] === 1) {
      end = k;
      break;
    }
  }
  let s = t.slice(from, end);
  const verb = OBJECT_STOP_WORD.exec(s);
  if (verb && verb.index >= 2) s = s.slice(0, verb.index);
  // without quote marks at either end, unless they pair up (“15分钟健身圈” keeps its quotes)
  let a = 0;
  let b = s.length;
  const paired = quoteEnd >= from;
  while (a < b && QUOTE_MARK[s.charCodeAt(a)] === 1 && !(paired && s.charCodeAt(a) === 0x201c)) a++;
  while (b > a && QUOTE_MARK[s.charCodeAt(b - 1)] === 1 && !(paired && s.charCodeAt(b - 1) === 0x201d)) b--;
  return balanceQuotes(a > 0 || b < s.length ? s.slice(a, b) : s);
}

const OBJECT_STOP = new Uint8Array(65536);
for (const ch of '，,；;。！？!?、：:（(\n等的和及与') OBJECT_STOP[ch.charCodeAt(0)] = 1;
const QUOTE_MARK = codeTable('“”"\'「」');
const OBJECT_STOP_WORD = /全部|全面|加快|实现|建成|完成|达到|获评|获得|被评|已经|正在|进行|提供|投入使用|顺利|预计|力争|确保|将/;

/** Drops quote marks when they do not pair up (“一刻钟便民生活圈 → 一刻钟便民生活圈). */
/** The last 、 of `s` that is not inside quotes (“停、缓、调、撤” is one item). */
function lastTopLevelSeparator(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x201d || c === 0x300d || c === 0x300b) depth++; // ” 」 》
    else if (c === 0x201c || c === 0x300c || c === 0x300a) depth = Math.max(0, depth - 1); // “ 「 《
    else if (c === 0x3001 && depth === 0) return i; // 、
  }
  return -1;
}

function balanceQuotes(s: string): string {
  let open = 0;
  let close = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x201c) open++;
    else if (c === 0x201d) close++;
  }
  return open === close ? s : s.replace(/[“”]/g, '');
}

interface ListContext {
  clauseStart: number;
  items: string[];
  head: string;
  index: number;
  lastEnd: number;
  growth: string | null;
}

function extract(original: string, options: ExtractOptions): ExtractedDocument {
  const ct: CleanText = cleanText(original);
  const t = ct.text;
  const { numerals, delimiters, sentenceDelimiters } = ct;
  numeralIndex = 0;
  const context = documentContext(t, { year: options.year ?? options.planYear, kind: options.kind }, findPlanYear);
  const planYear = context.year;
  const lines = classifyLines(t, planYear, context);
  const livelihoodDocument = context.kind === 'livelihoodList';
  // the governing year of the current sentence (its last "YYYY年" before the number), looked up per sentence
  let yearSentence = -2;
  let sentenceYears: { at: number; year: number }[] = [];
  const claims: Claim[] = [];

  // indexes into the delimiter positions, moved forward with the candidates
  let clauseIndex = 0;
  let sentenceIndex = 0;
  let cueSentence = -2;
  let targetCueAt = -1;
  let resultCueAt = -1;
  // the plan-cue search of the current sentence: where it resumes (relative), and whether it is over
  let cueFrom = 0;
  let cueDone = false;
  // the previous claim (updated in place: one object for the whole run)
  const prevInSentence = { sentenceStart: -1, subject: '', end: -1 };
  /** the last amount (not a rate) of the sentence: what a following rate or share refers to */
  const prevAmount = { sentenceStart: -1, subject: '' };
  let list: ListContext | null = null;

  let li = 0;
  const n = t.length;
  let from = 0;
  for (;;) {
    const numStart = nextNumber(t, numerals, from);
    if (numStart < 0) break;
    let numEnd = runEnd;
    from = numEnd; // the scan continues after this run unless a claim moves it further
    const raw = t.slice(numStart, numEnd);
    if (raw === '一') continue; // the article 一 (一批, 一体, 一个)
    while (li < lines.length - 1 && lines[li].end < numStart) li++;
    const line = lines[li];
    if (!line || line.skip) continue;

    // ---- the number
    let valueText: string;
    let value: number;
    let scaleFromNumeral = '';
    const arabic = raw.charCodeAt(0) <= 0x39;
    if (arabic) {
      if (raw.length > 16) continue;
      const prev = t.charCodeAt(numStart - 1);
      const next = t.charCodeAt(numEnd);
      // * before a number is a list marker unless a digit precedes it (7*24); 3-4所 is a range, 2023-03 a date
      const marker = prev === 0x2a /* * */ && CHAR_CLASS[t.charCodeAt(numStart - 2)] !== 1;
      const rangeDash = prev === 0x2d /* - */ && shortNumberBefore(t, numStart - 1);
      if ((CODE_BEFORE[prev] === 1 && !marker && !rangeDash) || isAsciiLetter(next)) continue;
      if (CODE_AFTER[next] === 1 && CHAR_CLASS[t.charCodeAt(numEnd + 1)] === 1) continue;
      if (prev === 0x524d /* 前 */ && (next === 0x25 || next === 0x2030 || next === 0x540d || next === 0x4f4d)) continue; // 前1%, 前1‰, 前10名: a rank
      valueText = raw.includes(',') ? raw.replace(/,/g, '') : raw;
      value = digitsValue(valueText);
    } else {
      let numeral = raw;
      if (numeral.length > 12) continue;
      if (numeral.length > 1 && /[万亿]$/.test(numeral) && !/[万亿]/.test(numeral.slice(0, -1))) {
        scaleFromNumeral = numeral.slice(-1);
        numeral = numeral.slice(0, -1);
      }
      if ((numeral === '一' && !scaleFromNumeral) || BARE_SCALE.test(numeral)) continue; // 一批, 一体; but 一万多名 counts
      if (NOT_NUMERAL_PREFIX.test(t.slice(Math.max(0, numStart - 2), numStart))) continue;
      // 千 of 千米 / 千克 / 千瓦 belongs to the unit
      if (numeral.length > 1 && numeral.endsWith('千') && !scaleFromNumeral && matchUnitAt(t, numEnd - 1)?.unit.startsWith('千')) {
        numeral = numeral.slice(0, -1);
        numEnd -= 1;
      }
      const parsed = parseChineseNumeral(numeral);
      if (parsed === null || parsed === 0) continue;
      value = parsed;
      valueText = String(parsed);
    }
    if (!Number.isFinite(value)) continue;

    // ---- the unit
    let p = numEnd;
    let approx = '';
    const atP = t.charCodeAt(p);
    if (atP === 0x4f59 /* 余 */ || atP === 0x591a /* 多 */) {
      approx = atP === 0x4f59 ? '余' : '多';
      p++;
    }
    const u = matchUnitAt(t, p) ?? borrowedUnit(t, p);
    if (!u) continue;
    if (scaleFromNumeral && u.scaleText) continue;
    if (TIME_UNITS.has(u.unit) || (u.unit === '个' && stickyAt(PERIOD_AFTER_Y, t, u.end))) continue;
    // 二期工程, 一期项目: a phase; 60期 (sessions of a course or service) is a count
    if (u.unit === '期' && (!arabic || /^(?:工程|项目|间|内|以来)/.test(t.slice(u.end, u.end + 2)))) continue;
    if (u.approx) approx = u.approx;
    // 分别快于全国3.4个、1个百分点: the first unit is written short
    if (u.unit === '个' && !u.scaleText && ELIDED_POINTS_Y.test(t.slice(u.end, u.end + 12))) u.unit = '个百分点';
    const unit = scaleFromNumeral + u.scaleText + (u.unit === '％' ? '%' : u.unit);
    let unitEnd = u.end;
    const afterUnit = t.charCodeAt(unitEnd);
    if (afterUnit === 0x4f59 /* 余 */ || afterUnit === 0x591a /* 多 */) {
      approx = approx || (afterUnit === 0x4f59 ? '余' : '多');
      unitEnd++;
    }
    let suffix: string | null = null;
    if (SUFFIX_FIRST[t.charCodeAt(unitEnd)] === 1) {
      for (const s of SUFFIX_QUALIFIERS) {
        if (t.startsWith(s, unitEnd)) {
          suffix = s;
          break;
        }
      }
    }
    const afterAll = unitEnd + (suffix?.length ?? 0);

    const prefixQ = prefixQualifierAt(t, numStart);

    // ---- exclusions
    if (SPEC_LAST.has(t.charCodeAt(numStart - 1)) && SPEC_BEFORE.has(t.slice(numStart - 2, numStart))) continue; // 时速350公里: a specification
    if (u.unit !== '%' && SLOGAN_FIRST[t.charCodeAt(unitEnd)] === 1 && stickyAt(SLOGAN_AFTER_Y, t, unitEnd)) continue;
    if (!arabic && t.charCodeAt(unitEnd) === 0x4e00 /* 一 */) continue; // 四位一体, 三个一批
    if (insideShortQuote(t, numStart, unitEnd)) continue;
    if ((prefixQ === '超' || prefixQ === '超过' || prefixQ === '逾' || suffix === '以上' || suffix === '以下') && stickyAt(THRESHOLD_AFTER_Y, t, afterAll)) continue;
    if ((suffix === '以上' || suffix === '以下') && t.charCodeAt(afterAll) === 0x7684 /* 的 */) continue;
    // 50万元以下拖欠账款, 500人以上企业: a size class; 20个以上小区 stays a count
    if ((suffix === '以上' || suffix === '以下') && isCjk(t.charCodeAt(afterAll)) && !/^(?:个|家|项|座|所|条|处|件|次|场)$/.test(u.unit)) continue;
    // 608所AES: a number in a name
    if (isAsciiLetter(t.charCodeAt(unitEnd))) continue;
    if (u.unit.length === 1 && UNIT_WORD_SECOND[t.charCodeAt(u.end)] === 1 && UNIT_WORDS.has(t.charCodeAt(u.end - 1) * 65536 + t.charCodeAt(u.end))) continue;
    if (u.unit === '次' && /^(?:会议|全会|党代会|代表大会)/.test(t.slice(unitEnd, unitEnd + 5))) continue;

    // ---- sentence and clause bounds
    // from the delimiter positions cleanText listed (line breaks are the line's own bounds)
    clauseIndex = seek(delimiters, clauseIndex, numStart);
    sentenceIndex = seek(sentenceDelimiters, sentenceIndex, numStart);
    const clauseAfter = seek(delimiters, clauseIndex, afterAll);
    const sentenceAfter = seek(sentenceDelimiters, sentenceIndex, afterAll);
    const lastClauseDelim = clauseIndex > 0 ? delimiters[clauseIndex - 1] : -1;
    const lastSentenceDelim = sentenceIndex > 0 ? sentenceDelimiters[sentenceIndex - 1] : -1;
    const clauseEndAt = clauseAfter < delimiters.length ? delimiters[clauseAfter] : n;
    const sentenceEndAt = sentenceAfter < sentenceDelimiters.length ? sentenceDelimiters[sentenceAfter] : n;
    const sentenceStart = Math.max(lastSentenceDelim + 1, line.start);
    const clauseStart = Math.max(lastClauseDelim + 1, line.start);
    const sentenceEnd = Math.min(sentenceEndAt, line.end);
    const clauseEnd = Math.min(clauseEndAt, line.end);

    // ---- kind
    if (cueSentence !== sentenceStart) {
      cueSentence = sentenceStart;
      targetCueAt = -1;
      cueFrom = 0;
      cueDone = false;
      resultCueAt = -2; // looked up only when it can change the answer
    }
    // the sentence's first plan cue, searched only as far as this clause needs (plus CUE_SPAN, so
    // that a cue found is the one a search of the whole sentence finds)
    if (!cueDone && sentenceStart + cueFrom < clauseEnd) {
      const cueLimit = Math.min(sentenceEnd, sentenceStart + 4000);
      const windowEnd = Math.min(cueLimit, clauseEnd + CUE_SPAN);
      const trusted = windowEnd === cueLimit ? Infinity : windowEnd - sentenceStart - CUE_SPAN;
      const tc = firstTargetCue(t.slice(sentenceStart, windowEnd), planYear, cueFrom, trusted);
      if (tc >= 0) {
        targetCueAt = sentenceStart + tc;
        cueDone = true;
      } else if (trusted === Infinity) cueDone = true;
      else cueFrom = Math.max(cueResume, trusted);
    }
    let kind: 'result' | 'target';
    // the year the sentence speaks of, before this number: a past year reports results (2024年全区…,
    // 初步预计全年… of last year), the plan year plans (2025年，区里将…)
    if (planYear !== null && yearSentence !== sentenceStart) {
      yearSentence = sentenceStart;
      sentenceYears = governingYears(t, fullSentenceStart(t, sentenceStart, line.start), Math.min(sentenceEnd, sentenceStart + 4000));
    }
    let governing: number | null = null;
    for (const y of sentenceYears) if (y.at < numStart) governing = y.year;
    if (context.kind === 'statistics') kind = 'result';
    else if (governing !== null && planYear !== null && governing < planYear) kind = 'result';
    else if (targetCueAt >= 0 && targetCueAt < clauseEnd) kind = 'target';
    else if (governing !== null && planYear !== null && governing >= planYear && !line.pastParagraph) kind = 'target';
    else if (line.pastParagraph || line.mode === 'result') kind = 'result';
    else {
      if (resultCueAt === -2) {
        const rc = RESULT_CUE.exec(t.slice(sentenceStart, Math.min(sentenceEnd, sentenceStart + 4000)));
        resultCueAt = rc ? sentenceStart + rc.index : -1;
      }
      kind = resultCueAt >= 0 && resultCueAt < clauseEnd ? 'result' : 'target';
    }

    // ---- subject
    // the subject is read after the previous claim of the same clause (800万元和“爱心消费券”181.95万元)
    const leftStart = Math.max(clauseStart, numStart - 40, prevInSentence.end > clauseStart && prevInSentence.end <= numStart ? prevInSentence.end : 0);
    let leftRaw = t.slice(leftStart, numStart - (prefixQ?.length ?? 0));
    // 发展1-2个: the low end of a range is not part of the subject
    if (CHAR_CLASS[leftRaw.charCodeAt(leftRaw.length - 2)] === 1 && rangeLowBefore(t, numStart, unit) !== null) leftRaw = leftRaw.replace(/[\d.]+(?:%|‰)?[-—–~～至]+$/, '');
    let subject: string;
    const growth = prefixQ ? (GROWTH_OF.get(prefixQ) ?? null) : null;
    const fenbie = lastFenbie(t, leftStart, numStart); // bounded window: never a search through the whole text
    if (list && list.clauseStart === clauseStart && /^[、,，和及与]*$/.test(t.slice(list.lastEnd, numStart))) {
      list.index++;
      list.lastEnd = afterAll;
      subject = listSubject(list);
    } else if (fenbie >= 0) {
      const itemsText = cleanSubject(t.slice(leftStart, leftStart + fenbie));
      const items = itemsText.split(/[、和及与]/).filter(Boolean);
      const lastItem = items[items.length - 1] ?? '';
      const de = lastItem.lastIndexOf('的');
      let head = de >= 0 ? lastItem.slice(de + 1) : (MEASURE_HEAD.exec(lastItem)?.[1] ?? '');
      // 城镇、农村常住居民人均可支配收入: parallel modifiers of one length share the head written once at the end
      const k = items[0]?.length ?? 0;
      if (de < 0 && items.length > 1 && k >= 1 && k <= 3 && items.slice(0, -1).every((x) => x.length === k) && lastItem.length > k + 2) head = lastItem.slice(k);
      if (de >= 0) items[items.length - 1] = lastItem.slice(0, de) + lastItem.slice(de + 1);
      list = { clauseStart, items, head, index: 0, lastEnd: afterAll, growth: /分别(增长|下降)/.exec(t.slice(leftStart + fenbie, numStart))?.[1] ?? growth };
      subject = items.length > 1 ? listSubject(list) : cleanSubject(t.slice(leftStart, leftStart + fenbie));
    } else {
      list = null;
      const sameSentencePrev = prevInSentence.sentenceStart === sentenceStart ? prevInSentence : null;
      const amountBefore = prevAmount.sentenceStart === sentenceStart ? prevAmount : null;
      // 实施1个水源工程和3个供水工程: a joiner right before the number separates like 、
      const lastSep = JOINER_END[leftRaw.charCodeAt(leftRaw.length - 1)] === 1 && leftRaw.length > 1 ? leftRaw.length - 1 : lastTopLevelSeparator(leftRaw);
      let left = cleanSubject(lastSep >= 0 ? leftRaw.slice(lastSep + 1) : leftRaw);
      let objectMemo: string | null = null;
      if (lastSep >= 0) {
        const beforeSep = cleanSubject(leftRaw.slice(0, lastSep));
        const leadVerb = leadingVerbs(beforeSep);
        if (!left) left = leadVerb; // 完成40个老旧小区、20条小街小巷改造: the verb carries over
        else if (left.length <= 4 && (objectMemo ??= objectAfter(t, afterAll, clauseEnd)).length >= 2 && !endsWithVerb(left)) left = leadVerb; // 新建甲、乙2个养老中心
        else if ((objectMemo ??= objectAfter(t, afterAll, clauseEnd)).length < 2 && !/\d/.test(beforeSep)) left = cleanSubject(leftRaw); // 关停洗砂、碎石场33家
      }
      // 人均收入从5.2万元提高到7.4万元: the subject stands before 从; the second amount restates it
      const from = lastIndexOfCode(left, 0x4ece /* 从 */);
      if (from > 0) left = cleanSubject(left.slice(0, from));
      else if (sameSentencePrev && CHANGE_TO.test(left)) left = sameSentencePrev.subject.replace(GROWTH_SUFFIX, '');
      // 对甲乙企业及车间共发放就业奖补45万元: what follows 共/累计 names the amount
      const total = hasTotalChar(left) ? TOTAL_WORD.exec(left) : null;
      if (total && total.index > 0 && leadingVerbs(left.slice(total.index + total[0].length)) !== '') left = left.slice(total.index + total[0].length);
      // 签约引进甲乙等产业项目18个: the examples before 等 are dropped
      const deng = lastIndexOfCode(left, 0x7b49 /* 等 */);
      if (deng > 0 && left.length - deng > 2) left = leadingVerbs(left) + left.slice(deng + 1);
      const verbOnly = left.length <= 6 && endsWithVerb(left);
      // 对城区60条背街小巷…, 为辖区1.5万户家庭…: a preposition with a place names whom, the object after the number what
      const prepositionOnly = left.length <= 4 && PREPOSITION_FIRST[left.charCodeAt(0)] === 1;
      if ((!left || verbOnly || prepositionOnly || OBJECT_BEFORE_LAST[left.charCodeAt(left.length - 1)] === 1) && (objectMemo ??= objectAfter(t, afterAll, clauseEnd)).length >= 2) {
        const keepVerb = verbOnly && !/^(?:完成|实现|有|共有|拥有)$/.test(left);
        subject = (keepVerb ? left : '') + objectMemo;
      } else if (!left && growth && (amountBefore || sameSentencePrev)) {
        // 民生支出达13.9亿元，…，增长13.9%: the growth of the sentence's amount
        subject = (amountBefore ?? sameSentencePrev!).subject.replace(GROWTH_SUFFIX, '');
      } else if (t.charCodeAt(afterAll) === 0x7684 /* 的 */ && GENERIC_MEASURE.test(left) && (objectMemo ??= objectAfter(t, afterAll, clauseEnd)).length >= 2) {
        subject = objectMemo + left; // 总投资10亿元的产业园 → 产业园总投资
      } else if ((GENERIC_MEASURE.test(left) || left.startsWith('占')) && amountBefore) {
        subject = amountBefore.subject.replace(GROWTH_SUFFIX, '') + left.replace(/的$/, ''); // 重点项目15个、总投资22.51亿元
      } else if (left.length > 6 && left.length <= 14 && endsWithVerb(left) && (objectMemo ??= objectAfter(t, afterAll, clauseEnd)).length >= 2) {
        subject = left + objectMemo; // 为普通教室安装200台空调 → 为普通教室安装空调
      } else {
        subject = left.length > 16 ? left.slice(-16) : left;
      }
      if (growth && !subject.endsWith(growth)) subject += growth;
    }
    if (list && list.growth && !subject.endsWith(list.growth)) subject += list.growth;
    if (!subject) {
      // nothing before or after: the amount restates the previous one (增加1829万千瓦、达到9048万千瓦)
      const object = objectAfter(t, afterAll, clauseEnd);
      if (object) subject = object;
      else if (prevInSentence.sentenceStart === sentenceStart) subject = prevInSentence.subject.replace(GROWTH_SUFFIX, '');
      else subject = t.slice(Math.max(clauseStart, numStart - 8), numStart);
    }
    prevInSentence.sentenceStart = sentenceStart;
    prevInSentence.subject = subject;
    prevInSentence.end = afterAll;
    if (u.unit !== '%' && u.unit !== '个百分点') {
      prevAmount.sentenceStart = sentenceStart;
      prevAmount.subject = subject;
    }

    // ---- the claim
    let commitmentHere = true;
    let qualifier: string | null = prefixQ || null;
    if (approx) qualifier = qualifier ? `${qualifier} ${approx}` : approx;
    if (suffix) qualifier = qualifier ? `${qualifier} ${suffix}` : suffix;
    // ≤ when any qualifier says so (or 控制在 in the clause of a target), else ≥ when any says so
    let cmp: Claim['comparator'] = comparatorOfOne(prefixQ);
    if (cmp !== 'lte') {
      const a = comparatorOfOne(approx);
      const b = comparatorOfOne(suffix);
      if (a === 'lte' || b === 'lte' || (kind === 'target' && hasControl(t, clauseStart, numStart))) cmp = 'lte';
      else if (suffix === '左右' || suffix === '上下') cmp = 'approx';
      else cmp = cmp ?? a ?? b;
    }
    // a range: 5%—6%, 5—6%, 3-4所 (the low end written before, with or without the unit)
    let range: Claim['range'] = null;
    const low = rangeLowBefore(t, numStart, unit);
    if (low !== null && cmp !== 'lte') {
      range = { low, high: valueText };
      cmp = 'range';
      const prevClaim = claims[claims.length - 1];
      if (prevClaim && prevClaim.valueText === low && prevClaim.unit === unit && prevClaim.end >= toOriginal(ct, numStart) - 3) {
        // the low end was a claim of its own (5%—6%): it carries the range, this one is its bound
        prevClaim.comparator = 'range';
        prevClaim.range = range;
        range = null;
        commitmentHere = false;
      }
    }
    let normalized: Claim['normalized'] = null;
    try {
      normalized = normalizeText(valueText, unit, { power: u.power + (scaleFromNumeral === '万' ? 4 : scaleFromNumeral === '亿' ? 8 : 0), unit: u.unit === '％' ? '%' : u.unit });
    } catch {
      normalized = null;
    }
    claims.push({
      kind,
      subject,
      value,
      valueText,
      unit,
      normalized,
      qualifier,
      comparator: cmp,
      range,
      commitment: commitmentHere,
      start: toOriginal(ct, numStart),
      end: toOriginal(ct, unitEnd - 1) + 1,
      sentence: t.slice(sentenceStart, Math.min(sentenceEnd + (t.charCodeAt(sentenceEnd) === 0x0a ? 0 : 1), sentenceStart + 300)),
      heading: line.heading,
      livelihood: line.livelihood || (livelihoodDocument && kind === 'target'),
    });
    from = Math.max(from, u.end);
  }
  markListTotals(claims);
  return { context, claims };
}

/** Is there a number of one to three digits (not part of a code: 0571-, 2023-) right before `at`? */
function shortNumberBefore(t: string, at: number): boolean {
  let k = at;
  while (k > 0 && CHAR_CLASS[t.charCodeAt(k - 1)] === 1) k--;
  const len = at - k;
  return len >= 1 && len <= 3 && t.charCodeAt(k) !== 0x30 && CODE_BEFORE[t.charCodeAt(k - 1)] !== 1 && !isAsciiLetter(t.charCodeAt(k - 1));
}

/** Characters after which a clause opens (a year written right after one is the clause's time). */
const CLAUSE_OPEN = codeTable('，,。；;：:！？!?\n　 、（(“');

/** Start of the sentence ended by a full stop (。！？) that contains `from`: a ； does not end the time a sentence speaks of. */
function fullSentenceStart(t: string, from: number, lineStart: number): number {
  const limit = Math.max(lineStart, from - 400);
  for (let k = from - 1; k >= limit; k--) {
    const c = t.charCodeAt(k);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f) return k + 1;
  }
  return limit;
}

/** The years a sentence speaks of (YYYY年 not after 较/比/到/至, nor before 以来/底前…), with their positions. */
function governingYears(t: string, from: number, to: number): { at: number; year: number }[] {
  const out: { at: number; year: number }[] = [];
  // a plain loop over [from, to): indexOf would read on to the end of the text when the sentence has no 年
  for (let at = from + 4; at < to; at++) {
    if (t.charCodeAt(at) !== 0x5e74 /* 年 */) continue;
    const y = yearBefore(t, at);
    if (y === null || at - 4 < from) continue;
    const before = t.charCodeAt(at - 5);
    // 较2024年, 比2024年, 到2027年, 2021—2025年, 同2024年: a comparison or a horizon, not the sentence's time
    if (before === 0x8f83 /* 较 */ || before === 0x6bd4 /* 比 */ || before === 0x540c /* 同 */ || HORIZON_BEFORE[before] === 1) continue;
    // 2024年以来, 2024年底前: a period
    if (t.startsWith('以来', at + 1) || t.startsWith('底前', at + 1)) continue;
    // the time of a clause is written first (2024年，全区…; 记者获悉，2024年全区…); a year inside it
    // (完工2024年9个续建项目, 从2024年9月开始) qualifies something else
    const open = t.charCodeAt(at - 5);
    if (at - 4 > from && CLAUSE_OPEN[open] !== 1 && !(CLAUSE_OPEN[t.charCodeAt(at - 6)] === 1 && (open === 0x5728 /* 在 */ || open === 0x4e8e /* 于 */))) continue;
    out.push({ at: at - 4, year: y });
  }
  return out;
}

/** The low end of a range ending right before `numStart` (5%—6%: "5"; 3-4所: "3"), or null. */
function rangeLowBefore(t: string, numStart: number, unit: string): string | null {
  const dash = t.charCodeAt(numStart - 1);
  if (!(dash === 0x2014 || dash === 0x2013 || dash === 0x2d || dash === 0x7e || dash === 0xff5e || dash === 0x81f3 /* 至 */)) return null;
  let end = numStart - 1;
  if (t.charCodeAt(end - 1) === 0x2014) end--; // ——
  // the unit may be written at the low end too (5%—6%); only % and one-character units
  if (unit && t.startsWith(unit, end - unit.length) && unit.length <= 2) end -= unit.length;
  let start = end;
  while (start > 0 && CHAR_CLASS[t.charCodeAt(start - 1)] === 1) start--;
  if (t.charCodeAt(start - 1) === 0x2e && CHAR_CLASS[t.charCodeAt(start - 2)] === 1) {
    start--;
    while (start > 0 && CHAR_CLASS[t.charCodeAt(start - 1)] === 1) start--;
  }
  if (start === end || end - start > 12) return null;
  const low = t.slice(start, end);
  return Number(low) < digitsValue(t.slice(numStart, numStart + 12).match(/^[\d.]+/)?.[0] ?? '0') ? low : null;
}

/** Units in which a 民生实事 list counts its items (办好12件实事, 8个方面30项). */
const LIST_COUNT_UNIT = /^(?:件|项|个|大类|类|方面)$/;
/**
 * A 民生实事 list's own size (12件实事, 共30项) and the totals said in the same sentence (计划总投入,
 * 较上年增长): reported, but not commitments of their own — the items are.
 */
function markListTotals(claims: Claim[]): void {
  let sentence = '';
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    if (!LIST_COUNT_UNIT.test(c.unit)) continue;
    const at = c.sentence.indexOf(c.valueText + c.unit);
    const after = at >= 0 ? c.sentence.slice(at + c.valueText.length + c.unit.length, at + c.valueText.length + c.unit.length + 12) : '';
    const isListSize = /^(?:[^，,。；;]{0,6}?(?:实事|民生工程|惠民工程|民生项目|任务|事项))|^[，,。；;]?$/.test(after) && /实事|民生工程|惠民工程|民生项目|实事项目/.test(c.sentence.slice(0, at + 40));
    if (!isListSize) continue;
    sentence = c.sentence;
    for (let j = i; j >= 0 && claims[j].sentence === sentence; j--) claims[j].commitment = false;
    for (let j = i + 1; j < claims.length && claims[j].sentence === sentence; j++) claims[j].commitment = false;
  }
}

/** 共计, 累计 … followed by what they total (共计发放 …). */
const TOTAL_WORD = /(?:共计|共|累计|合计|总计)(?=[\u4e00-\u9fff]{2})/;
/** Does `s` contain 共 or 计 (a cheap test before TOTAL_WORD)? */
function hasTotalChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5171 /* 共 */ || c === 0x8ba1 /* 计 */) return true;
  }
  return false;
}
const JOINER_END = codeTable('和及与');
/** First characters of a short subject that is only a preposition and a place or group (对城区, 为辖区). */
const PREPOSITION_FIRST = codeTable('对为向给');
/** Last characters of a subject that leave it waiting for its object: 对, 为, 向 … 的, 内, 中. */
const OBJECT_BEFORE_LAST = new Uint8Array(65536);
for (const ch of '对为向在给与等的内中') OBJECT_BEFORE_LAST[ch.charCodeAt(0)] = 1;

const ONE_QUALIFIER: string[] = [''];
/** comparatorOf for one qualifier (or none), without a list per call. */
function comparatorOfOne(q: string | null): 'gte' | 'lte' | null {
  if (!q) return null;
  ONE_QUALIFIER[0] = q;
  return comparatorOf(ONE_QUALIFIER);
}

/** Index of the last character `code` in `s`, or -1 (a plain loop: no runtime call). */
function lastIndexOfCode(s: string, code: number): number {
  for (let i = s.length - 1; i >= 0; i--) if (s.charCodeAt(i) === code) return i;
  return -1;
}
/** First characters of the suffix qualifiers (以上, 左右 …). */
const SUFFIX_FIRST = new Uint8Array(65536);
for (const s of SUFFIX_QUALIFIERS) SUFFIX_FIRST[s.charCodeAt(0)] = 1;

/** Position of the last 分别 inside t[from, to) relative to `from`, or -1. */
function lastFenbie(t: string, from: number, to: number): number {
  for (let k = to - 2; k >= from; k--) if (t.charCodeAt(k) === 0x5206 /* 分 */ && t.charCodeAt(k + 1) === 0x522b /* 别 */) return k - from;
  return -1;
}

/** Is 控制在 written inside t[from, to)? */
function hasControl(t: string, from: number, to: number): boolean {
  for (let k = from; k + 3 <= to; k++) if (t.charCodeAt(k) === 0x63a7 /* 控 */ && t.charCodeAt(k + 1) === 0x5236 && t.charCodeAt(k + 2) === 0x5728) return true;
  return false;
}

function listSubject(list: ListContext): string {
  const item = list.items[Math.min(list.index, list.items.length - 1)] ?? '';
  if (list.head && !item.endsWith(list.head)) return item + list.head;
  return item;
}
