/**
 * 湘东区 2022: results from the article on the district's 2022 (corpus seed 002, up to the
 * paragraph ending 累累硕果). The article gives results only: every target here is INVENTED as a
 * plausible round figure; two are set above the result (新增国家高新技术企业, 网络零售额) so the
 * year shows a couple of misses.
 */
import type { FactSpec, PlanSpec } from '../spec.ts';

export const XIANGDONG_2022: PlanSpec = {
  regionCode: '360313',
  year: 2022,
  title: '湘东区2022年政府工作目标任务',
  source: '萍乡日报《萍乡湘东区：景美人和产业兴》（语料 002）报道的2022年成绩；目标为示例',
  commitments: [
    {
      key: 'x01', title: '招商引资提质增量', sector: '经济发展', lead: 'zsj', co: ['gxj'],
      subtasks: [
        { key: 'x01a', title: '全年招引项目40个以上', sector: '经济发展', target: '40', unit: '个', lead: 'zsj', result: '46', work: '项目招引' },
        { key: 'x01b', title: '招商签约资金200亿元以上', sector: '经济发展', target: '200', unit: '亿元', lead: 'zsj', result: '223.64', work: '招商签约资金' },
      ],
    },
    { key: 'x02', title: '争取中央预算内项目资金10亿元', sector: '经济发展', target: '10', unit: '亿元', lead: 'fgj', result: '12.62', work: '中央预算内资金争取' },
    { key: 'x03', title: '争取债券项目资金15亿元', sector: '经济发展', target: '15', unit: '亿元', lead: 'czj', co: ['fgj'], result: '18.92', work: '债券资金争取' },
    { key: 'x04', title: '新增国家高新技术企业6家', sector: '经济发展', target: '6', unit: '家', lead: 'kjj', result: '5', work: '国家高新技术企业培育' },
    { key: 'x05', title: '新增省级专精特新企业12家', sector: '经济发展', target: '12', unit: '家', lead: 'gxj', result: '14', work: '专精特新企业培育' },
    { key: 'x06', title: '新增省级智能工厂2家', sector: '经济发展', target: '2', unit: '家', lead: 'gxj', result: '2', doneMonth: 11, work: '智能工厂培育' },
    { key: 'x07', title: '数字经济核心产业营业收入30亿元', sector: '经济发展', target: '30', unit: '亿元', lead: 'gxj', result: '35.65', work: '数字经济核心产业营收' },
    {
      key: 'x08', title: '启动湘东云超级计算中心建设', sector: '经济发展', lead: 'gxj', co: ['fgj'],
      milestones: [['签订合作协议', '04-30'], ['完成机房改造设计', '08-31'], ['开工建设', '11-30']],
    },
    { key: 'x09', title: '政务服务事项平均申请材料压缩30%', sector: '改革开放', target: '30', unit: '%', lead: 'spj', level: true, from: '12', result: '32', work: '申请材料压缩' },
    { key: 'x10', title: '政务服务事项平均办理时间压缩40%', sector: '改革开放', target: '40', unit: '%', lead: 'spj', level: true, from: '15', result: '41', work: '办理时间压缩' },
    { key: 'x11', title: '“跨省通办”高频事项150项', sector: '改革开放', target: '150', unit: '项', lead: 'spj', result: '155', work: '“跨省通办”事项' },
    { key: 'x12', title: '完成24个老旧小区改造及燃气设施更换', sector: '城市建设', livelihood: true, target: '24', unit: '个', lead: 'zjj', result: '24', doneMonth: 11, work: '老旧小区改造' },
    {
      key: 'x13', title: '桥南路铁路下穿工程通车', sector: '城市建设', livelihood: true, lead: 'jtj', co: ['zjj'],
      milestones: [['主体结构完工', '05-31'], ['附属工程完工', '09-30'], ['建成通车', '12-20']],
    },
    { key: 'x14', title: '127个行政村建立人居环境长效管护机制', sector: '乡村振兴', target: '127', unit: '个', lead: 'nyj', result: '127', doneMonth: 10, work: '长效管护机制建设' },
    { key: 'x15', title: '新建市级农业物联网示范基地3个', sector: '乡村振兴', target: '3', unit: '个', lead: 'nyj', result: '3', doneMonth: 10, work: '农业物联网示范基地建设' },
    { key: 'x16', title: '全区网络零售额达到7.5亿元', sector: '经济发展', target: '7.5', unit: '亿元', lead: 'swj', result: '7.05', work: '网络零售' },
    {
      key: 'x17', title: '义务教育学校建设', sector: '民生保障', livelihood: true, lead: 'jyj', co: ['zjj'],
      subtasks: [
        { key: 'x17a', title: '完成85所学校提升改造', sector: '民生保障', livelihood: true, target: '85', unit: '所', lead: 'jyj', result: '85', doneMonth: 9, work: '学校提升改造' },
        { key: 'x17b', title: '建成第一批新建学校9所', sector: '民生保障', livelihood: true, target: '9', unit: '所', lead: 'jyj', result: '9', doneMonth: 9, work: '新建学校' },
        { key: 'x17c', title: '启动第二批校建项目17个', sector: '民生保障', target: '17', unit: '个', lead: 'jyj', result: '17', doneMonth: 12, work: '第二批校建项目启动' },
      ],
    },
    {
      key: 'x18', title: '乡镇卫生院及社区卫生服务中心中医馆、康复馆全覆盖', sector: '民生保障', livelihood: true, lead: 'wjj', co: ['czj'],
      milestones: [['建设方案及资金下达', '03-31'], ['中医馆建成', '08-31'], ['康复馆建成并验收', '11-30']],
    },
    { key: 'x19', title: '电信网络诈骗案件同比下降30%以上', sector: '安全稳定', target: '30', unit: '%', lead: 'gaj', level: true, from: '18', result: '49.8', work: '电信网络诈骗案件降幅' },
  ],
};

/** Other 2022 figures of the article. */
export const XIANGDONG_2022_FACTS: FactSpec[] = [
  ['中小企业发展专项资金', '3000', '万元'],
  ['科技创新专项资金', '1000', '万元'],
  ['节能环保产业产值增长', '23', '%'],
  ['电子信息产业产值增长', '213', '%'],
  ['亿元以上项目', '31', '个'],
  ['利用外资同比增长', '1051', '%'],
  ['区重点倍增示范企业', '34', '家'],
  ['推动优化流程', '136', '项'],
  ['数字经济核心产业企业', '31', '家'],
  ['益农信息社', '112', '个'],
  ['电商服务站', '144', '个'],
  ['老旧小区改造惠及居民', '14500', '户', '余'],
  ['中医馆康复馆投入', '400', '万元', '余'],
  ['云程学校改制投入', '2.2', '亿元'],
  ['文旅活动带动消费', '2.8', '亿元', '近'],
  ['挽回养老诈骗经济损失', '2337', '万元', '余'],
];
