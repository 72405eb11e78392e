/**
 * The title of a draft commitment made from an extracted target (立项草稿标题), written the way a
 * 督查室 task list line reads: what is measured, the comparator words, the amount —
 * 城镇新增就业6000人以上, 改造老旧小区20个, 城镇登记失业率控制在4.5%以内.
 */
import type { Claim } from '../domain/extract/extract.ts';
import { VERB_AT_START, VERB_LIST } from '../domain/extract/rules.ts';

/** Qualifiers written after the unit (以上 …): they end the title. */
const SUFFIXES = new Set(['以上', '以内', '以下', '左右', '之内', '上下']);
/** Approximation characters written after the number (500余名, 3万余人). */
const APPROX_AFTER = new Set(['余', '多']);
/** Words written before the number that a title keeps without their list or time marker: 分别达到 → 达到. */
const LEAD_MARKER = /^(?:分别|同比)/;
/** Scale characters that can open a written unit (万人, 亿元). */
const SCALE_AT_START = /^(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)/;

/**
 * Subjects that say only what kind of thing is counted, not which (任务, 项目 …): a title needs the
 * phrase from the sentence that names it.
 */
const GENERIC_SUBJECT = /^(?:任务|目标|目标任务|工作|工作任务|建设任务|项目|工程|指标|事项|举措)$/;

/**
 * A verb after the object that names the action done to it (对320户困难家庭进行危房改造): the title
 * keeps the action (困难家庭危房改造320户).
 */
const ACTION_AFTER = /^(?:进行|开展|实施|提供|完成)([\u4e00-\u9fff“”]{2,12}?)(?=[，,。；;、]|$)/;

/** A short noun followed by a building verb (道路新建), after an optional leading verb (启动道路新建). */
const NOUN_THEN_BUILD = /^((?:启动|加快|推进|实施|完成|开工)?)([\u4e00-\u9fff]{2,4}?)(新建|续建|改建|扩建|新改建|改扩建)$/;

/** The text after a subject's last clause mark (构建…生态，力争国家级实验室 → 力争国家级实验室). */
const LAST_CLAUSE = /[^，,；;：:]*$/;
/** An ordinal opening a list item (四是, 二要), a list marker or numbering (*, ▶, 1., （三）): not part of what is measured. */
const ORDINAL_LEAD = /^(?:[*＊▶►▷●○◆◇■□★☆·•√※\s]+|[一二三四五六七八九十]{1,2}[是要、]|\d{1,2}[.、．)）]|[(（][一二三四五六七八九十\d]{1,3}[)）])+/;
/** A plan cue inside a subject (…施政重点出炉将新建学校): what follows it is the task. */
const INNER_CUE = /^.*?(?:将|力争|确保|计划|预计)(?=[\u4e00-\u9fff]{4})/;
/** Plan cues at the front of a subject (力争, 确保 …): the title is already a target. */
const SUBJECT_LEAD_CUE = /^(?:力争|确保|预计|计划|争取)/;
/** The growth word a comparator ends with (年均增长 → 增长). */
const GROWTH_END = /(?:增长|下降)$/;

/** Leading words of a subject that say when, not what: 完成后全区卫生厕所普及率 → 卫生厕所普及率. */
const SUBJECT_LEAD_WHEN = /^(?:完成后|建成后|实施后|届时)(?:全区|全县|全市|全镇)?/;

/**
 * The title of a draft commitment for target `claim`. `claims` are the document's claims in
 * order (the claim among them): a generic subject (任务, 项目) takes the subject of the nearest
 * earlier claim of the same sentence and unit, else the phrase after the amount.
 */
export function draftTitle(claim: Claim, claims: readonly Claim[] = [claim]): string {
  const subject = titleSubject(claim, claims);
  const qualifiers = claim.qualifier ? claim.qualifier.split(' ') : [];
  let lead = '';
  let approx = '';
  let suffix = '';
  for (const q of qualifiers) {
    if (SUFFIXES.has(q)) suffix = q;
    else if (APPROX_AFTER.has(q)) approx = q;
    else lead = q.replace(LEAD_MARKER, '') || q;
  }
  if (!lead && !suffix) lead = listLead(claim, claims);
  if (lead && subject.endsWith(lead)) lead = '';
  // 研发经费投入增长 + 年均增长: the growth word is written once, in the comparator
  let subjectText = subject;
  const growth = GROWTH_END.exec(lead)?.[0];
  if (growth && subject.endsWith(growth) && subject.length > growth.length) subjectText = subject.slice(0, -growth.length);
  // 控制在 written earlier in the clause (失业率要控制在…) still belongs in a ≤ title
  if (!lead && claim.comparator === 'lte' && !suffix && claim.sentence.includes('控制在')) lead = '控制在';
  const scale = approx ? (SCALE_AT_START.exec(claim.unit)?.[0] ?? '') : '';
  // a range keeps both bounds as written (5%—6%, 3—4所): the draft's target is its lower bound
  const range = claim.comparator === 'range' ? claim.range : null;
  const number = range ? `${range.low}${/%|‰|百分点$/.test(claim.unit) ? claim.unit : ''}—${range.high}` : claim.valueText;
  const amount = `${number}${scale}${approx}${claim.unit.slice(scale.length)}${suffix}`;
  const joint = /[0-9A-Za-z]$/.test(subjectText) && !lead ? ' ' : '';
  return `${subjectText}${joint}${lead}${amount}`;
}

/** What the title names: the claim's subject, made specific where it is generic. */
function titleSubject(claim: Claim, claims: readonly Claim[]): string {
  // only the last clause of a subject, without a plan cue at its front
  let subject = (claim.subject || beforeAmount(claim)).replace(ORDINAL_LEAD, '');
  subject = subject.slice(subject.search(LAST_CLAUSE));
  subject = subject.replace(SUBJECT_LEAD_CUE, '') || subject;
  subject = subject.replace(INNER_CUE, '') || subject;
  // a telephone number or other long digit run (spam on mirror pages) never opens a title
  subject = subject.replace(/^.*\d{7,}/, '') || subject;
  subject = subject.replace(SUBJECT_LEAD_WHEN, '') || subject;
  if (!subject || GENERIC_SUBJECT.test(subject)) subject = specificSubject(claim, claims, subject);
  else if (subject.length <= 2) {
    // a bare verb (聚焦13个产业集群): the phrase after the amount says what
    const object = phraseAfterAmount(claim);
    if (object.length >= 2 && object.length <= 8) subject += object;
  }
  // 17条道路新建 → 新建道路: a short noun with the building verb after it reads verb first
  subject = subject.replace(NOUN_THEN_BUILD, '$1$3$2');
  const action = actionAfter(claim, subject);
  if (action) subject += action;
  else {
    // 惠及退休人员 / 覆盖 / 退休人员: who is reached, not what is done — the item's clause before says what
    // 改造老旧小区21个、惠及居民3600户: with no clause before, the amount before it says what
    const head = clauseBefore(claim, claims) || (REACH_VERB.test(subject) ? previousSubject(claim, claims) : '');
    const weak = head ? weakSubject(subject, head, claim.livelihood) : null;
    if (weak) return weak === 'within' ? head : `${head}，${subject}`;
  }
  return subject || claim.sentence.slice(0, 20);
}

/** Verbs of reach (惠及退休人员, 覆盖1.2万户): they say who benefits, the clause before says what is done. */
const REACH_VERB = /^(?:惠及|受益|受惠|覆盖|服务|涉及|帮扶|救助|开放)/;
/** Who is counted (退休人员, 65岁以上老年人, 困难群众): people, not a task. */
const PEOPLE_NOUN = /(?:人员|群众|人口|老人|老年人|职工|居民|妇女|儿童|学生|农户|家庭|对象|患者|残疾人|退休|人次)$/;
/** Verbs that open a task (开展, 实施 …) or a preposition before whom it is for (为, 对, 向). */
const TASK_OPENING = new RegExp(`^(?:${VERB_LIST.join('|')}|为|对|向|给|免费|培训|招聘)`);

/**
 * Is `subject` one that names only who is reached or a bare verb, so that the clause before it
 * (`head`) must say what is done? 'within' when `head` already says all of it (退休 in 企业退休人员
 * 健康体检, 惠及退休人员 after 为企业退休人员体检, 开放 after 免费开放学校体育场馆), 'joined' when
 * the subject adds who (65岁以上老年人, on 民生实事 items only), null when it is a subject of its own.
 */
function weakSubject(subject: string, head: string, livelihood: boolean): 'within' | 'joined' | null {
  if ((subject.length <= 4 || PEOPLE_NOUN.test(subject)) && head.includes(subject)) return 'within';
  const reach = REACH_VERB.exec(subject);
  if (reach) {
    const rest = subject.slice(reach[0].length);
    if (!rest || head.includes(rest)) return 'within';
    if (PEOPLE_NOUN.test(rest)) return 'joined';
    return null;
  }
  // 新建改造 after 提升改造“口袋公园”: verbs only, the clause before does the same; 筛查儿童 after
  // 为儿童免费视力筛查: verb and object both said before
  const verbs = VERB_AT_START.exec(subject)?.[0] ?? '';
  if (verbs === subject) {
    for (let i = 0; i + 2 <= subject.length; i++) if (head.includes(subject.slice(i, i + 2))) return 'within';
    return null;
  }
  if (verbs && !head.includes(subject) && head.includes(verbs) && head.includes(subject.slice(verbs.length))) return 'within';
  return livelihood && PEOPLE_NOUN.test(subject) && !TASK_OPENING.test(subject) ? 'joined' : null;
}

/**
 * The clause before the one holding the claim's amount, in the same sentence (企业退休人员免费体检，
 * 惠及退休人员不少于2.5万名 → 企业退休人员免费体检), without list markers or numbering; '' when
 * there is none, it is long, or it holds another amount of the sentence (it is then a task of its own).
 */
function clauseBefore(claim: Claim, claims: readonly Claim[]): string {
  const s = claim.sentence;
  const at = s.indexOf(claim.valueText + claim.unit);
  if (at < 0) return '';
  const BREAK = /[，,；;：:（(]/;
  let k = at - 1;
  while (k >= 0 && !BREAK.test(s[k]!)) k--;
  if (k <= 0) return '';
  let j = k - 1;
  while (j >= 0 && !BREAK.test(s[j]!)) j--;
  const head = s.slice(j + 1, k).replace(ORDINAL_LEAD, '').replace(SUBJECT_LEAD_CUE, '').trim();
  if (head.length < 4 || head.length > 24) return '';
  const unquoted = head.replace(/“[^”]*”/g, '');
  if (claims.some((c) => c !== claim && c.sentence === s && unquoted.includes(c.valueText + c.unit))) return '';
  if (/\d/.test(unquoted) && /\d+(?:\.\d+)?[万亿]?[个户人名家所处条项座间场次辆台套张元]/.test(unquoted)) return '';
  return head;
}

/** The subject of the claim right before this one in the same sentence, or ''. */
function previousSubject(claim: Claim, claims: readonly Claim[]): string {
  const prev = claims[claims.indexOf(claim) - 1];
  return prev && prev.sentence === claim.sentence && !REACH_VERB.test(prev.subject) ? prev.subject : '';
}

/** The clause text right before the claim's amount, without the numbers of a range (再增加2—4家 → 再增加). */
function beforeAmount(claim: Claim): string {
  const i = claim.sentence.indexOf(claim.valueText + claim.unit);
  if (i < 0) return '';
  const before = claim.sentence.slice(0, i).replace(/[\d.—\-～~至到]+$/, '');
  return before.slice(before.search(LAST_CLAUSE));
}

/** For a generic subject: a sibling claim's subject, the phrase after the amount, or the generic word. */
function specificSubject(claim: Claim, claims: readonly Claim[], generic: string): string {
  const at = claims.indexOf(claim);
  for (let i = (at < 0 ? claims.length : at) - 1; i >= 0; i--) {
    const c = claims[i];
    if (c.sentence !== claim.sentence) break;
    if (c.unit === claim.unit && c.subject && !GENERIC_SUBJECT.test(c.subject)) return c.subject;
  }
  const object = phraseAfterAmount(claim);
  if (object && !GENERIC_SUBJECT.test(object)) return generic && !object.endsWith(generic) ? object + generic : object;
  return generic;
}

/** The text of the sentence right after the claim's amount, up to the next punctuation mark. */
function afterAmount(claim: Claim): string {
  const written = claim.valueText + claim.unit;
  const i = claim.sentence.indexOf(written);
  if (i < 0) return '';
  let rest = claim.sentence.slice(i + written.length);
  for (const q of ['以上', '以内', '以下', '左右']) if (rest.startsWith(q)) rest = rest.slice(q.length);
  return rest.replace(/^的/, '');
}

/** The noun phrase right after the amount (…20个老旧小区改造 → 老旧小区改造), without a trailing verb phrase. */
function phraseAfterAmount(claim: Claim): string {
  const m = /^[\u4e00-\u9fff“”]{2,12}?(?=[，,。；;、]|预计|力争|确保|年底|今年|全年|$)/.exec(afterAmount(claim));
  return m ? m[0] : '';
}

/** 对/为 N 户 X 进行/提供 Y: the action Y, when the subject is X. */
function actionAfter(claim: Claim, subject: string): string {
  const rest = afterAmount(claim);
  if (!subject || !rest.startsWith(subject)) return '';
  const m = ACTION_AFTER.exec(rest.slice(subject.length));
  return m ? m[1] : '';
}

/** 甲、乙产量分别达到x、y: the later items share the first one's 分别达到 (as 达到). */
function listLead(claim: Claim, claims: readonly Claim[]): string {
  const at = claims.indexOf(claim);
  for (let i = at - 1; i >= 0; i--) {
    const c = claims[i];
    if (c.sentence !== claim.sentence) break;
    const q = c.qualifier?.split(' ').find((w) => w.startsWith('分别'));
    if (q) return q.replace(LEAD_MARKER, '');
  }
  return '';
}
