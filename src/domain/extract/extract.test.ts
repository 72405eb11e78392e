import { describe, expect, it } from 'vitest';
import { extractClaims, extractDocument, type Claim } from './extract.ts';

// Fixture sentences are written for these tests in the style of a district work report.
const pick = (claims: Claim[]) => claims.map((c) => `${c.valueText}${c.unit}`);

describe('extractClaims: what counts as a claim', () => {
  it('finds counts, money, areas, rates and growth with the unit as written', () => {
    const text = '今年以来，全区新建口袋公园12个，完成固定资产投资36.8亿元、增长7.2%，新增造林面积1.5万亩，城镇新增就业3120人。';
    const claims = extractClaims(text);
    expect(pick(claims)).toEqual(['12个', '36.8亿元', '7.2%', '1.5万亩', '3120人']);
    const money = claims[1];
    expect(money.value).toBe(36.8);
    expect(money.normalized).toEqual({ value: '3680000000', unit: '元' });
    expect(claims[2].subject).toContain('增长');
  });

  it('gives offsets of the number in the original text', () => {
    const text = '全年接待游客近320万人次，旅游收入达2.6亿元。';
    for (const c of extractClaims(text)) {
      expect(text.slice(c.start, c.end)).toBe(`${c.valueText}${c.unit}`);
    }
    const [visitors] = extractClaims(text);
    expect(visitors.qualifier).toBe('近');
  });

  it('converts Chinese numerals and keeps 余 out of a split unit', () => {
    const claims = extractClaims('先后召开两次现场推进会，改造三座桥梁，为群众挽回损失1260万余元，投入资金300余万元。');
    expect(claims.map((c) => [c.value, c.unit, c.qualifier])).toEqual([
      [2, '次', null],
      [3, '座', null],
      [1260, '万元', '余'],
      [300, '万元', '余'],
    ]);
  });

  it('reads thousands separators and a Chinese numeral with a scale', () => {
    const text = '全区共有居民12,345户，招聘一万多名工人。';
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.value, c.unit, c.qualifier])).toEqual([[12345, '户', null], [1, '万名', '多']]);
    expect(text.slice(claims[0].start, claims[0].end)).toBe('12,345户');
    expect(claims[0].subject).toBe('居民');
  });

  it('reads full-width digits and percent signs', () => {
    const text = '集中供热覆盖率达到９６．５％，新增停车位８００个。';
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.value, c.unit])).toEqual([[96.5, '%'], [800, '个']]);
    expect(text.slice(claims[0].start, claims[0].end)).toBe('９６．５％');
  });

  it('skips years, dates, periods, ordinals, rankings, codes and slogans', () => {
    const text =
      '2023年10月8日，第三届文化节开幕。近3年来连续5年位居全市第一。全力打好三大攻坚战，深化五大行动，做好六个方面工作，' +
      '拨打12345热线，建成5G基站，创建3A级景区，改造S216省道，PM2.5浓度下降，提升10千伏线路，一批项目落地，构建三级网格，' +
      '开通时速350公里高铁线路，三次产业协调发展，入选全国前10%。';
    expect(extractClaims(text)).toEqual([]);
  });

  it('skips size classes but keeps the count attached to them', () => {
    const claims = extractClaims('签约投资超10亿元项目8个，新增亿元以上项目5个，为70周岁以上老人发放补贴。');
    expect(pick(claims)).toEqual(['8个', '5个']);
  });

  it('skips page boilerplate and news-list teasers', () => {
    const text = [
      '首页 | 登录 | 注册',
      '发布时间：2024-03-01 来源：区融媒体中心',
      '全区新增市场主体2300户。',
      '2024-03-01 10:20:00 某地举办了12场招聘会，吸引了...',
      '© 2024 版权所有 ICP备12345678号',
    ].join('\n');
    expect(pick(extractClaims(text))).toEqual(['2300户']);
  });
});

describe('extractClaims: result or target', () => {
  it('reads plan cues per clause', () => {
    const claims = extractClaims('已完成道路硬化45公里，预计年底前再完成20公里；力争全年新增就业5000人，确保失业率控制在4%以内。');
    expect(claims.map((c) => c.kind)).toEqual(['result', 'target', 'target', 'target']);
    expect(claims[3].comparator).toBe('lte');
    // nothing in 新增就业5000人 says more or less: the claim states no comparator (import treats it as a floor)
    expect(claims[2].comparator).toBeNull();
  });

  it('treats a coming-year section as targets and the review as results', () => {
    const text = [
      '回顾2023',
      '2023年，全区新建学校4所，新增学位2800个。',
      '展望2024',
      '2024年，我区将围绕民生办好实事。',
      '新建幼儿园3所，粮食播种面积稳定在20万亩以上。',
    ].join('\n\n');
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.valueText + c.unit, c.kind])).toEqual([
      ['4所', 'result'],
      ['2800个', 'result'],
      ['3所', 'target'],
      ['20万亩', 'target'],
    ]);
    expect(claims[3].comparator).toBe('gte');
    expect(claims[2].heading).toBe('展望2024');
  });

  it('places five-year plans in time and reads 计划 as a cue only before a verb', () => {
    const text = [
      '一、2025年工作回顾',
      '新入选国家人才计划专家12名。',
      '二、“十五五”时期的主要目标',
      '“十四五”时期，全市新增就业岗位累计达到300万个。',
      '到2030年，常住人口城镇化率达到75%。',
      '三、2026年重点工作',
      '计划新建学校8所。',
    ].join('\n');
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.valueText + c.unit, c.kind])).toEqual([
      ['12名', 'result'],
      ['300万个', 'result'],
      ['75%', 'target'],
      ['8所', 'target'],
    ]);
  });

  it('flags the 民生实事 list', () => {
    const text = [
      '2025年工作安排',
      '2025年，区政府将办好10件民生实事。',
      '1.新建社区食堂8个。',
      '2.改造农村公路30公里。',
      '加快推进产业园建设，新开工项目12个。',
    ].join('\n');
    const claims = extractClaims(text);
    const byUnit = Object.fromEntries(claims.map((c) => [c.valueText + c.unit, c]));
    expect(byUnit['8个'].livelihood).toBe(true);
    expect(byUnit['30公里'].livelihood).toBe(true);
    expect(byUnit['30公里'].kind).toBe('target');
    expect(byUnit['12个'].livelihood).toBe(false);
  });
});

describe('extractClaims: comparisons and ranks', () => {
  it('reads 从A提高到B as two amounts of one subject, results when the years are past', () => {
    const text = ['一、过去五年工作回顾', '五年来，全区人均可支配收入从2020年的3.1万元提高到2025年的4.2万元。', '二、2026年工作安排', '新建公园3个。'].join('\n');
    const claims = extractClaims(text).slice(0, 2);
    expect(claims.map((c) => [c.valueText + c.unit, c.subject, c.kind])).toEqual([
      ['3.1万元', '人均可支配收入', 'result'],
      ['4.2万元', '人均可支配收入', 'result'],
    ]);
  });

  it('skips ranks and completes a unit written short in a list', () => {
    const claims = extractClaims('入选全国前10%行列，投资、消费增速分别快于全省2.1个、0.8个百分点。');
    expect(claims.map((c) => `${c.valueText}${c.unit}`)).toEqual(['2.1个百分点', '0.8个百分点']);
  });
});

describe('extractClaims: subjects', () => {
  it('splits 分别 lists into their own subjects', () => {
    const claims = extractClaims('小麦、玉米、油料产量分别达到12万吨、30万吨、1.2万吨。');
    expect(claims.map((c) => c.subject)).toEqual(['小麦产量', '玉米产量', '油料产量']);
  });

  it('lends the unit written once at the end of a list to the items before it', () => {
    const claims = extractClaims('三大产业营收分别达1.2万亿、9500亿元。');
    expect(claims.map((c) => [c.value, c.unit, c.normalized?.value])).toEqual([
      [1.2, '万亿元', '1200000000000'],
      [9500, '亿元', '950000000000'],
    ]);
  });

  it('uses the object after a verb and the phrase before a number', () => {
    const claims = extractClaims('新建8个标准化菜市场，社会消费品零售总额达到86.2亿元。');
    expect(claims[0].subject).toBe('新建标准化菜市场');
    expect(claims[1].subject).toBe('社会消费品零售总额');
  });
});

describe('extractClaims: layout', () => {
  it('joins hard line breaks inside sentences and keeps original offsets', () => {
    const para = [
      '今年来，全区上下齐心协力，',
      '扎实推进各项重点工作，新',
      '建村级综合服务中心 26',
      '个，完成农村危房改造1',
      '38户，群众满意度不断提',
      '升，各项事业取得新进展。',
    ];
    const text = Array.from({ length: 4 }, () => para.join('\n')).join('\n\n');
    const claims = extractClaims(text);
    expect(claims.map((c) => c.value)).toEqual([26, 138, 26, 138, 26, 138, 26, 138]);
    const first = claims[0];
    expect(text.slice(first.start, first.start + 2)).toBe('26');
    const second = claims[1];
    expect(text.slice(second.start, second.end)).toBe('1\n38户');
  });

  it('never throws on odd input', () => {
    for (const x of ['', '。', '万万万亿亿', '““““', '1'.repeat(5000), '\u0000\uffff', undefined as unknown as string]) {
      expect(() => extractClaims(x)).not.toThrow();
    }
  });
});

describe('extractDocument: the document read in its context', () => {
  it('reads a 民生实事 list under a plan title as targets of the year given, flags them, and keeps the list size out of commitments', () => {
    const text = ['2025年区政府实事项目', '今年实事项目共8个方面30项。', '1.*开设40个小学生爱心暑托班', '2.▶新增社区长者食堂2家、老年助餐点4个', '3.托管服务60期以上'].join('\n');
    const { context, claims } = extractDocument(text, { year: 2025 });
    expect(context).toMatchObject({ kind: 'livelihoodList', year: 2025, yearFrom: 'given' });
    const by = Object.fromEntries(claims.map((c) => [c.valueText + c.unit, c]));
    expect(Object.keys(by)).toEqual(['30项', '40个', '2家', '4个', '60期']);
    expect(claims.every((c) => c.kind === 'target' && c.livelihood)).toBe(true);
    expect(by['30项'].commitment).toBe(false);
    expect(claims.filter((c) => c.commitment)).toHaveLength(4);
    expect(by['40个'].subject).toBe('开设小学生爱心暑托班');
    // without the year, the title's year is the plan year
    expect(extractDocument(text).context).toMatchObject({ year: 2025, yearFrom: 'title' });
  });

  it('reads a past year\'s figures as results even after 预计, and a 统计公报 as results only', () => {
    const news = ['某区召开2025年民生实事新闻发布会', '本报讯 记者获悉，2024年全区新建学校4所，初步预计全年城镇新增就业1.05万人。2025年，全区将新建学校2所。'].join('\n');
    expect(extractClaims(news, { year: 2025 }).map((c) => [c.valueText + c.unit, c.kind])).toEqual([['4所', 'result'], ['1.05万人', 'result'], ['2所', 'target']]);
    const bulletin = ['某区2024年国民经济和社会发展统计公报', '初步核算，全年地区生产总值412.6亿元，力争的项目完成8个。'].join('\n');
    const r = extractDocument(bulletin, { year: 2024 });
    expect(r.context.kind).toBe('statistics');
    expect(r.claims.map((c) => c.kind)).toEqual(['result', 'result']);
  });

  it('reads 左右 as approximately, ranges with both bounds, 分别 with each subject\'s own qualifier', () => {
    const text = ['2025年主要预期目标', '地区生产总值增长6%左右；一般公共预算收入增长5%—6%；城镇、农村常住居民人均可支配收入分别增长5.5%、6%；培育特色学校3-4所。'].join('\n');
    const claims = extractClaims(text, { year: 2025 });
    const gdp = claims.find((c) => c.subject.startsWith('地区生产总值'))!;
    expect(gdp).toMatchObject({ comparator: 'approx', valueText: '6' });
    const revenue = claims.filter((c) => c.subject.startsWith('一般公共预算收入'));
    expect(revenue.map((c) => [c.valueText, c.comparator, c.commitment])).toEqual([['5', 'range', true], ['6', 'range', false]]);
    expect(revenue[0].range).toEqual({ low: '5', high: '6' });
    expect(claims.filter((c) => c.subject.includes('可支配收入')).map((c) => c.subject)).toEqual(['城镇常住居民人均可支配收入增长', '农村常住居民人均可支配收入增长']);
    expect(claims.find((c) => c.unit === '所')).toMatchObject({ valueText: '4', comparator: 'range', range: { low: '3', high: '4' } });
  });

  it('reads traditional characters like simplified ones, with offsets into the original', () => {
    const text = '2025年，南灣區將新建學校3所，新增養老床位300張，為轄區1.5萬戶家庭更換燃氣錶，新建衛生服務站6處。';
    const claims = extractClaims(text, { year: 2025 });
    expect(claims.map((c) => [c.valueText + c.unit, c.kind, text.slice(c.start, c.end)])).toEqual([
      ['3所', 'target', '3所'],
      ['300张', 'target', '300張'],
      ['1.5万户', 'target', '1.5萬戶'],
      ['6处', 'target', '6處'],
    ]);
    expect(claims[1].subject).toBe('新增养老床位');
  });

  it('keeps captions out of headings and telephone numbers out of subjects', () => {
    const text = ['2025年民生实事清单', '图片来源：区融媒体中心', '▶新增公共充电桩800个，家政保洁13905718866更换老旧公交站亭40座。'].join('\n');
    const claims = extractClaims(text, { year: 2025 });
    expect(claims.map((c) => c.heading)).toEqual(['2025年民生实事清单', '2025年民生实事清单']);
    expect(claims[1].subject).toBe('更换老旧公交站亭');
  });
});

describe('extractDocument: shapes of real announcements', () => {
  it('reads the time of a clause from its opening only, splits items joined by 和, and keeps a long verb phrase with its object', () => {
    const text = [
      '某区2025年重点民生实事新闻发布会',
      '记者获悉，从2024年9月开始征集，产生了10件重点民生实事。',
      '即实施老旧小区改造，完工2024年9个续建项目，新开工5个老旧小区改造项目；实施1个易旱区域水源工程和3个城乡供水一体化工程；为普通教室安装200台空调。',
    ].join('\n');
    const claims = extractClaims(text, { year: 2025 });
    const by = Object.fromEntries(claims.map((c) => [c.valueText + c.unit, c]));
    // 完工2024年9个…: the year qualifies the projects, it is not the clause's time
    expect(by['5个'].kind).toBe('target');
    expect(by['3个'].subject).toBe('城乡供水一体化工程');
    expect(by['200台'].subject).toBe('为普通教室安装空调');
  });
});
