/**
 * 兑现核验 (promise check): a year's commitments against what the next year's report (or the year's
 * 纪实) says was done. Pure: the caller gives the commitments with their last accepted report
 * value, the results the later documents state (recorded facts, with their sentence) and the
 * documents' texts; this module matches them and says, per commitment, whether the promise was
 * kept, partly kept, missed or never mentioned — with the sentence that says so.
 *
 * Matching: subject similarity (character bigrams over a key in which official synonyms and
 * abbreviations are unified: 城镇新增就业 = 新增城镇就业, 规模工业 = 规上工业), unit compatibility
 * through the quantity module (6.12万平方米 against 平方米), the sector, and a one-to-one
 * assignment by score. Milestone and qualitative commitments (and quantitative ones no figure
 * matches) are matched to a sentence that speaks of them: done (建成投运) → kept, deferred or not
 * done → missed, otherwise partial.
 */
import { classifyLines } from './extract/extract.ts';
import { baseUnitOf, KNOWN_UNITS, normalize, splitUnit, toNumber } from './quantity.ts';
import type { Comparator } from './types.ts';

/** kept 已兑现 · partial 部分兑现 · missed 未兑现 · unmentioned 未提及 */
export const PROMISE_STATUSES = ['kept', 'partial', 'missed', 'unmentioned'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** A commitment of year N as the check needs it. */
export interface PromiseInput {
  id: string;
  parentId: string | null;
  title: string;
  sector: string;
  kind: 'quantitative' | 'milestone' | 'qualitative';
  targetValue: string | null;
  targetValueMax: string | null;
  unit: string | null;
  comparator: Comparator | string | null;
  /** the lead department's last accepted cumulative value (in `unit`), null when none */
  reportedValue: string | null;
  reportedPeriod: string | null;
}

/** A result a later document states (a recorded fact with its source). */
export interface StatedResult {
  id: string;
  subject: string;
  value: string;
  unit: string;
  qualifier: string | null;
  source: { documentId: string; start: number; end: number; sentence: string; heading?: string | null } | null;
}

export interface SourceText {
  id: string;
  text: string;
  /** the year the document plans (a report of year N+1 reviewing N): when given, only its review part is searched for sentences */
  planYear?: number;
}

export interface ReconcileOptions {
  /** relative difference between stated and reported values beyond which the pair is flagged (default 0.01 = 1%) */
  tolerance?: number;
  /** for % targets: the difference in percentage points beyond which the pair is flagged (default 0.5) */
  pointTolerance?: number;
  /** a 左右 (approximate) target is met within this share of the target (0.05 = 5%) */
  approxTolerance?: number;
  /** the lowest match score kept (0–1) */
  minScore?: number;
}

export interface PromiseSource {
  documentId: string;
  start: number;
  end: number;
  sentence: string;
}

/** The check of one commitment. */
export interface PromiseCheck {
  commitmentId: string;
  status: PromiseStatus;
  /** the stated value in the commitment's unit (decimal string), when a figure matched */
  statedValue: string | null;
  /** the stated figure as written (6.12万平方米) */
  statedText: string | null;
  /** the fact matched, when a figure matched */
  factId: string | null;
  source: PromiseSource | null;
  /** what the verdict rests on: a stated figure, a sentence, the subtasks' verdicts, or nothing found */
  basis: 'figure' | 'sentence' | 'subtasks' | null;
  /** 0–1: how sure the match is */
  confidence: number;
  /** stated vs the departments' last accepted report: consistent, or the stated figure above/below it */
  consistency: 'consistent' | 'statedAbove' | 'statedBelow' | null;
  /** stated − reported, in the commitment's unit */
  difference: number | null;
}

const DEFAULTS: Required<ReconcileOptions> = { tolerance: 0.01, pointTolerance: 0.5, approxTolerance: 0.05, minScore: 0.45 };

/**
 * Synonyms and abbreviations of official language, unified into one written form before
 * comparison (in each pattern, longer forms first). Data, not logic: add pairs as offices meet them.
 */
export const SUBJECT_SYNONYMS: ReadonlyArray<[RegExp, string]> = [
  [/城镇新增就业人数|新增城镇就业人数|城镇新增就业/g, '新增城镇就业'],
  [/规模以上工业|规模工业/g, '规上工业'],
  [/社会消费品零售总额|社零总额|社零/g, '社消零'],
  [/全社会固定资产投资|固定资产投资|固投/g, '固定资产投资'],
  [/地方一般公共预算收入|一般公共预算收入|地方财政收入|财政总收入/g, '财政收入'],
  [/地区生产总值|国内生产总值|生产总值|GDP/gi, '生产总值'],
  [/城乡居民人均可支配收入|居民人均可支配收入/g, '居民收入'],
  [/居民消费价格|CPI/gi, '居民消费价格'],
  [/外贸进出口总额|进出口总额|外贸进出口/g, '进出口'],
  [/实际利用外资|实际使用外资金额|实际使用外资/g, '实际使用外资'],
  [/单位地区生产总值能耗|单位GDP能耗|单位生产总值能耗/gi, '单位能耗'],
  [/城镇调查失业率/g, '调查失业率'],
  [/空气质量优良天数比例|空气优良天数比例|优良天数比例|空气优良率/g, '优良天数'],
  [/高标准农田|高标准基本农田/g, '高标准农田'],
  [/粮食总产量|粮食产量/g, '粮食产量'],
  [/招商引资到位资金|到位资金/g, '到位资金'],
];

/** Words that carry no subject (measures, verbs of doing, list markers): dropped from a key. */
const FILLER = /[0-9０-９.．,，、。；;：:（）()《》“”"'‘’【】\[\]\s*▶►●◆■□★☆※—\-－~～%％]|以上|以内|左右|不低于|不少于|不超过|控制在|力争|确保|完成|实现|达到|全年|累计|预计|分别|同比|比上年|年度|目标|任务|万|亿|千|百/g;

/** A figure with its scale and unit (20条, 1.5亿公斤, 6.2万亩): what a key leaves out. */
const QUANTITY = new RegExp(`[0-9０-９][0-9０-９.．,]*(?:万亿|千亿|百亿|万|亿|千|百)?(?:${KNOWN_UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('|')})?`, 'g');

/** The comparable key of a title or subject: synonyms unified, figures and filler removed. */
export function subjectKey(text: string): string {
  let s = text;
  for (const [re, to] of SUBJECT_SYNONYMS) s = s.replace(re, to);
  // a parenthesis holds detail (which villages, how many households), not the subject
  return s.replace(/（[^）]*）|\([^)]*\)/g, '').replace(QUANTITY, '').replace(FILLER, '');
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  if (s.length === 1) out.add(s);
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** A text's key and the key's bigrams, computed once per text (a key costs a pass per synonym). */
interface Keyed { key: string; grams: Set<string> }
const keyed = (text: string): Keyed => {
  const key = subjectKey(text);
  return { key, grams: bigrams(key) };
};

/** Dice similarity of two keys' character bigrams, with credit for one key inside the other. */
function similarity(a: Keyed, b: Keyed): number {
  if (!a.key || !b.key) return 0;
  if (a.key === b.key) return 1;
  let common = 0;
  for (const x of a.grams) if (b.grams.has(x)) common++;
  const dice = (2 * common) / (a.grams.size + b.grams.size);
  const [shorter, longer] = a.key.length <= b.key.length ? [a.key, b.key] : [b.key, a.key];
  const contained = shorter.length >= 3 && longer.includes(shorter) ? 0.85 : 0;
  // a title that names what it counts (新建建设路、解放路等道路15条) still says 新建道路: the shorter key's characters in order
  const named = shorter.length >= 4 && isSubsequence(shorter, longer) ? 0.6 : 0;
  return Math.max(dice, contained, named);
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

export const subjectSimilarity = (a: string, b: string): number => similarity(keyed(a), keyed(b));

/** Share of `needle`'s bigrams found in `hay`: how much of a commitment a sentence speaks of. */
function coverage(needle: Set<string>, hay: Set<string>): number {
  if (needle.size === 0) return 0;
  let found = 0;
  for (const x of needle) if (hay.has(x)) found++;
  return found / needle.size;
}

function unitFactor(unit: string): { base: string; factor: number } | null {
  const split = splitUnit(unit);
  if (!split || !baseUnitOf(split.unit)) return null;
  const n = normalize('1', unit);
  return { base: n.unit, factor: toNumber(n.value) };
}

/** `value unit` expressed in `toUnit`, or null when the units do not convert. */
export function convert(value: string, unit: string, toUnit: string): number | null {
  const from = unitFactor(unit);
  const to = unitFactor(toUnit);
  if (!from || !to || from.base !== to.base) return null;
  return (Number(value) * from.factor) / to.factor;
}

const DECREASE = /下降|减少|降低|压减|压降|缩减/;
/** A sentence that says the thing was done. */
const DONE = /建成|完成|竣工|投运|投入使用|投用|通车|开通|实现|落成|交付|挂牌|运营|覆盖|达标|开工|启用|全面铺开|验收/;
/** A sentence that says the thing was not done or was put off. */
const NOT_DONE = /未完成|未能|未实现|未达|尚未|没有完成|推迟|延期|延后|顺延|暂缓|缓建|搁置|未启动|滞后|取消/;

/** A 下降 figure against a commitment that speaks of growth: its value counts negative. */
function isDecrease(fact: StatedResult, title: string): boolean {
  return DECREASE.test(fact.qualifier ?? '') && !DECREASE.test(title);
}

/** Whether a value (in the commitment's unit) meets the target. */
export function meetsTarget(c: Pick<PromiseInput, 'targetValue' | 'targetValueMax' | 'comparator'>, value: number, approxTolerance = DEFAULTS.approxTolerance): boolean {
  if (c.targetValue === null) return true;
  const t = Number(c.targetValue);
  const eps = Math.abs(t) * 1e-9;
  switch (c.comparator) {
    case 'lte':
      return value <= t + eps;
    case 'range':
      // a range is met from its lower bound up: a growth beyond the upper bound is not a broken promise
      return value >= t - eps;
    case 'approx':
      return value >= t - Math.abs(t) * approxTolerance - eps;
    case 'eq':
    case 'gte':
    default:
      return value >= t - eps;
  }
}

interface Sentence {
  documentId: string;
  start: number;
  end: number;
  text: string;
  grams: Set<string>;
}

/**
 * The sentences of the documents with their offsets (split at 。！？； and line ends) — of a
 * document with a plan year, only those of its review part: a plan sentence (力争…实现正增长)
 * says nothing about whether last year's promise was kept.
 */
function sentencesOf(docs: readonly SourceText[]): Sentence[] {
  const out: Sentence[] = [];
  for (const d of docs) {
    const lines = d.planYear ? classifyLines(d.text, d.planYear) : null;
    let li = 0;
    const re = /[^。！？；!?;\n]+[。！？；!?;]?/g;
    for (let m = re.exec(d.text); m; m = re.exec(d.text)) {
      const text = m[0].trim();
      if (text.length < 4) continue;
      if (lines) {
        while (li < lines.length - 1 && lines[li]!.end < m.index) li++;
        const line = lines[li]!;
        if (line.skip || (line.mode !== 'result' && !line.pastParagraph)) continue;
      }
      const start = m.index + m[0].indexOf(text);
      out.push({ documentId: d.id, start, end: start + text.length, text, grams: bigrams(subjectKey(text)) });
    }
  }
  return out;
}

/**
 * Checks each commitment against the stated results and the documents' sentences. Returns one
 * check per commitment, in the order given; parents without a match of their own take their
 * subtasks' verdict (all kept → kept, none mentioned → unmentioned, else partial).
 */
export function reconcile(
  commitments: readonly PromiseInput[],
  facts: readonly StatedResult[],
  documents: readonly SourceText[],
  options: ReconcileOptions = {},
): PromiseCheck[] {
  const o = { ...DEFAULTS, ...options };
  const children = new Map<string, PromiseInput[]>();
  for (const k of commitments) {
    if (k.parentId === null) continue;
    const list = children.get(k.parentId);
    if (list) list.push(k);
    else children.set(k.parentId, [k]);
  }
  // each fact's subject and the clause its figure stands in, keyed once: pairs only compare keys
  const factKeys = facts.map((f) => ({ subject: keyed(f.subject), clause: f.source ? keyed(clauseOf(f.source.sentence, f)) : null }));

  // 1. figures: every compatible (commitment, fact) pair with its score, then one-to-one by score
  const pairs: Array<{ c: PromiseInput; f: StatedResult; score: number; value: number }> = [];
  for (const c of commitments) {
    if (c.kind !== 'quantitative' || !c.unit || children.has(c.id)) continue;
    const title = keyed(c.title);
    for (const [i, f] of facts.entries()) {
      const { subject, clause } = factKeys[i]!;
      const score = Math.max(similarity(title, subject), clause ? 0.9 * similarity(title, clause) : 0);
      if (score < o.minScore) continue;
      // the figure in the commitment's unit, for a pair that speaks of the same thing (parsing is the dear part)
      const value = convert(f.value, f.unit, c.unit);
      // a fact with its sentence is preferred to one recorded without (same score otherwise)
      if (value !== null) pairs.push({ c, f, score, value: isDecrease(f, c.title) ? -value : value });
    }
  }
  pairs.sort((a, b) => b.score - a.score || Number(!!b.f.source) - Number(!!a.f.source) || (a.f.source?.start ?? 0) - (b.f.source?.start ?? 0));
  const byCommitment = new Map<string, (typeof pairs)[number]>();
  const usedFacts = new Set<string>();
  for (const p of pairs) {
    if (byCommitment.has(p.c.id) || usedFacts.has(p.f.id)) continue;
    byCommitment.set(p.c.id, p);
    usedFacts.add(p.f.id);
  }

  // 2. sentences, for what no figure matched; parents after their subtasks, whose verdicts they take when any is mentioned
  const sentences = sentencesOf(documents);
  const checks = new Map<string, PromiseCheck>();
  const visit = (c: PromiseInput): PromiseCheck => {
    const done = checks.get(c.id);
    if (done) return done;
    const check = checkOne(c, byCommitment.get(c.id), sentences, (children.get(c.id) ?? []).map(visit), o);
    checks.set(c.id, check);
    return check;
  };
  commitments.forEach(visit);
  return commitments.map((c) => checks.get(c.id)!);
}

/** The clause of its sentence the figure stands in (between commas): what the figure measures. */
function checkOne(
  c: PromiseInput,
  p: { f: StatedResult; score: number; value: number } | undefined,
  sentences: readonly Sentence[],
  kids: readonly PromiseCheck[],
  o: Required<ReconcileOptions>,
): PromiseCheck {
  const none = { commitmentId: c.id, statedValue: null, statedText: null, factId: null, consistency: null, difference: null } as const;
  if (p) {
    const value = p.value;
    const met = meetsTarget(c, value, o.approxTolerance);
    const sentence = p.f.source?.sentence ?? '';
    return {
      commitmentId: c.id,
      status: met ? 'kept' : NOT_DONE.test(sentence) ? 'missed' : 'partial',
      statedValue: trimNumber(value),
      statedText: `${p.f.qualifier && DECREASE.test(p.f.qualifier) ? p.f.qualifier : ''}${p.f.value}${p.f.unit}`,
      factId: p.f.id,
      source: p.f.source ? { documentId: p.f.source.documentId, start: p.f.source.start, end: p.f.source.end, sentence: p.f.source.sentence } : null,
      basis: 'figure',
      confidence: round2(p.score),
      ...consistencyOf(c, value, o),
    };
  }
  const mentioned = kids.filter((k) => k.status !== 'unmentioned');
  if (mentioned.length > 0) {
    const status: PromiseStatus = kids.every((k) => k.status === 'kept') ? 'kept' : mentioned.every((k) => k.status === 'missed') ? 'missed' : 'partial';
    return { ...none, status, source: null, basis: 'subtasks', confidence: round2(mentioned.reduce((s, k) => s + k.confidence, 0) / mentioned.length) };
  }
  const s = bestSentence(c, sentences);
  if (s && s.score >= 0.6) {
    const status: PromiseStatus = NOT_DONE.test(s.sentence.text) ? 'missed' : DONE.test(s.sentence.text) ? 'kept' : 'partial';
    const source = { documentId: s.sentence.documentId, start: s.sentence.start, end: s.sentence.end, sentence: s.sentence.text };
    return { ...none, status, source, basis: 'sentence', confidence: round2(s.score * (status === 'partial' ? 0.7 : 0.9)) };
  }
  return { ...none, status: 'unmentioned', source: null, basis: null, confidence: 0 };
}

function clauseOf(sentence: string, f: StatedResult): string {
  const at = sentence.indexOf(f.value);
  if (at < 0) return '';
  const stops = /[，,、；;。：:]/;
  let a = at;
  while (a > 0 && !stops.test(sentence[a - 1]!)) a--;
  let b = at + f.value.length;
  while (b < sentence.length && !stops.test(sentence[b]!)) b++;
  return sentence.slice(a, b);
}

/** The sentence that speaks most of a commitment, with the share of its key found there. */
function bestSentence(c: PromiseInput, sentences: readonly Sentence[]): { sentence: Sentence; score: number } | null {
  const { key, grams } = keyed(c.title);
  if (key.length < 3) return null;
  let best: { sentence: Sentence; score: number } | null = null;
  for (const s of sentences) {
    const score = coverage(grams, s.grams);
    if (!best || score > best.score) best = { sentence: s, score };
  }
  return best;
}

/** Stated against the departments' last accepted value (both in the commitment's unit): the three-way check. */
export function consistencyOf(
  c: Pick<PromiseInput, 'unit' | 'reportedValue'>,
  stated: number,
  options: ReconcileOptions = {},
): Pick<PromiseCheck, 'consistency' | 'difference'> {
  const o = { ...DEFAULTS, ...options };
  if (c.reportedValue === null) return { consistency: null, difference: null };
  const reported = Number(c.reportedValue);
  const difference = stated - reported;
  const within = c.unit === '%' ? Math.abs(difference) <= o.pointTolerance : Math.abs(difference) <= Math.abs(reported) * o.tolerance + 1e-9;
  return { consistency: within ? 'consistent' : difference > 0 ? 'statedAbove' : 'statedBelow', difference: Number(trimNumber(difference)) };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
/** A number as a plain decimal string without float noise (6.12 × 10000 → "61200"). */
function trimNumber(x: number): string {
  return String(Number(x.toPrecision(12)));
}
