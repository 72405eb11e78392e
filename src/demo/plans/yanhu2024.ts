/**
 * 盐湖区 2024: the 12 惠民实事 and other targets of the plan part of the 2024 政府工作报告
 * (corpus seed 004). Targets, units and subjects are the report's; titles are our own.
 * The year-end results (`result`, `milestonesDone`) are INVENTED: the article was published in
 * February 2024. Most are met, two are not (the 5A application and the sewage project's acceptance).
 */
import type { FactSpec, PlanSpec } from '../spec.ts';

export const YANHU_2024: PlanSpec = {
  regionCode: '140802',
  year: 2024,
  title: '盐湖区2024年政府工作报告目标任务',
  source: '盐湖区2024年政府工作报告（语料 004）；年终结果为示例虚构',
  commitments: [
    // ---- 12 件惠民实事 (livelihood, published)
    {
      key: 'h01', title: '按季度发放农村70岁、城乡80岁以上老年人高龄补贴', sector: '民生保障', livelihood: true,
      lead: 'mzj', co: ['czj'], work: '高龄补贴发放',
      milestones: [['一季度补贴发放到位', '03-31'], ['二季度补贴发放到位', '06-30'], ['三季度补贴发放到位', '09-30'], ['四季度补贴发放到位', '12-20']],
    },
    {
      key: 'h02', title: '城乡养老幸福工程', sector: '民生保障', livelihood: true, lead: 'mzj', co: ['zjj'],
      subtasks: [
        { key: 'h02a', title: '新建社区养老中心2个（马家窑、金悦华府）', sector: '民生保障', livelihood: true, target: '2', unit: '个', lead: 'mzj', result: '2', doneMonth: 10, work: '社区养老中心建设' },
        { key: 'h02b', title: '新建农村区域养老中心1个', sector: '民生保障', livelihood: true, target: '1', unit: '个', lead: 'mzj', result: '1', doneMonth: 11, work: '农村区域养老中心建设' },
        { key: 'h02c', title: '提升改造老年日间照料中心4个', sector: '民生保障', livelihood: true, target: '4', unit: '个', lead: 'mzj', result: '4', doneMonth: 9, work: '日间照料中心提升改造' },
      ],
    },
    {
      key: 'h03', title: '促进城乡劳动者就业', sector: '民生保障', livelihood: true, lead: 'rsj',
      subtasks: [
        { key: 'h03a', title: '举办各类招聘活动30次以上', sector: '民生保障', livelihood: true, target: '30', unit: '次', lead: 'rsj', result: '36', work: '招聘活动' },
        { key: 'h03b', title: '有组织开展劳务输出50次', sector: '民生保障', livelihood: true, target: '50', unit: '次', lead: 'rsj', co: ['nyj'], result: '52', work: '有组织劳务输出' },
        { key: 'h03c', title: '促进城乡各类劳动者就业1万人以上', sector: '民生保障', livelihood: true, target: '1', unit: '万人', lead: 'rsj', result: '1.08', work: '促进城乡劳动者就业' },
      ],
    },
    {
      key: 'h04', title: '依托零工市场和零工驿站打造就业社保便民服务圈', sector: '民生保障', livelihood: true, lead: 'rsj', co: ['ybj'],
      milestones: [['零工市场功能提升', '04-30'], ['零工驿站布点建成', '07-31'], ['就业社保服务圈运行', '11-30']],
    },
    { key: 'h05', title: '建设改造“四好农村路”25条', sector: '民生保障', livelihood: true, target: '25', unit: '条', lead: 'jtj', co: ['czj'], result: '25', work: '“四好农村路”建设改造' },
    {
      key: 'h06', title: '在册个体工商户“惠商保”全覆盖', sector: '民生保障', livelihood: true, target: '100', unit: '%', cmp: 'eq', lead: 'scj', co: ['czj'],
      level: true, from: '62', result: '100', work: '“惠商保”覆盖率',
    },
    { key: 'h07', title: '免费送戏下乡180场', sector: '文化旅游', livelihood: true, target: '180', unit: '场', lead: 'wlj', result: '196', work: '送戏下乡' },
    {
      key: 'h08', title: '涑水河片区农村污水治理（5个乡镇街道、18个行政村）', sector: '生态环境', livelihood: true, lead: 'hbj', co: ['nyj', 'zjj'],
      milestones: [['立项及初步设计批复', '03-31'], ['施工招标', '05-31'], ['开工建设', '06-30'], ['管网主体完工', '10-31'], ['竣工验收', '12-31']],
      milestonesDone: 4,
    },
    { key: 'h09', title: '为1000名上消化道癌高风险人群提供内镜检查', sector: '民生保障', livelihood: true, target: '1000', unit: '名', lead: 'wjj', result: '1046', work: '上消化道癌内镜筛查' },
    {
      key: 'h10', title: '农村厕所改造整村推进', sector: '乡村振兴', livelihood: true, lead: 'nyj', co: ['wjj'],
      subtasks: [
        { key: 'h10a', title: '改造农村厕所2000座', sector: '乡村振兴', livelihood: true, target: '2000', unit: '座', lead: 'nyj', result: '2000', doneMonth: 11, work: '农村厕所改造' },
        { key: 'h10b', title: '农村卫生厕所普及率达到92%', sector: '乡村振兴', livelihood: true, target: '92', unit: '%', baseline: '88.5', lead: 'nyj', level: true, result: '92.3', work: '农村卫生厕所普及率' },
      ],
    },
    {
      key: 'h11', title: '中心城区老旧小区及小街小巷改造', sector: '城市建设', livelihood: true, lead: 'zjj', co: ['cgj'],
      subtasks: [
        { key: 'h11a', title: '启动中心城区老旧小区改造20个以上', sector: '城市建设', livelihood: true, target: '20', unit: '个', lead: 'zjj', result: '23', doneMonth: 8, work: '老旧小区改造启动' },
        { key: 'h11b', title: '硬化小街小巷20条', sector: '城市建设', livelihood: true, target: '20', unit: '条', lead: 'zjj', result: '20', work: '小街小巷硬化' },
        { key: 'h11c', title: '小街小巷照明亮化100条', sector: '城市建设', livelihood: true, target: '100', unit: '条', lead: 'cgj', result: '100', work: '巷道照明亮化' },
      ],
    },
    {
      key: 'h12', title: '10千伏苏村线、龙居线绝缘化改造22.19千米', sector: '城市建设', livelihood: true, target: '22.19', unit: '千米', lead: 'gdj', co: ['fgj'],
      result: '22.19', doneMonth: 10, work: '线路绝缘化改造',
    },
    // ---- other targets of the plan part
    { key: 'p01', title: '受污染耕地安全利用率保持在97%以上', sector: '生态环境', target: '97', unit: '%', lead: 'nyj', co: ['hbj'], level: true, from: '97.1', result: '97.6', work: '受污染耕地安全利用率' },
    { key: 'p02', title: '农作物良种覆盖率达98%以上', sector: '乡村振兴', target: '98', unit: '%', lead: 'nyj', level: true, from: '97.2', result: '98.2', work: '农作物良种覆盖率' },
    { key: 'p03', title: '粮食播种面积稳定在50.5万亩以上', sector: '乡村振兴', target: '50.5', unit: '万亩', lead: 'nyj', result: '50.8', doneMonth: 7, work: '粮食播种' },
    { key: 'p04', title: '粮食总产量稳定在1.5亿公斤以上', sector: '乡村振兴', target: '1.5', unit: '亿公斤', lead: 'nyj', result: '1.62', doneMonth: 10, work: '粮食生产' },
    { key: 'p05', title: '提升改造公办幼儿园2所', sector: '民生保障', target: '2', unit: '所', lead: 'jyj', result: '2', doneMonth: 8, work: '公办幼儿园提升改造' },
    { key: 'p06', title: '提升改造东郭、龙居等乡镇小学5所', sector: '民生保障', target: '5', unit: '所', lead: 'jyj', co: ['zjj'], result: '5', doneMonth: 8, work: '乡镇小学提升改造' },
    { key: 'p07', title: '增加优质学位3660个', sector: '民生保障', target: '3660', unit: '个', lead: 'jyj', result: '3660', doneMonth: 9, work: '优质学位供给' },
    { key: 'p08', title: '为168户特殊家庭实施适老化改造', sector: '民生保障', target: '168', unit: '户', lead: 'mzj', co: ['zjj'], result: '168', work: '特殊家庭适老化改造' },
    {
      key: 'p09', title: '推进关公故里文化旅游景区创建国家5A级旅游景区', sector: '文化旅游', lead: 'wlj', co: ['zjj', 'jtj'],
      milestones: [['编制创建提升方案', '03-31'], ['游客中心及智慧系统提升', '08-31'], ['提交景观质量评审申请', '10-31'], ['通过省级初评', '12-31']],
      milestonesDone: 3,
    },
    {
      key: 'p10', title: '启动西城—龙居引黄灌溉工程', sector: '乡村振兴', lead: 'slj', co: ['nyj', 'zrj'],
      milestones: [['可行性研究报告批复', '04-30'], ['初步设计批复', '07-31'], ['开工建设', '09-30']],
    },
    {
      key: 'p11', title: '推进盐湖区人民医院新院建设', sector: '民生保障', lead: 'wjj', co: ['fgj', 'zjj'],
      milestones: [['主体结构封顶', '06-30'], ['二次结构及机电安装', '10-31'], ['完成年度投资', '12-31']],
    },
    { key: 'p12', title: '全年签约招商项目40个以上', sector: '经济发展', target: '40', unit: '个', lead: 'zsj', co: ['gxq'], result: '44', work: '招商项目签约' },
  ],
};

/** 2023 results stated in the same report (RecordedFact, year 2023). */
export const YANHU_2023_FACTS: FactSpec[] = [
  ['地区生产总值', '400', '亿元', '突破'],
  ['规模以上工业增加值', '29.8', '亿元'],
  ['固定资产投资', '120', '亿元'],
  ['争取各类资金', '35.1', '亿元'],
  ['处置“批而未用”土地', '6476.19', '亩'],
  ['签约项目', '46', '个'],
  ['重点项目建成完工', '38', '个'],
  ['发放政府数字消费券', '800', '万元'],
  ['发放“爱心消费券”', '181.95', '万元'],
  ['“一刻钟便民生活圈”试点社区建成', '21', '个'],
  ['游客接待量', '641', '万人次', '近'],
  ['旅游收入', '1.1', '亿元'],
  ['精准招引延链补链强链项目', '35', '个'],
  ['累计减税降费', '5.3', '亿元'],
  ['为企业融资贷款', '24.15', '亿元'],
  ['经营主体总量', '12.4', '万户'],
  ['新增“小升规”企业', '19', '家'],
  ['新增省级专精特新中小企业', '16', '家'],
  ['建成高标准农田', '5.3', '万亩'],
  ['粮食总产量', '2.1', '亿公斤'],
  ['粮食总产量同比增长', '18.8', '%'],
  ['农林牧渔业增加值增长', '5.4', '%'],
  ['完成老旧小区改造', '40', '个'],
  ['完成小街小巷改造', '20', '条'],
  ['亮化巷道', '258', '条'],
  ['改造农村户厕', '3000', '座'],
  ['“四好农村路”建成通车', '22', '条'],
  ['新增城镇就业', '6187', '人'],
  ['接受职业技能培训', '5068', '人'],
  ['增加优质学位', '5520', '个'],
  ['普惠性幼儿园', '198', '所'],
  ['普惠性幼儿园占比', '88.4', '%'],
  ['村卫生室标准化提升改造', '230', '个'],
  ['脱贫人口收入增幅', '16.5', '%'],
  ['PM2.5浓度同比下降', '4', '%'],
  ['新增造林面积', '1.8', '万亩'],
];
