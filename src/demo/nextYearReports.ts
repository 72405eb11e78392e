/**
 * Excerpts of the next year's 政府工作报告 for two sample plans, so the 兑现核验 page has something
 * to check: 盐湖区 2025 (reviewing 2024) and 双清区 2024 (reviewing 2023). The TEXT IS OUR OWN,
 * written for the demo (no sentence of a real report); figures are partly those of the sample
 * plans' invented year-end results and partly different on purpose, so the demo shows kept,
 * partial, missed and unmentioned commitments and figures that differ from what departments
 * reported. 荷塘区 and 湘东区 have none: a user can try an import of their own against them.
 */
import { createHash } from 'node:crypto';
import { extractClaims } from '../domain/extract/extract.ts';
import { stableId } from './build.ts';

export interface NextYearReport {
  regionCode: string;
  /** the year the document plans: its review speaks of `year − 1` */
  year: number;
  filename: string;
  text: string;
}

export const NEXT_YEAR_REPORTS: NextYearReport[] = [
  {
    regionCode: '140802',
    year: 2025,
    filename: '盐湖区2025年政府工作报告（摘要，示例）.txt',
    text: `盐湖区2025年政府工作报告（摘要）
（示例文本，供兑现核验演示）

一、2024年工作回顾

过去一年，全区坚持稳中求进，经济社会发展主要目标基本实现。

（一）民生实事办理情况
年初承诺的惠民实事大部分按期办结。全年举办各类招聘活动36次，有组织开展劳务输出52次，促进城乡各类劳动者就业1.08万人。建设改造“四好农村路”25条。免费送戏下乡196场，群众在家门口看上了好戏。为1046名上消化道癌高风险人群提供内镜检查。改造农村厕所2000座。为186户特殊家庭实施适老化改造。新建社区养老中心2个。
涑水河片区农村污水治理工程管网主体完工，受汛期影响，竣工验收推迟至2025年。
关公故里文化旅游景区创建国家5A级旅游景区工作尚未通过评定。
西城—龙居引黄灌溉工程开工建设。

（二）城市建设和乡村振兴
启动中心城区老旧小区改造23个，硬化小街小巷20条。受污染耕地安全利用率96.5%。粮食总产量1.62亿公斤。

（三）经济发展和社会事业
全年签约招商项目44个。增加优质学位3660个。

二、2025年工作安排
（略）
`,
  },
  {
    regionCode: '430502',
    year: 2024,
    filename: '双清区2024年政府工作报告（摘要，示例）.txt',
    text: `双清区2024年政府工作报告（摘要）
（示例文本，供兑现核验演示）

一、2023年工作回顾

2023年，我们聚焦稳增长、惠民生，较好完成了区二届人大三次会议确定的目标任务。

就业社保稳中有进。新增城镇就业3685人，城镇失业人员再就业4053人，完成农村劳动力培训1880人。社会养老保险参保人数19.76万人。

城乡面貌持续改善。实施老旧小区改造80个，惠及居民1.3万户。新建高标准农田0.4万亩。粮食播种面积6.1万亩。

项目建设提速增效。分批集中开工重点项目15个，总投资22.51亿元。招商签约项目11个，湘商回湘到位资金19.26亿元。

社会事业全面发展。化解信访积案29件。家庭医生签约服务8.5万人。村集体经济收入达到785.9万元。秀峰农贸市场、屏丰农贸市场建成投入使用。姚喆故居修缮工程因文物审批延期，尚未完工。

二、2024年工作安排
（略）
`,
  },
];

/** The rows a next-year report adds: the document, and the results it states as facts of year − 1. */
export function nextYearReportRows(r: NextYearReport) {
  const id = stableId(r.regionCode, r.year, 'nextYearReport');
  const workReport = {
    id, regionCode: r.regionCode, planId: null, filename: r.filename,
    sha256: createHash('sha256').update(r.text).digest('hex'), text: r.text, createdAt: `${r.year}-01-20T02:00:00.000Z`,
  };
  const facts = extractClaims(r.text, { planYear: r.year })
    .filter((c) => c.kind === 'result')
    .map((c) => ({
      id: stableId(r.regionCode, r.year - 1, 'statedFact', String(c.start)), regionCode: r.regionCode, year: r.year - 1,
      subject: c.subject, value: c.valueText, unit: c.unit, qualifier: c.qualifier,
      source: { documentId: id, start: c.start, end: c.end, sentence: c.sentence, heading: c.heading },
    }));
  return { workReport, facts };
}
