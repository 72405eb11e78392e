import { describe, expect, it } from 'vitest';
import { extractClaims, type Claim } from '../domain/extract/extract.ts';
import { draftTitle } from './draftTitle.ts';

/** Titles of the targets extracted from a plan paragraph (made-up sentences, not corpus text). */
function titles(text: string): string[] {
  const claims = extractClaims(`2026年工作安排\n${text}`);
  return claims.filter((c) => c.kind === 'target').map((c) => draftTitle(c, claims));
}

/** Titles of the targets of a 民生实事 list of 2026 (made-up items). */
function list(text: string): string[] {
  const claims = extractClaims(`2026年区政府民生实事项目\n${text}`);
  return claims.filter((c) => c.kind === 'target').map((c) => draftTitle(c, claims));
}

describe('draftTitle: a draft commitment reads like a task-list line', () => {
  it('puts subject, comparator words, value and unit together without a gap', () => {
    expect(titles('全区城镇新增就业5200人以上，城镇登记失业率控制在4.8%以内。')).toEqual([
      '城镇新增就业5200人以上',
      '城镇登记失业率控制在4.8%以内',
    ]);
    expect(titles('年内改造老旧小区18个，粮食总产量稳定在9亿斤以上。')).toEqual(['改造老旧小区18个', '粮食总产量稳定在9亿斤以上']);
  });

  it('keeps 余/多 where they are written, after the scale character', () => {
    expect(titles('力争引进高层次人才300余名，培训农民2万余人次。')).toEqual(['引进高层次人才300余名', '培训农民2万余人次']);
  });

  it('drops list and time markers from the comparator word and from the subject', () => {
    expect(titles('力争粮食、蔬菜产量分别达到12万吨、6万吨。')).toEqual(['粮食产量达到12万吨', '蔬菜产量达到6万吨']);
    expect(titles('实施农村改厕1500座，完成后全县卫生厕所普及率达到93%。')).toEqual(['实施农村改厕1500座', '卫生厕所普及率达到93%']);
  });

  it('names a generic subject (任务, 项目) from the sentence', () => {
    // the sibling amount of the same sentence and unit says what the task is
    expect(titles('去年建成高标准农田1.2万亩，今年0.8万亩任务力争9月底前完工。')).toContain('建成高标准农田0.8万亩');
    // otherwise the phrase written after the amount
    const claim: Claim = {
      kind: 'target', subject: '任务', value: 12, valueText: '12', unit: '公里', normalized: null, qualifier: null,
      comparator: 'eq', range: null, commitment: true, start: 0, end: 4, sentence: '全年完成12公里污水管网改造，年底前通水。', heading: null, livelihood: false,
    };
    expect(draftTitle(claim)).toBe('污水管网改造任务12公里');
  });

  it('writes the building verb first when a short noun comes before it', () => {
    expect(titles('启动东环路、滨河路等9条道路新建。')).toEqual(['启动新建道路9条']);
    expect(titles('年内实现5条道路续建。')).toEqual(['续建道路5条']);
  });

  it('keeps the action done to an object named after the amount', () => {
    expect(titles('力争对260户困难家庭进行危房改造。')).toEqual(['困难家庭危房改造260户']);
  });

  it('writes a growth word once, in the comparator', () => {
    expect(titles('研发经费投入年均增长9%以上。')).toEqual(['研发经费投入年均增长9%以上']);
  });

  it('completes a bare verb with the phrase after the amount, and keeps only the last clause of a subject', () => {
    expect(titles('力争聚焦8个特色产业集群，全年培育产业链20条以上。')[0]).toBe('聚焦特色产业集群8个');
    const claim: Claim = {
      kind: 'target', subject: '优化创新生态，力争省级实验室', value: 6, valueText: '6', unit: '家', normalized: null, qualifier: null,
      comparator: 'eq', range: null, commitment: true, start: 0, end: 2, sentence: '优化创新生态，力争省级实验室6家。', heading: null, livelihood: false,
    };
    expect(draftTitle(claim)).toBe('省级实验室6家');
  });

  it('names an amount without a subject from the clause before it, and drops a list ordinal', () => {
    const claim: Claim = {
      kind: 'target', subject: '', value: 5, valueText: '5', unit: '家', normalized: null, qualifier: null,
      comparator: 'eq', range: null, commitment: true, start: 0, end: 2, sentence: '完善创新体系，力争重点实验室再增加3—5家。', heading: null, livelihood: false,
    };
    expect(draftTitle(claim)).toBe('重点实验室再增加5家');
    expect(draftTitle({ ...claim, subject: '三是招募社区志愿者', value: 800, valueText: '800', unit: '名', sentence: '三是招募社区志愿者800名。' })).toBe('招募社区志愿者800名');
  });

  it('separates a subject ending in a code from the amount', () => {
    const claim: Claim = {
      kind: 'target', subject: '改造S211', value: 15, valueText: '15', unit: '公里', normalized: null, qualifier: null,
      comparator: 'eq', range: null, commitment: true, start: 0, end: 4, sentence: '改造S211共15公里。', heading: null, livelihood: false,
    };
    expect(draftTitle(claim)).toBe('改造S211 15公里');
  });

  it('keeps a quoted name with digits that follows the amount (新建8个“15分钟健身圈”)', () => {
    expect(list('1.新建8个“15分钟健身圈”。\n2.打造2个“5G+智慧医疗”示范点。\n3.新增12个“1+N”养老服务站点。')).toEqual([
      '新建“15分钟健身圈”8个',
      '打造“5G+智慧医疗”示范点2个',
      '新增“1+N”养老服务站点12个',
    ]);
  });

  it('says what is done when the subject names only who is reached or a bare verb (惠及退休人员, 覆盖, 开放)', () => {
    expect(list([
      '1.企业退休人员健康体检：退休不少于3.1万名。',
      '2.为企业退休人员免费健康体检，惠及退休人员不少于3.1万名。',
      '3.为低保对象发放取暖补贴，覆盖不少于900户。',
      '4.免费开放学校体育场馆，开放不少于12所。',
      '5.城乡居民免费健康体检（70岁以上老年人不少于9000名）。',
      '6.改造老旧小区14个、惠及居民2600户。',
      '7.为全区儿童免费视力筛查，筛查儿童1.6万人。',
    ].join('\n'))).toEqual([
      '企业退休人员健康体检不少于3.1万名',
      '为企业退休人员免费健康体检不少于3.1万名',
      '为低保对象发放取暖补贴不少于900户',
      '免费开放学校体育场馆不少于12所',
      '城乡居民免费健康体检，70岁以上老年人不少于9000名',
      '改造老旧小区14个',
      '改造老旧小区，惠及居民2600户',
      '为全区儿童免费视力筛查1.6万人',
    ]);
    // a subject of its own stays as written, even when the clause before names it too
    expect(titles('实施新增规模以上工业企业行动，新增规模以上工业企业120家。')).toEqual(['新增规模以上工业企业120家']);
  });

  it('writes a range with both bounds as the text does (the draft target is its lower bound)', () => {
    const claims = extractClaims('2026年工作安排\n一般公共预算收入增长5%—6%。力争新增重点实验室3—5家。新建学校3-4所。');
    expect(claims.filter((c) => c.kind === 'target' && c.commitment).map((c) => draftTitle(c, claims))).toEqual([
      '一般公共预算收入增长5%—6%',
      '新增重点实验室3—5家',
      '新建学校3—4所',
    ]);
  });
});
