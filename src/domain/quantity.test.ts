import { describe, expect, it } from 'vitest';
import {
  add, compare, decimalFromString, formatGrowth, formatMoneyWan, formatNormalized, formatQuantity, formatRate,
  normalize, normalizeText, parseChineseNumeral, parseQuantity, QuantityError, toNumber, toString, tryParseQuantity,
} from './quantity.ts';

/**
 * Quantity expressions as written in the corpus articles (../shared/corpus/gold): written form,
 * the labelled value (Arabic digits, scale not applied), the labelled unit and qualifier.
 */
const CORPUS: Array<[string, string, string, string | null]> = [
["600余名","600","名","余"],
["1个","1","个",null],
["33个","33","个",null],
["435个","435","个",null],
["468个","468","个",null],
["三次","3","次",null],
["15个","15","个",null],
["22.51亿元","22.51","亿元",null],
["10亿元","10","亿元",null],
["1家","1","家",null],
["9家","9","家",null],
["1150个","1150","个",null],
["11个","11","个",null],
["19.26亿元","19.26","亿元",null],
["67.09%","67.09","%",null],
["逾2000万元","2000","万元","逾"],
["6个","6","个",null],
["80个","80","个",null],
["6.24万亩以上","6.24","万亩","以上"],
["2座","2","座",null],
["4公里","4","公里",null],
["3000亩","3000","亩",null],
["4000亩","4000","亩","预计"],
["4个","4","个",null],
["达100%","100","%","达"],
["21件","21","件",null],
["两起","2","起",null],
["100%","100","%",null],
["2956人","2956","人",null],
["3209人","3209","人",null],
["73.93%","73.93","%",null],
["95%以上","95","%","以上"],
["19.76万人","19.76","万人",null],
["98.85%","98.85","%",null],
["8.5万人","8.5","万人",null],
["16家","16","家",null],
["1起","1","起",null],
["29件","29","件",null],
["99.00%","99","%",null],
["2个","2","个",null],
["19754人次","19754","人次",null],
["120公顷","120","公顷","达"],
["超20万元","20","万元","超"],
["100余公顷","100","公顷","余"],
["超43公顷","43","公顷","超"],
["达到785.9万元","785.9","万元","预计"],
["334户","334","户",null],
["4160公顷","4160","公顷",null],
["266.67公顷","266.67","公顷",null],
["7.5公顷","7.5","公顷",null],
["8个","8","个",null],
["36.03%","36.03","%",null],
["达到157.13亿元","157.13","亿元","达到"],
["45.13%","45.13","%",null],
["106家","106","家",null],
["47家","47","家",null],
["1.38亿元","1.38","亿元",null],
["260余项","260","项","余"],
["116个","116","个",null],
["105.75人","105.75","人",null],
["7.6件","7.6","件",null],
["3685人","3685","人",null],
["105%","105","%",null],
["4053人","4053","人",null],
["173%","173","%",null],
["125%","125","%",null],
["12个","12","个",null],
["15场","15","场",null],
["889人","889","人",null],
["171.02万元","171.02","万元",null],
["1752.44万元","1752.44","万元",null],
["686人","686","人",null],
["45万元","45","万元",null],
["217个","217","个",null],
["137个","137","个",null],
["1.9万户","1.9","万户",null],
["1.3万户","1.3","万户",null],
["104.96万平方米","104.96","万平方米",null],
["156.10亿元","156.1","亿元",null],
["同比增长4.3%","4.3","%","同比增长"],
["28682元","28682","元",null],
["增长5.5%","5.5","%","增长"],
["131.45亿元","131.45","亿元",null],
["增长5.8%","5.8","%","增长"],
["增长10.9%","10.9","%","增长"],
["增长9.7%","9.7","%","增长"],
["增长13.3%","13.3","%","增长"],
["3000万元","3000","万元",null],
["1000万元","1000","万元",null],
["三个","3","个",null],
["增长23%","23","%","增长"],
["213%","213","%","增长"],
["46个","46","个",null],
["223.64亿元","223.64","亿元",null],
["31个","31","个",null],
["5个","5","个",null],
["12.62亿元","12.62","亿元",null],
["18.92亿元","18.92","亿元",null],
["同比增长1051%","1051","%","同比增长"],
["64个","64","个",null],
["32个","32","个",null],
["7个","7","个",null],
["34家","34","家",null],
["5家","5","家",null],
["4家","4","家",null],
["14家","14","家",null],
["2家","2","家",null],
["136项","136","项",null],
["压缩32%","32","%","压缩"],
["压缩41%","41","%","压缩"],
["31家","31","家",null],
["7家","7","家","增加"],
["35.65亿元","35.65","亿元",null],
["155个","155","个",null],
["127个","127","个",null],
["3个","3","个",null],
["112个","112","个",null],
["144个","144","个",null],
["7.05亿元","7.05","亿元",null],
["近2.8亿元","2.8","亿元","近"],
["24个","24","个",null],
["14500余户","14500","户","余"],
["400余万元","400","万元","余"],
["85所","85","所",null],
["9所","9","所",null],
["17个","17","个",null],
["2.2亿元","2.2","亿元",null],
["5起","5","起",null],
["同比下降49.8%","49.8","%","同比下降"],
["2337万余元","2337","万元","余"],
["四座","4","座",null],
["219.4亿元","219.4","亿元",null],
["增长8%","8","%","增长"],
["54.5亿元","54.5","亿元",null],
["168亿元","168","亿元",null],
["增长8.4%","8.4","%","增长"],
["57.9亿元","57.9","亿元",null],
["增长9.9%","9.9","%","增长"],
["8.6亿元","8.6","亿元",null],
["7.97亿元","7.97","亿元",null],
["增长15.28%","15.28","%","增长"],
["47个","47","个",null],
["18个","18","个",null],
["231亿元","231","亿元",null],
["25个","25","个",null],
["22个","22","个",null],
["5000余万元","5000","万元","余"],
["242个","242","个",null],
["2.9亿元","2.9","亿元",null],
["135个","135","个",null],
["3500亩","3500","亩","力争"],
["60000平方米","60000","平方米",null],
["86.6亿元","86.6","亿元","力争"],
["增长20%以上","20","%","以上"],
["下降10%","10","%","下降"],
["36个","36","个",null],
["79.62亿元","79.62","亿元",null],
["593亩","593","亩",null],
["21.5亿元","21.5","亿元",null],
["2200余万元","2200","万元","余"],
["78家","78","家",null],
["33家","33","家",null],
["90家","90","家",null],
["达到80.3%","80.3","%","达到"],
["提升6.3%","6.3","%","提升"],
["17条","17","条",null],
["20条","20","条",null],
["6条","6","条",null],
["15条","15","条",null],
["30条","30","条",null],
["8条","8","条",null],
["100个","100","个",null],
["45座","45","座",null],
["17项","17","项",null],
["近七成","7","成","近"],
["2100余个","2100","个","余"],
["15.8万人","15.8","万人",null],
["4000余件","4000","件","余"],
["15家","15","家",null],
["23个","23","个",null],
["48名","48","名",null],
["50万元","50","万元",null],
["2万余人次","2","万人次","余"],
["4处","4","处",null],
["327张","327","张",null],
["5487单","5487","单",null],
["达95%","95","%","达"],
["20个","20","个",null],
["38个","38","个",null],
["5.2万人","5.2","万人",null],
["达74%","74","%","达"],
["达13.9亿元","13.9","亿元","达"],
["69.3%","69.3","%",null],
["增长13.9%","13.9","%","增长"],
["8000人","8000","人","力争"],
["300人","300","人",null],
["4.5%以内","4.5","%","以内"],
["2300个","2300","个","力争"],
["4%以内","4","%","以内"],
["突破400亿元","400","亿元","突破"],
["29.8亿元","29.8","亿元",null],
["120亿元","120","亿元",null],
["35.1亿元","35.1","亿元",null],
["6476.19亩","6476.19","亩",null],
["800万元","800","万元",null],
["181.95万元","181.95","万元",null],
["21个","21","个",null],
["13个","13","个",null],
["近641万人次","641","万人次","近"],
["达1.1亿元","1.1","亿元","达"],
["3块","3","块",null],
["35个","35","个",null],
["5.3亿元","5.3","亿元",null],
["24.15亿元","24.15","亿元",null],
["达12.4万户","12.4","万户","达"],
["19家","19","家",null],
["6家","6","家",null],
["5.3万亩","5.3","万亩",null],
["达2.1亿公斤","2.1","亿公斤","达"],
["同比增长18.8%","18.8","%","同比增长"],
["达到88万吨","88","万吨","达到"],
["10万吨","10","万吨","达到"],
["3.5万吨","3.5","万吨","达到"],
["增长5.4%","5.4","%","增长"],
["9个","9","个",null],
["13家","13","家",null],
["40个","40","个",null],
["258条","258","条",null],
["3000座","3000","座",null],
["22条","22","条",null],
["3处","3","处",null],
["6187人","6187","人",null],
["5068人","5068","人",null],
["5520个","5520","个",null],
["达198所","198","所","达"],
["达88.4%","88.4","%","达"],
["230个","230","个",null],
["达16.5%","16.5","%","增幅"],
["同比下降4%","4","%","同比下降"],
["1.8万亩","1.8","万亩",null],
["97%以上","97","%","以上"],
["达98%以上","98","%","以上"],
["50.5万亩以上","50.5","万亩","以上"],
["1.5亿公斤以上","1.5","亿公斤","以上"],
["两所","2","所",null],
["5所","5","所",null],
["3660个","3660","个",null],
["168户","168","户",null],
["12件","12","件",null],
["30次以上","30","次","以上"],
["50次","50","次",null],
["1万余人","1","万人","余"],
["25条","25","条",null],
["180场","180","场",null],
["1000名","1000","名",null],
["2000座","2000","座",null],
["达到92%","92","%","达到"],
["20个以上","20","个","以上"],
["100条","100","条",null],
["22.19千米","22.19","千米",null]
];

/** Independent oracle for the normalized value: scale characters and the few defined conversions. */
function expectedBase(value: string, unit: string): { value: number; unit: string } {
  let v = Number(value);
  let u = unit.replace('％', '%');
  if (u.startsWith('亿') && u.length > 1) { v *= 1e8; u = u.slice(1); }
  if (u.startsWith('万') && u.length > 1) { v *= 1e4; u = u.slice(1); }
  const conv: Record<string, [number, string]> = {
    公顷: [15, '亩'], 公里: [1000, '米'], 千米: [1000, '米'], 名: [1, '人'], 公斤: [0.001, '吨'], 成: [10, '%'],
  };
  if (conv[u]) { v *= conv[u][0]; u = conv[u][1]; }
  return { value: v, unit: u };
}

describe('parseQuantity on corpus expressions', () => {
  it('has at least 80 distinct expressions', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
  });
  it.each(CORPUS)('%s', (written, value, unit, qualifier) => {
    const q = parseQuantity(written);
    expect(compare(q.value, value)).toBe(0);
    expect(q.unit).toBe(unit.replace('％', '%'));
    if (qualifier && written.includes(qualifier)) expect(q.qualifier ?? '').toContain(qualifier);
    const base = expectedBase(value, unit);
    expect(q.normalized.unit).toBe(base.unit);
    expect(Math.abs(toNumber(q.normalized.value) - base.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, base.value));
    // format back in official style, and that text parses to the same normalized amount
    const formatted = formatNormalized(q.normalized);
    const again = parseQuantity(formatted);
    expect(again.normalized.unit).toBe(q.normalized.unit);
    expect(compare(again.normalized.value, q.normalized.value)).toBe(0);
  });
});

describe('parseQuantity forms', () => {
  it('keeps the written form and normalizes scale characters', () => {
    const q = parseQuantity('近641万人次');
    expect(q.written).toBe('近641万人次');
    expect(q.valueText).toBe('641');
    expect(q.unit).toBe('万人次');
    expect(q.qualifier).toBe('近');
    expect(toString(q.normalized.value)).toBe('6410000');
    expect(q.normalized.unit).toBe('人次');
  });
  it('moves 余 out of a split unit', () => {
    for (const t of ['2337万余元', '400余万元']) {
      const q = parseQuantity(t);
      expect(q.unit).toBe('万元');
      expect(q.qualifier).toBe('余');
    }
    expect(toString(parseQuantity('2337万余元').normalized.value)).toBe('23370000');
  });
  it('reads Chinese numerals', () => {
    expect(parseQuantity('三次').valueText).toBe('3');
    expect(parseQuantity('两所').valueText).toBe('2');
    expect(parseQuantity('一千二百人').valueText).toBe('1200');
    expect(toString(parseQuantity('七成').normalized.value)).toBe('70');
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('一万二千')).toBe(12000);
    expect(parseChineseNumeral('三百零五')).toBe(305);
    expect(parseChineseNumeral('三四')).toBeNull();
  });
  it('reads full-width digits and percent sign', () => {
    const q = parseQuantity('１０５％');
    expect(q.valueText).toBe('105');
    expect(q.unit).toBe('%');
  });
  it('reads 个百分点 as percentage points, not a count', () => {
    const q = parseQuantity('4.5个百分点');
    expect(q.normalized.unit).toBe('百分点');
    expect(formatNormalized(q.normalized)).toBe('4.5个百分点');
  });
  it('converts 公顷 to 亩 and 公里 to 米', () => {
    expect(toString(parseQuantity('266.67公顷').normalized.value)).toBe('4000.05');
    expect(toString(parseQuantity('4公里').normalized.value)).toBe('4000');
  });
  it('sets comparators from 以上 / 以内 / 逾', () => {
    expect(parseQuantity('95%以上').comparator).toBe('gte');
    expect(parseQuantity('4%以内').comparator).toBe('lte');
    expect(parseQuantity('逾2000万元').comparator).toBe('gte');
    expect(parseQuantity('3000余座').comparator).toBeNull();
  });
  it('rejects malformed numbers and unknown units with a bilingual message', () => {
    expect(() => parseQuantity('12.3.4元')).toThrow(QuantityError);
    expect(() => parseQuantity('12光年')).toThrow(/未知单位.*unknown unit/);
    expect(() => parseQuantity('元')).toThrow(/no number/);
    expect(tryParseQuantity('abc')).toBeNull();
  });
});

describe('exact arithmetic', () => {
  it('adds money without float drift', () => {
    const sum = add(parseQuantity('22.51亿元'), parseQuantity('0.3亿元'));
    expect(formatNormalized(sum)).toBe('22.81亿元');
    expect(toString(sum.value)).toBe('2281000000');
    const cents = add(parseQuantity('0.1元'), parseQuantity('0.2元'));
    expect(toString(cents.value)).toBe('0.3');
  });
  it('adds across scales and compatible units', () => {
    expect(formatNormalized(add(parseQuantity('1.2万亩'), parseQuantity('100公顷')))).toBe('1.35万亩');
    expect(formatNormalized(add(parseQuantity('2公里'), parseQuantity('500米')))).toBe('2.5公里');
    expect(formatNormalized(add(parseQuantity('600余名'), parseQuantity('15人')))).toBe('615人');
  });
  it('refuses incompatible units', () => {
    expect(() => add(parseQuantity('6.24万亩'), parseQuantity('22.51亿元'))).toThrow(QuantityError);
    expect(() => add(parseQuantity('3次'), parseQuantity('3人'))).toThrow(/单位不一致.*incompatible units/);
    expect(() => add(parseQuantity('5%'), parseQuantity('5个百分点'))).toThrow(QuantityError);
  });
  it('compares decimals exactly', () => {
    expect(compare(decimalFromString('99.00'), '99')).toBe(0);
    expect(compare('0.1', '0.10000000000000001')).toBe(-1);
    expect(compare(3685, '3500')).toBe(1);
  });
});

describe('formatting as official writing does', () => {
  it('picks 万 / 亿 scales when the number stays short', () => {
    expect(formatQuantity(2251000000, '元')).toBe('22.51亿元');
    expect(formatQuantity('19000', '户')).toBe('1.9万户');
    expect(formatQuantity(62400, '亩')).toBe('6.24万亩');
    expect(formatQuantity(3685, '人')).toBe('3685人');
    expect(formatQuantity(12345, '人')).toBe('12345人');
    expect(formatQuantity(12345, '人', { decimals: 2 })).toBe('1.23万人');
    expect(formatQuantity(4000, '米')).toBe('4公里');
    expect(formatQuantity(800, '米')).toBe('800米');
    expect(formatQuantity(19000, '户', { scale: 'none' })).toBe('19000户');
  });
  it('formats rates and growth', () => {
    expect(formatRate(105.3)).toBe('105.3%');
    expect(formatRate('105.2857', { decimals: 1 })).toBe('105.3%');
    expect(formatGrowth(8.4)).toBe('增长8.4%');
    expect(formatGrowth('-2.1')).toBe('下降2.1%');
    expect(formatGrowth(0)).toBe('持平');
  });
  it('formats 万元 amounts', () => {
    expect(formatMoneyWan('2337')).toBe('2337万元');
    expect(formatMoneyWan('22510')).toBe('2.251亿元');
    expect(formatMoneyWan('0.5')).toBe('5000元');
    expect(formatMoneyWan('123456.78', { decimals: 2 })).toBe('12.35亿元');
  });
});

describe('normalizeText (the extractor\'s fast path) agrees with normalize', () => {
  it('moves the decimal point for units whose factor is a power of ten, however large the scale', () => {
    expect(normalizeText('1.5', '万公里')).toEqual({ value: '15000000', unit: '米' });
    expect(normalizeText('3', '万亿平方公里')).toEqual({ value: '3000000000000000000', unit: '平方米' });
    expect(normalizeText('0.25', '平方公里')).toEqual({ value: '250000', unit: '平方米' });
    for (const [v, u] of [['1.5', '万公里'], ['3', '万亿平方公里'], ['0.25', '平方公里'], ['12.5', '万公顷'], ['7', '成'], ['2.05', '亿元'], ['3', '万公斤']]) {
      const n = normalize(v, u);
      expect(normalizeText(v, u)).toEqual({ value: toString(n.value), unit: n.unit });
    }
  });
});
