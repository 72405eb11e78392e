/**
 * 双清区 2023, rebuilt from the 2023 review articles (corpus seeds 000 and 001), which report
 * results and some completion rates but not the targets. Where a completion rate is given the
 * target is reconstructed from it (城镇新增就业 3685 at 105% → 3500; 失业人员再就业 4053 at 173% →
 * 2340; 农村劳动力培训 1880 at 125% → 1500; 养老保险参保 19.76万人 at 98.85% → 20万人). Other
 * targets are INVENTED round figures below the reported result. Results are the articles'
 * (figures "截至11月" are taken as the year's).
 */
import type { FactSpec, PlanSpec } from '../spec.ts';

export const SHUANGQING_2023: PlanSpec = {
  regionCode: '430502',
  year: 2023,
  title: '双清区2023年政府工作目标任务',
  source: '双清区2023年工作纪实及综述（语料 000、001）；目标由完成值与完成率反推，其余目标为示例',
  commitments: [
    { key: 'm01', title: '城镇新增就业3500人', sector: '民生保障', livelihood: true, target: '3500', unit: '人', lead: 'rsj', result: '3685', work: '城镇新增就业' },
    { key: 'm02', title: '城镇失业人员再就业2340人', sector: '民生保障', livelihood: true, target: '2340', unit: '人', lead: 'rsj', result: '4053', work: '失业人员再就业' },
    { key: 'm03', title: '完成农村劳动力培训1500人', sector: '乡村振兴', target: '1500', unit: '人', lead: 'rsj', co: ['nyj'], result: '1880', work: '农村劳动力培训' },
    { key: 'm04', title: '社会养老保险参保人数达到20万人', sector: '民生保障', target: '20', unit: '万人', lead: 'rsj', result: '19.76', work: '社会养老保险参保扩面' },
    { key: 'm05', title: '常住人口参保率稳定在95%以上', sector: '民生保障', target: '95', unit: '%', lead: 'ybj', co: ['rsj'], level: true, from: '95.1', result: '95.4', work: '常住人口参保率' },
    { key: 'm06', title: '实施老旧小区改造80个（涉及1.3万户）', sector: '城市建设', livelihood: true, target: '80', unit: '个', lead: 'zjj', result: '80', doneMonth: 11, work: '老旧小区改造' },
    { key: 'm07', title: '完成超期安置334户', sector: '城市建设', livelihood: true, target: '334', unit: '户', lead: 'zjj', co: ['zrj'], result: '334', doneMonth: 11, work: '超期安置' },
    { key: 'm08', title: '新建高标准农田4000亩', sector: '乡村振兴', target: '4000', unit: '亩', lead: 'nyj', result: '4000', work: '高标准农田建设' },
    { key: 'm09', title: '粮食播种面积稳定在6.2万亩以上', sector: '乡村振兴', target: '6.2', unit: '万亩', lead: 'nyj', result: '6.24', doneMonth: 8, work: '粮食播种' },
    { key: 'm10', title: '农村户厕问题整改到位', sector: '乡村振兴', target: '100', unit: '%', cmp: 'eq', lead: 'nyj', co: ['wjj'], level: true, from: '70', result: '100', work: '农村户厕问题整改率' },
    {
      key: 'm11', title: '重点项目集中开工', sector: '经济发展', lead: 'fgj', co: ['zsj'],
      subtasks: [
        { key: 'm11a', title: '分批集中开工重点项目15个', sector: '经济发展', target: '15', unit: '个', lead: 'fgj', result: '15', doneMonth: 10, work: '重点项目集中开工' },
        { key: 'm11b', title: '集中开工项目总投资20亿元以上', sector: '经济发展', target: '20', unit: '亿元', lead: 'fgj', result: '22.51', doneMonth: 10, work: '集中开工项目总投资' },
      ],
    },
    { key: 'm12', title: '招商签约项目10个以上', sector: '改革开放', target: '10', unit: '个', lead: 'zsj', result: '11', work: '招商项目签约' },
    { key: 'm13', title: '湘商回湘到位资金18亿元', sector: '改革开放', target: '18', unit: '亿元', lead: 'zsj', co: ['swj'], result: '19.26', work: '湘商回湘资金到位' },
    { key: 'm14', title: '“双随机、一公开”监管覆盖率达到65%', sector: '改革开放', target: '65', unit: '%', lead: 'scj', level: true, from: '40', result: '67.09', work: '“双随机、一公开”监管覆盖率' },
    { key: 'm15', title: '化解信访积案25件', sector: '安全稳定', target: '25', unit: '件', lead: 'xfj', result: '29', work: '信访积案化解' },
    { key: 'm16', title: '普惠托育托位达到1000个', sector: '民生保障', livelihood: true, target: '1000', unit: '个', lead: 'wjj', co: ['jyj'], result: '1150', work: '普惠托位供给' },
    { key: 'm17', title: '家庭医生签约服务8万人', sector: '民生保障', target: '8', unit: '万人', lead: 'wjj', result: '8.5', work: '家庭医生签约' },
    { key: 'm18', title: '村集体经济收入达到750万元', sector: '乡村振兴', target: '750', unit: '万元', lead: 'nyj', co: ['czj'], result: '785.9', work: '村集体经济增收' },
    {
      key: 'm19', title: '姚喆故居修缮', sector: '文化旅游', lead: 'wlj', co: ['zjj'],
      milestones: [['修缮方案批复', '04-30'], ['开工修缮', '08-31'], ['主体修缮完成', '12-31']],
      milestonesDone: 2,
    },
    {
      key: 'm20', title: '新建秀峰、屏丰农贸市场', sector: '城市建设', livelihood: true, lead: 'scj', co: ['zjj', 'zrj'],
      milestones: [['选址及用地手续', '03-31'], ['开工建设', '06-30'], ['主体完工', '10-31'], ['开业运营', '12-31']],
      milestonesDone: 4,
    },
  ],
};

/** Other 2023 figures of the articles, kept as recorded facts. */
export const SHUANGQING_2023_FACTS: FactSpec[] = [
  ['健身场地', '468', '个'],
  ['三次集中开工重点项目总投资', '22.51', '亿元'],
  ['邵阳液压智慧工厂产业园总投资', '10', '亿元'],
  ['托位数', '1150', '个'],
  ['湘商回湘累计到位资金', '19.26', '亿元'],
  ['“双随机、一公开”监管覆盖率', '67.09', '%'],
  ['为企业发放贷款', '2000', '万元', '逾'],
  ['老旧小区改造', '80', '个'],
  ['粮食播种面积', '6.24', '万亩', '以上'],
  ['高新技术产业增加值', '157.13', '亿元'],
  ['规上企业新产品销售收入占比', '36.03', '%'],
  ['每万名就业人员中研发人员', '105.75', '人'],
  ['每万人有效发明专利拥有量', '7.6', '件'],
  ['知识价值信用贷款', '1.38', '亿元'],
  ['城镇新增就业', '3685', '人'],
  ['失业人员再就业', '4053', '人'],
  ['农村劳动力培训', '1880', '人'],
  ['产业帮扶资金', '171.02', '万元'],
  ['就业帮扶资金', '1752.44', '万元'],
  ['村集体经济收入', '785.9', '万元', '预计'],
];
