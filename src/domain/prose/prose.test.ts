import { describe, expect, it } from 'vitest';
import { buildBulletin, praiseAndCriticise } from './bulletin.ts';
import { buildYearSummary, peerRank, previousFact, resultSentence } from './yearSummary.ts';
import { documentText, fill, isFigure, sourcesOf, type Part, type ProseDocument } from './document.ts';
import { commitmentSubject, formatValue } from './figures.ts';
import { FIXTURE_BULLETIN, FIXTURE_COMMITMENTS, FIXTURE_DEPTS, FIXTURE_YEAR } from './fixtures.ts';
import { TEMPLATES_ZH } from './templates.zh.ts';
import { buildSlipNotice } from './slipNotice.ts';

const allParts = (doc: ProseDocument): Part[] =>
  doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.parts : b.kind === 'table' ? b.rows.flat() : []));

describe('figures in official style', () => {
  it.each([
    ['3685', '人', '3685人'],
    ['225100', '万元', '22.51亿元'],
    ['22.51', '亿元', '22.51亿元'],
    ['19000', '户', '1.9万户'],
    ['62400', '亩', '6.24万亩'],
    ['105.3', '%', '105.3%'],
    ['12345', '人', '12345人'],
    ['120', '公顷', '120公顷'],
    ['3685.00', '人', '3685人'],
  ])('%s %s → %s', (v, u, out) => expect(formatValue(v, u)).toBe(out));

  it.each([
    ['城镇新增就业3500人以上', '城镇新增就业'],
    ['城镇调查失业率控制在5.5%以内', '城镇调查失业率'],
    ['完成固定资产投资22亿元', '完成固定资产投资'],
    ['新建改造农村公路50公里', '新建改造农村公路'],
    ['新建一所学校', null],
  ])('subject of %s is %s', (title, subject) => expect(commitmentSubject(title)).toBe(subject));

  it('a template with a missing value is refused rather than written with a gap', () => {
    expect(() => fill('城镇新增就业{value}，任务完成率{rate}', { value: '3685人' })).toThrow(/\{rate\}/);
    expect(() => fill('{a}', { a: 'undefined' })).toThrow();
  });
});

describe('督查通报 (bulletin)', () => {
  const doc = buildBulletin(FIXTURE_BULLETIN);
  const text = documentText(doc);

  it('reads as expected for fixed data', () => {
    expect(text).toBe(`盐湖区2024年政府工作报告目标任务推进情况督查通报
（2024年第6期）
各乡镇人民政府、街道办事处，区直各有关单位：
为推动2024年政府工作报告确定的目标任务落地落实，区政府督查室对截至2024年6月底各项目标任务推进情况进行了督查。现将有关情况通报如下。
一、总体情况
截至2024年7月6日，纳入督查的5项目标任务中，已完成2项（其中超额完成2项），正常推进1项，滞后1项，严重滞后1项。1项目标任务逾期未报送进展（“完成高标准农田建设6.24万亩”）。
二、滞后及逾期任务
（一）区农业农村局
“完成高标准农田建设6.24万亩”（严重滞后）：截至2024年4月底累计完成6240亩，完成率10%，低于序时进度40个百分点。区农业农村局自2024年5月起未再报送进展，已连续2期逾期未报。单位反映：项目招标尚未完成。
（二）区住建局
“改造老旧小区住户19000户”（滞后）：截至2024年6月底累计完成3800户，完成率20%，低于序时进度30个百分点。单位反映：受雨季影响，部分小区施工推迟。
三、考核排名
根据本期考核，区人社局（98.5分）目标任务无滞后、进展按时报送，考核得分居前，予以通报表扬。
区农业农村局（41.3分，考核得分低于60分、1项严重滞后、1项逾期未报送进展）目标任务推进不力，予以通报批评，请相关单位认真分析原因，限期整改。
四、民生实事进展
2024年2件民生实事推进情况见下表。
民生实事进展情况表
序号 | 民生实事 | 牵头单位 | 目标 | 累计完成 | 完成率 | 状态
1 | 城镇新增就业3500人以上 | 区人社局 | 3500人 | 3685人 | 105.3% | 超额完成
2 | 改造老旧小区住户19000户 | 区住建局 | 19000户 | 3800户 | 20% | 滞后
五、下步工作要求
1. 各牵头单位要对照年度目标和序时进度，逐项梳理滞后任务，明确整改措施和完成时限。
2. 各单位要按时报送进展情况，确保数据真实准确，逾期未报的将纳入考核扣分。
3. 区政府督查室将持续跟踪督办，对连续滞后的任务启动黄色、红色督办程序。
盐湖区人民政府督查室
2024年7月8日
抄送：区委办公室，区人大常委会办公室，区政协办公室。
盐湖区人民政府督查室　2024年7月8日印发`);
  });

  it('is deterministic and never writes an empty value', () => {
    expect(documentText(buildBulletin(FIXTURE_BULLETIN))).toBe(text);
    expect(text).not.toMatch(/undefined|null|NaN|（）/);
  });

  it('gives every figure a source: the lagging value links to its accepted report', () => {
    const figures = allParts(doc).filter(isFigure);
    expect(figures.every((f) => f.sources.length > 0)).toBe(true);
    const value = figures.find((f) => f.text === '3800户')!;
    expect(value.sources[0]).toMatchObject({ kind: 'report', id: FIXTURE_COMMITMENTS[1]!.valueReport!.id, commitmentId: FIXTURE_COMMITMENTS[1]!.id });
    expect(sourcesOf(doc).length).toBeGreaterThan(5);
  });

  it('praises departments with nothing behind and criticises those seriously behind or overdue', () => {
    const { praised, criticised } = praiseAndCriticise(FIXTURE_BULLETIN.ranking);
    expect(praised.map((d) => d.departmentId)).toEqual([FIXTURE_DEPTS.hr.id]);
    expect(criticised.map((d) => d.departmentId)).toEqual([FIXTURE_DEPTS.agri.id]);
  });

  it('names the government by the region level (县政府 for a county)', () => {
    const county = documentText(buildBulletin({ ...FIXTURE_BULLETIN, region: { code: '140821', name: '临猗县' } }));
    expect(county).toContain('县政府督查室对截至');
    expect(county).toContain('3. 县政府督查室将持续跟踪督办');
    expect(county).not.toContain('区政府');
  });

  it('marks a reason taken from a report still awaiting review', () => {
    const pending = FIXTURE_COMMITMENTS.map((c) =>
      c.id === FIXTURE_COMMITMENTS[1]!.id ? { ...c, latestReport: { id: 'later', period: '2024-07', narrative: '7月已开工5个小区', accepted: false } } : c,
    );
    const text = documentText(buildBulletin({ ...FIXTURE_BULLETIN, commitments: pending }));
    expect(text).toContain('截至2024年6月底累计完成3800户，完成率20%，低于序时进度30个百分点。单位7月报送（待审核）反映：7月已开工5个小区。');
  });

  it('notes a passed deadline', () => {
    const late = FIXTURE_COMMITMENTS.map((c) => (c.id === FIXTURE_COMMITMENTS[1]!.id ? { ...c, deadline: '2024-06-30', evaluation: { ...c.evaluation, overdue: true, deadlineOverdue: true } } : c));
    expect(documentText(buildBulletin({ ...FIXTURE_BULLETIN, commitments: late }))).toContain('低于序时进度30个百分点。已超过2024年6月30日的完成时限，尚未完成。单位反映');
  });

  it('says so when nothing is behind', () => {
    const calm = buildBulletin({ ...FIXTURE_BULLETIN, commitments: [FIXTURE_COMMITMENTS[0]!], ranking: [] });
    expect(documentText(calm)).toContain(TEMPLATES_ZH.bulletin.noLagging);
    expect(documentText(calm)).toContain(TEMPLATES_ZH.bulletin.rankingNone);
  });
});

describe('年度工作纪实 (year summary)', () => {
  const doc = buildYearSummary(FIXTURE_YEAR);

  it('reads as expected for fixed data', () => {
    expect(documentText(doc)).toBe(`盐湖区2024年政府工作报告目标任务完成情况工作纪实
2024年，盐湖区围绕政府工作报告确定的5项目标任务狠抓落实，3项已完成，完成率60%；全年实现地区生产总值302.5亿元，增长6.2%。现将全年工作纪实如下。
一、经济运行
全年地区生产总值302.5亿元，同比增长6.2%；一般公共预算收入22.51亿元，同比下降2.1%。其中，地区生产总值增速在全市3个县（市、区）中居第一。
二、乡村振兴
乡村振兴方面，由区农业农村局牵头，高标准农田建设累计完成6240亩，任务完成率10%。
三、城乡建设
在城乡建设领域，列入年度目标的2项任务中已有1项完成。老旧小区住户累计改造1.9万户，任务完成率100%；固定资产投资累计完成11.53亿元，任务完成率51.2%。
四、民生保障
民生保障方面安排的2项目标任务均已完成。城镇新增就业3685人，任务完成率105.3%，比上年增长8.4%；城镇调查失业率3.6%，控制在5.5%以内。在推进落实中，举办招聘会12场。
五、重点项目建设
全年实施重点项目2个，完成投资3.75亿元，为年度计划投资的98.7%，其中总投资12亿元的盐湖区物流园竣工（投产）。
六、存在问题
对照年度目标，仍有2项任务未完成或进度滞后：一是“完成高标准农田建设6.24万亩”完成率10%，项目招标尚未完成；二是“完成固定资产投资22.51亿元”完成率51.2%。
七、下步打算
2025年，盐湖区将围绕政府工作报告确定的1项目标任务，重点抓好以下工作：城镇新增就业3600人以上（区人社局牵头）。
盐湖区人民政府督查室
2025年1月10日`);
  });

  it('compares with the previous year only through a recorded fact, citing it', () => {
    const employment = FIXTURE_YEAR.commitments[0]!;
    expect(previousFact(employment, FIXTURE_YEAR.previousFacts)?.id).toBe(FIXTURE_YEAR.previousFacts[0]!.id);
    const withFact = resultSentence(employment, FIXTURE_YEAR.previousFacts)!;
    const growth = withFact.filter(isFigure).find((f) => f.text === '增长8.4%')!;
    expect(growth.sources.map((s) => s.kind)).toEqual(['fact', 'report']);
    expect(resultSentence(employment, [])!.filter(isFigure).map((f) => f.text)).toEqual(['3685人', '105.3%']);
  });

  it('leaves out a commitment without an accepted value (no figure without source)', () => {
    const unreported = { ...FIXTURE_COMMITMENTS[0]!, valueReport: null };
    expect(resultSentence(unreported, [])).toBeNull();
  });

  it('ranks growth among sibling regions; without peers there is no rank', () => {
    expect(peerRank(FIXTURE_YEAR.indicators[0]!, FIXTURE_YEAR.peerIndicators)).toEqual({ rank: 1, of: 3 });
    const slower = { ...FIXTURE_YEAR.indicators[0]!, yoyGrowth: 5 };
    expect(peerRank(slower, FIXTURE_YEAR.peerIndicators)).toEqual({ rank: 2, of: 3 });
    expect(peerRank(FIXTURE_YEAR.indicators[1]!, FIXTURE_YEAR.peerIndicators)).toBeNull();
    const noPeers = documentText(buildYearSummary({ ...FIXTURE_YEAR, peerIndicators: [] }));
    expect(noPeers).not.toContain('全市');
  });

  it('has no next-year section without a next-year plan', () => {
    expect(documentText(buildYearSummary({ ...FIXTURE_YEAR, nextYear: null }))).not.toContain('下步打算');
  });
});

describe('督办通知单', () => {
  const notice = (deadline: string, openedOn = '2026-07-20') =>
    buildSlipNotice({
      region: { name: '盐湖区' },
      slip: { level: 'red', reason: '“6月底前完成10千伏线路绝缘化改造18千米”已过截止日期（2026年6月30日）仍未完成', openedOn, closedOn: null, serial: 3 },
      commitment: { title: '6月底前完成10千伏线路绝缘化改造18千米', deadline, completionRate: 35, expectedProgress: 100 },
      leadDepartment: '国网运城市盐湖区供电公司',
      coDepartments: [],
      planYear: 2026,
    });
  it('addresses the lead department as 主送机关, flush left, and writes rates as the bulletin does', () => {
    const doc = notice('2026-06-30');
    expect(doc.recipients).toBe('国网运城市盐湖区供电公司：');
    expect(documentText(doc)).toContain('完成率35%，序时进度100%');
  });
  it('never writes a deadline already past as one still to meet', () => {
    expect(documentText(notice('2026-06-30'))).toContain('办理时限：原定2026年6月30日前完成，已逾期，请立即整改');
    expect(documentText(notice('2026-12-31'))).toContain('办理时限：2026年12月31日前完成；');
  });
});
