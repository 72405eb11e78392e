/**
 * Quantities (数量): parse and format Chinese quantities exactly, as official writing uses them —
 * `22.51亿元`, `近641万人次`, `3000余座`, `一千二百人`, `4.5个百分点`, `１０５％`.
 *
 * Pure, no I/O. Values are exact decimals (bigint mantissa + scale), never floats, so
 * 22.51亿 + 0.3亿 = 22.81亿 exactly. Every quantity keeps its written form and a normalized
 * form in a base unit (元, 亩, 米, 人, 人次, 个, 户, 吨, % …).
 */

// ---------------------------------------------------------------------------------------------
// Decimal: value = mantissa / 10^scale, scale ≥ 0.

/** An exact decimal number. */
export interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

/** Error for malformed numbers, unknown units and incompatible arithmetic; message is Chinese / English. */
export class QuantityError extends Error {
  constructor(
    readonly code: 'malformed' | 'unknownUnit' | 'incompatibleUnits',
    message: string,
  ) {
    super(message);
    this.name = 'QuantityError';
  }
}

const FULL_WIDTH = /[０-９．％，－]/g;
/** Maps full-width digits and signs to ASCII (０-９ ． ％ ， －). Same length, so offsets are kept. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses "22.51", "-0.3", "１０５", "1,234.5" into an exact decimal; throws QuantityError if malformed. */
export function decimalFromString(text: string): Decimal {
  const m = DECIMAL_RE.exec(toHalfWidth(String(text).trim()).replace(/,(?=\d{3}(\D|$))/g, ''));
  if (!m) throw new QuantityError('malformed', `数字格式不正确: "${text}" / malformed number: "${text}"`);
  const frac = m[3] ?? '';
  const mantissa = BigInt(m[2] + frac) * (m[1] === '-' ? -1n : 1n);
  return { mantissa, scale: frac.length };
}

/** Exact decimal from a JS number (uses its shortest decimal representation). */
export function decimalFromNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new QuantityError('malformed', `不是有限数: ${n} / not a finite number: ${n}`);
  const s = String(n);
  if (/e/i.test(s)) {
    const [coef, expText] = s.split(/e/i);
    const d = decimalFromString(coef);
    return shift(d, Number(expText));
  }
  return decimalFromString(s);
}

/** Accepts a Decimal, a decimal string or a number. */
export function toDecimal(x: Decimal | string | number | bigint): Decimal {
  if (typeof x === 'string') return decimalFromString(x);
  if (typeof x === 'number') return decimalFromNumber(x);
  if (typeof x === 'bigint') return { mantissa: x, scale: 0 };
  return x;
}

/** Removes trailing zeros after the decimal point (99.00 → 99). */
export function trimDecimal(d: Decimal): Decimal {
  let { mantissa, scale } = d;
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale--;
  }
  return { mantissa, scale };
}

/** Multiplies by 10^n exactly (n may be negative). */
export function shift(d: Decimal, n: number): Decimal {
  if (n >= 0) {
    if (d.scale >= n) return trimDecimal({ mantissa: d.mantissa, scale: d.scale - n });
    return { mantissa: d.mantissa * 10n ** BigInt(n - d.scale), scale: 0 };
  }
  return trimDecimal({ mantissa: d.mantissa, scale: d.scale - n });
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.mantissa * 10n ** BigInt(scale - a.scale), b.mantissa * 10n ** BigInt(scale - b.scale), scale];
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return trimDecimal({ mantissa: x + y, scale });
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return trimDecimal({ mantissa: x - y, scale });
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return trimDecimal({ mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale });
}

/** -1, 0 or 1. */
export function compare(a: Decimal | string | number, b: Decimal | string | number): -1 | 0 | 1 {
  const [x, y] = align(toDecimal(a), toDecimal(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(d: Decimal): boolean {
  return d.mantissa === 0n;
}

/** Rounds half away from zero to `decimals` places. */
export function roundDecimal(d: Decimal, decimals: number): Decimal {
  if (d.scale <= decimals) return trimDecimal(d);
  const drop = 10n ** BigInt(d.scale - decimals);
  const neg = d.mantissa < 0n;
  const abs = neg ? -d.mantissa : d.mantissa;
  let q = abs / drop;
  if ((abs % drop) * 2n >= drop) q += 1n;
  return trimDecimal({ mantissa: neg ? -q : q, scale: decimals });
}

/** Plain decimal text without exponent; trailing zeros removed ("2281000000", "22.81"). */
export function toString(d: Decimal): string {
  return toFixedString(trimDecimal(d));
}

/** Decimal text keeping the decimal's own scale ("99.00" stays "99.00"). */
export function toFixedString(d: Decimal): string {
  const neg = d.mantissa < 0n;
  let digits = (neg ? -d.mantissa : d.mantissa).toString();
  if (d.scale > 0) {
    digits = digits.padStart(d.scale + 1, '0');
    digits = `${digits.slice(0, digits.length - d.scale)}.${digits.slice(digits.length - d.scale)}`;
  }
  return (neg ? '-' : '') + digits;
}

export function toNumber(d: Decimal): number {
  return Number(toString(d));
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals (中文数字)

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that can make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';

/**
 * Converts a Chinese numeral to an integer: 三 → 3, 十二 → 12, 一千二百 → 1200, 两万 → 20000,
 * 二〇二三 → 2023 (digit by digit). Returns null when the text is not a well-formed numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  // digit-by-digit (二〇二三): only digits, no unit characters; 三四 means "three or four", not 34
  let digitsOnly = true;
  for (const c of text) if (!(c in CN_DIGIT)) digitsOnly = false;
  if (digitsOnly) {
    if (text.length === 1) return CN_DIGIT[text];
    if (text.length < 3 && !/[〇零]/.test(text)) return null;
    let n = 0;
    for (const c of text) n = n * 10 + CN_DIGIT[c];
    return n;
  }
  let total = 0; // completed 亿 sections
  let section = 0; // completed 万 part within current 亿 section
  let small = 0; // current group below 万
  let digit: number | null = null;
  let lastSmallUnit = Infinity;
  for (const c of text) {
    if (c in CN_DIGIT) {
      if (digit !== null && CN_DIGIT[c] !== 0 && digit !== 0) return null; // 三四
      digit = CN_DIGIT[c];
    } else if (c in CN_SMALL_UNIT) {
      const u = CN_SMALL_UNIT[c];
      if (u >= lastSmallUnit) return null; // 百百, 十百
      small += (digit ?? 1) * u;
      digit = null;
      lastSmallUnit = u;
    } else if (c in CN_BIG_UNIT) {
      const group = small + (digit ?? 0);
      if (c === '万') {
        if (group === 0 && section === 0 && total === 0) return null;
        section += group * 1e4;
      } else {
        total = (total + section + group) * 1e8;
        section = 0;
      }
      small = 0;
      digit = null;
      lastSmallUnit = Infinity;
    } else {
      return null;
    }
  }
  return total + section + small + (digit ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Units (单位)

/** A unit as it may be written, after any scale character: its base unit and factor. */
interface UnitDef {
  base: string;
  factor: string;
}

const COUNT_CLASSIFIERS =
  '个 家 家次 座 件 起 项 场 场次 所 条 处 张 单 块 次 辆 台 套 间 栋 幢 株 棵 头 只 羽 种 类 支 例 篇 部 本 册 份 盏 口 眼 根 艘 架 轮 趟 班 列 床 宗 笔 批次 组 队 对 门 孔 道 级 名额 千瓦 千瓦时 度 标准箱 倍 吨 辆次 架次 车次 户次 页 期 片 年 岁 天 小时'
    .split(' ');

const UNITS: Record<string, UnitDef> = {
  元: { base: '元', factor: '1' },
  美元: { base: '美元', factor: '1' },
  亩: { base: '亩', factor: '1' },
  公顷: { base: '亩', factor: '15' }, // 1 公顷 = 15 亩
  平方米: { base: '平方米', factor: '1' },
  平方公里: { base: '平方米', factor: '1000000' },
  平方千米: { base: '平方米', factor: '1000000' },
  立方米: { base: '立方米', factor: '1' },
  米: { base: '米', factor: '1' },
  延米: { base: '米', factor: '1' },
  公里: { base: '米', factor: '1000' }, // 1 公里 = 1000 米
  千米: { base: '米', factor: '1000' },
  人: { base: '人', factor: '1' },
  名: { base: '人', factor: '1' }, // 名 → 人
  位: { base: '人', factor: '1' },
  人次: { base: '人次', factor: '1' },
  户: { base: '户', factor: '1' },
  吨: { base: '吨', factor: '1' },
  公斤: { base: '吨', factor: '0.001' },
  千克: { base: '吨', factor: '0.001' },
  斤: { base: '吨', factor: '0.0005' },
  兆瓦: { base: '千瓦', factor: '1000' },
  '%': { base: '%', factor: '1' },
  '‰': { base: '‰', factor: '1' },
  '微克/立方米': { base: '微克/立方米', factor: '1' },
  成: { base: '%', factor: '10' }, // 七成 = 70%
  个百分点: { base: '百分点', factor: '1' },
  百分点: { base: '百分点', factor: '1' },
};
for (const c of COUNT_CLASSIFIERS) if (!(c in UNITS)) UNITS[c] = { base: c, factor: '1' };

/** Every unit the module knows, longest first (so 个百分点 wins over 个, 人次 over 人). */
export const KNOWN_UNITS: readonly string[] = Object.keys(UNITS).sort((a, b) => b.length - a.length);

/** Scale prefixes (万, 亿 …) and their powers of ten, longest first. */
const SCALES: ReadonlyArray<[string, number]> = [
  ['万亿', 12], ['千亿', 11], ['百亿', 10], ['十亿', 9], ['千万', 7], ['百万', 6], ['十万', 5],
  ['亿', 8], ['万', 4], ['千', 3], ['百', 2], ['十', 1],
];

/** The base unit of a written unit without scale (`公顷` → `亩`), or undefined if unknown. */
export function baseUnitOf(unit: string): string | undefined {
  return UNITS[unit.replace('％', '%')]?.base;
}

/** Splits a written unit such as `万元`, `亿公斤`, `千米`, `万千瓦` into scale power and unit. */
export function splitUnit(written: string): { power: number; scaleText: string; unit: string } | null {
  const u = written.replace('％', '%');
  if (u in UNITS) return { power: 0, scaleText: '', unit: u };
  for (const [s, p] of SCALES) {
    if (u.startsWith(s) && u.slice(s.length) in UNITS) return { power: p, scaleText: s, unit: u.slice(s.length) };
  }
  return null;
}

/** Known units grouped by first character, longest first: a unit lookup reads one bucket. */
const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of KNOWN_UNITS) {
  const bucket = UNITS_BY_FIRST.get(u.charCodeAt(0));
  if (bucket) bucket.push(u);
  else UNITS_BY_FIRST.set(u.charCodeAt(0), [u]);
}
UNITS_BY_FIRST.set(0xff05, ['％']);

/** First character codes of the known units, as a table (a quick test before the map). */
const UNIT_FIRST_CODE = new Uint8Array(65536);
for (const c of UNITS_BY_FIRST.keys()) UNIT_FIRST_CODE[c] = 1;

function unitAt(text: string, p: number): string | null {
  const code = text.charCodeAt(p);
  if (UNIT_FIRST_CODE[code] !== 1) return null;
  const bucket = UNITS_BY_FIRST.get(code);
  if (!bucket) return null;
  for (const u of bucket) if (text.startsWith(u, p)) return u === '％' ? '%' : u;
  return null;
}

const SCALE_FIRST = new Set(SCALES.map(([s]) => s[0]));
const SCALE_FIRST_CODE = new Uint8Array(65536);
for (const s of SCALE_FIRST) SCALE_FIRST_CODE[s.charCodeAt(0)] = 1;

/** Character codes that can start a unit, a scale or 余/多 after a number (a quick pre-check). */
export const UNIT_START_CODES: ReadonlySet<number> = new Set(
  [...UNITS_BY_FIRST.keys(), ...[...SCALE_FIRST, '余', '多', '%', '％'].map((c) => c.charCodeAt(0))],
);

/** Finds the longest known unit (with optional scale and 余/多 between) at `pos` of `text`. */
export function matchUnitAt(
  text: string,
  pos: number,
): { end: number; scaleText: string; power: number; unit: string; approx: string } | null {
  const plain = unitAt(text, pos);
  if (plain) return { end: pos + plain.length, scaleText: '', power: 0, unit: plain, approx: '' };
  if (SCALE_FIRST_CODE[text.charCodeAt(pos)] !== 1) return null;
  for (const [s, p] of SCALES) {
    if (!text.startsWith(s, pos)) continue;
    let q = pos + s.length;
    let approx = '';
    if (text[q] === '余' || text[q] === '多') {
      approx = text[q];
      q++;
    }
    const u = unitAt(text, q);
    if (u) return { end: q + u.length, scaleText: s, power: p, unit: u, approx };
  }
  return null;
}

const ZEROS = '0'.repeat(24); // scale powers (≤ 12) plus factor powers (≤ 6)
/** Factors that are powers of ten (1, 10, 1000 …) and their exponents. */
const FACTOR_POWER = new Map<string, number>();
for (const def of Object.values(UNITS)) if (/^10*$/.test(def.factor)) FACTOR_POWER.set(def.factor, def.factor.length - 1);

/** Digits with at most one decimal point inside: "22.51", "3685". */
function isPlainDecimal(s: string): boolean {
  if (s.length === 0 || s.length > 40) return false;
  let dot = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e && !dot && i > 0 && i < s.length - 1) dot = true;
    else if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * The normalized value of a number written as decimal text with a written unit, as decimal text:
 * ("22.51", "亿元") → { value: "2251000000", unit: "元" }. Fast path for the extractor; null if unknown.
 */
export function normalizeText(
  valueText: string,
  writtenUnit: string,
  split: { power: number; unit: string } | null = splitUnit(writtenUnit),
): { value: string; unit: string } | null {
  if (!split) return null;
  const def = UNITS[split.unit];
  // a factor of 1, 10, 1000 … only moves the decimal point
  const factorPower = FACTOR_POWER.get(def.factor) ?? -1;
  if (factorPower >= 0 && isPlainDecimal(valueText)) {
    const power = split.power + factorPower;
    const dot = valueText.indexOf('.');
    let int = dot < 0 ? valueText : valueText.slice(0, dot);
    let frac = dot < 0 ? '' : valueText.slice(dot + 1);
    const move = Math.min(power, frac.length);
    if (power > 0) int += frac.slice(0, move) + ZEROS.slice(0, power - move);
    frac = frac.slice(move);
    let fe = frac.length;
    while (fe > 0 && frac.charCodeAt(fe - 1) === 0x30) fe--;
    let is = 0;
    while (is < int.length - 1 && int.charCodeAt(is) === 0x30) is++;
    if (is > 0) int = int.slice(is);
    return { value: fe > 0 ? `${int}.${frac.slice(0, fe)}` : int, unit: def.base };
  }
  const n = normalize(valueText, writtenUnit);
  return { value: toString(n.value), unit: n.unit };
}

// ---------------------------------------------------------------------------------------------
// Quantities

/** A normalized quantity: exact value in a base unit (元, 亩, 米, 人, 人次, 个, 户, 吨, % …). */
export interface Normalized {
  value: Decimal;
  unit: string;
}

/** A parsed quantity, keeping what was written. */
export interface Quantity {
  /** the text parsed, e.g. `近641万人次` */
  written: string;
  /** the number as written in Arabic digits, scale not applied: "641", "99.00", "1200" for 一千二百 */
  valueText: string;
  value: Decimal;
  /** unit as written with its scale character: 万人次, 亿元, 公顷, % */
  unit: string;
  /** modifiers as written: 近, 约, 余, 逾, 超, 以上, 以内 … (joined with a space when several) */
  qualifier: string | null;
  /** ≥ for 以上/不少于/超/逾, ≤ for 以内/以下/不超过; null otherwise */
  comparator: 'gte' | 'lte' | null;
  normalized: Normalized;
}

const PREFIX_QUALIFIERS = [
  '同比增长', '同比下降', '同比增幅', '同比减少', '不少于', '不低于', '不超过', '不高于', '超过', '达到',
  '增长', '下降', '增加', '减少', '提高', '提升', '压缩', '突破', '保持', '力争', '预计', '累计',
  '近', '约', '逾', '超', '达', '共', '计', '增', '降',
];
const SUFFIX_QUALIFIERS = ['以上', '以内', '以下', '左右', '上下', '之内'];

const GTE = new Set(['以上', '不少于', '不低于', '超过', '超', '逾', '突破']);
const LTE = new Set(['以内', '以下', '之内', '不超过', '不高于']);

/** ≥ / ≤ from a qualifier (以上/不少于 → gte, 以内/控制在 → lte). */
export function comparatorOf(qualifiers: readonly string[]): 'gte' | 'lte' | null {
  for (const q of qualifiers) if (LTE.has(q) || q === '控制在') return 'lte';
  for (const q of qualifiers) if (GTE.has(q)) return 'gte';
  return null;
}

/** Converts value × written unit to the base unit, exactly. Throws QuantityError for unknown units. */
export function normalize(value: Decimal | string | number, writtenUnit: string): Normalized {
  const split = splitUnit(writtenUnit);
  if (!split) throw new QuantityError('unknownUnit', `未知单位: "${writtenUnit}" / unknown unit: "${writtenUnit}"`);
  const def = UNITS[split.unit];
  const v = multiplyDecimal(shift(toDecimal(value), split.power), decimalFromString(def.factor));
  return { value: v, unit: def.base };
}

const NUMBER_AT = /^(?:\d+(?:,\d{3})*(?:\.\d+)?)/;
const CN_NUMBER_AT = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+`);

/**
 * Parses one quantity expression: `22.51亿元`, `近641万人次`, `3000余座`, `2337万余元`,
 * `逾2000万元`, `三次`, `一千二百人`, `4.5个百分点`, `１０５％`, `95%以上`.
 * Throws QuantityError (Chinese / English message) for a malformed number or an unknown unit.
 */
export function parseQuantity(text: string): Quantity {
  const written = String(text).trim();
  const s = toHalfWidth(written);
  let pos = 0;
  const qualifiers: string[] = [];
  for (let again = true; again; ) {
    again = false;
    for (const q of PREFIX_QUALIFIERS) {
      if (s.startsWith(q, pos)) {
        qualifiers.push(q);
        pos += q.length;
        again = true;
        break;
      }
    }
  }
  let valueText: string;
  let value: Decimal;
  let unitScale = '';
  const arabic = NUMBER_AT.exec(s.slice(pos));
  if (arabic) {
    valueText = arabic[0].replace(/,/g, '');
    value = decimalFromString(valueText);
    pos += arabic[0].length;
  } else {
    const cn = CN_NUMBER_AT.exec(s.slice(pos));
    if (!cn) throw new QuantityError('malformed', `找不到数字: "${written}" / no number in "${written}"`);
    let numeral = cn[0];
    // a trailing 万/亿 after other characters is the scale of the unit (两万人 → 2 万人)
    if (numeral.length > 1 && /[万亿]$/.test(numeral) && !/[万亿]/.test(numeral.slice(0, -1))) {
      unitScale = numeral.slice(-1);
      numeral = numeral.slice(0, -1);
    }
    // the numeral may swallow the 千 of 千米 / 千克 / 千瓦: give it back when that reads a unit
    let n = parseChineseNumeral(numeral);
    if (numeral.length > 1 && numeral.endsWith('千') && !unitScale && splitUnit(`千${s.slice(pos + cn[0].length, pos + cn[0].length + 2)}`)) {
      const shorter = parseChineseNumeral(numeral.slice(0, -1));
      if (shorter !== null && matchUnitAt(s, pos + numeral.length - 1)) {
        numeral = numeral.slice(0, -1);
        n = shorter;
      }
    }
    if (n === null) throw new QuantityError('malformed', `数字格式不正确: "${written}" / malformed number: "${written}"`);
    valueText = String(n);
    value = decimalFromNumber(n);
    pos += numeral.length + unitScale.length;
  }
  let approx = '';
  if (s[pos] === '余' || s[pos] === '多') {
    approx = s[pos];
    pos++;
  }
  let unit: string;
  if (unitScale) {
    if (s[pos] === '余' || s[pos] === '多') {
      approx = s[pos];
      pos++;
    }
    const m = matchUnitAt(s, pos);
    if (!m || m.scaleText) throw new QuantityError('unknownUnit', `未知单位: "${written}" / unknown unit in "${written}"`);
    unit = unitScale + m.unit;
    pos = m.end;
  } else {
    const m = matchUnitAt(s, pos);
    if (!m) throw new QuantityError('unknownUnit', `未知单位: "${written}" / unknown unit in "${written}"`);
    unit = m.scaleText + m.unit;
    if (m.approx) approx = m.approx;
    pos = m.end;
  }
  if (approx) qualifiers.push(approx);
  if (s[pos] === '余' || s[pos] === '多') {
    qualifiers.push(s[pos]);
    pos++;
  }
  for (const q of SUFFIX_QUALIFIERS) {
    if (s.startsWith(q, pos)) {
      qualifiers.push(q);
      pos += q.length;
      break;
    }
  }
  if (pos !== s.length) {
    throw new QuantityError('malformed', `无法识别的内容: "${written.slice(pos)}" / unexpected text: "${written.slice(pos)}"`);
  }
  return {
    written,
    valueText,
    value,
    unit,
    qualifier: qualifiers.length ? qualifiers.join(' ') : null,
    comparator: comparatorOf(qualifiers),
    normalized: normalize(value, unit),
  };
}

/** Like parseQuantity, but returns null instead of throwing. */
export function tryParseQuantity(text: string): Quantity | null {
  try {
    return parseQuantity(text);
  } catch {
    return null;
  }
}

/** Adds two quantities in compatible units; the result is in the base unit. Refuses 亩 + 元. */
export function add(a: Quantity | Normalized, b: Quantity | Normalized): Normalized {
  const x = 'normalized' in a ? a.normalized : a;
  const y = 'normalized' in b ? b.normalized : b;
  if (x.unit !== y.unit) {
    throw new QuantityError(
      'incompatibleUnits',
      `单位不一致，不能相加: ${x.unit} 与 ${y.unit} / incompatible units, cannot add: ${x.unit} and ${y.unit}`,
    );
  }
  return { value: addDecimal(x.value, y.value), unit: x.unit };
}

// ---------------------------------------------------------------------------------------------
// Formatting (as Chinese official writing does)

export interface FormatOptions {
  /** 'auto' (default) picks 万/亿 (or 公里 for 米) when the value stays short; 'none' keeps the base unit */
  scale?: 'auto' | 'none' | '万' | '亿';
  /** round to this many decimals after scaling (default: exact, and auto-scaling only when ≤ 2 decimals result) */
  decimals?: number;
}

function decimalPlaces(d: Decimal): number {
  return trimDecimal(d).scale;
}

/**
 * Formats a base-unit value: 2251000000 元 → `22.51亿元`, 19000 户 → `1.9万户`, 62400 亩 → `6.24万亩`,
 * 3685 人 → `3685人`, 4000 米 → `4公里`, 105.3 % → `105.3%`, 4.5 百分点 → `4.5个百分点`.
 */
export function formatQuantity(value: Decimal | string | number, baseUnit: string, opts: FormatOptions = {}): string {
  const v = toDecimal(value);
  const unit = baseUnit === '％' ? '%' : baseUnit;
  const fmt = (d: Decimal) => toString(opts.decimals === undefined ? d : roundDecimal(d, opts.decimals));
  if (unit === '%') return `${fmt(v)}%`;
  if (unit === '百分点') return `${fmt(v)}个百分点`;
  const abs = v.mantissa < 0n ? { mantissa: -v.mantissa, scale: v.scale } : v;
  const mode = opts.scale ?? 'auto';
  if (mode === 'none') return `${fmt(v)}${unit}`;
  if (unit === '米') {
    if (mode === 'auto' && compare(abs, 1000) >= 0) {
      const km = shift(v, -3);
      if (opts.decimals !== undefined || decimalPlaces(km) <= 2) return `${fmt(km)}公里`;
    }
    return `${fmt(v)}米`;
  }
  const candidates: Array<[string, number]> = mode === '亿' ? [['亿', 8]] : mode === '万' ? [['万', 4]] : [['亿', 8], ['万', 4]];
  for (const [ch, p] of candidates) {
    if (mode === 'auto' && compare(abs, { mantissa: 10n ** BigInt(p), scale: 0 }) < 0) continue;
    const scaled = shift(v, -p);
    if (mode !== 'auto' || opts.decimals !== undefined || decimalPlaces(scaled) <= 2) return `${fmt(scaled)}${ch}${unit}`;
  }
  return `${fmt(v)}${unit}`;
}

/** Formats the normalized form of a quantity. */
export function formatNormalized(n: Normalized, opts?: FormatOptions): string {
  return formatQuantity(n.value, n.unit, opts);
}

/**
 * Formats an amount given in 万元 (how budgets are kept): "2337" → `2337万元`, "22510" → `2.251亿元`,
 * "0.5" → `5000元`.
 */
export function formatMoneyWan(amountWan: Decimal | string | number, opts: { decimals?: number } = {}): string {
  const wan = toDecimal(amountWan);
  const abs = wan.mantissa < 0n ? { mantissa: -wan.mantissa, scale: wan.scale } : wan;
  const fmt = (d: Decimal) => toString(opts.decimals === undefined ? d : roundDecimal(d, opts.decimals));
  if (compare(abs, 10000) >= 0) return `${fmt(shift(wan, -4))}亿元`;
  if (compare(abs, 1) < 0 && !isZero(wan)) return `${fmt(shift(wan, 4))}元`;
  return `${fmt(wan)}万元`;
}

/** A rate in percent: 105.3 → `105.3%`. */
export function formatRate(percent: Decimal | string | number, opts: { decimals?: number } = {}): string {
  const d = toDecimal(percent);
  return `${toString(opts.decimals === undefined ? d : roundDecimal(d, opts.decimals))}%`;
}

/** A growth rate: 8.4 → `增长8.4%`, -2.1 → `下降2.1%`, 0 → `持平`. */
export function formatGrowth(percent: Decimal | string | number, opts: { decimals?: number } = {}): string {
  let d = toDecimal(percent);
  if (opts.decimals !== undefined) d = roundDecimal(d, opts.decimals);
  if (isZero(d)) return '持平';
  if (d.mantissa < 0n) return `下降${toString({ mantissa: -d.mantissa, scale: d.scale })}%`;
  return `增长${toString(d)}%`;
}
