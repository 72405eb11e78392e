/**
 * 荷塘区 2019: targets from the 2019 plan part of the 政府工作报告 (corpus seed 003); the 2018
 * results of the same report become recorded facts. The 2019 year-end results are INVENTED
 * (the article is from February 2019): most are met, 耕食小镇 opens two of its three projects.
 */
import type { FactSpec, PlanSpec } from '../spec.ts';

export const HETANG_2019: PlanSpec = {
  regionCode: '430202',
  year: 2019,
  title: '荷塘区2019年政府工作报告目标任务',
  source: '荷塘区2019年政府工作报告（语料 003）；年终结果为示例虚构',
  commitments: [
    { key: 'e01', title: '统筹推进重点项目135个', sector: '经济发展', target: '135', unit: '个', lead: 'fgj', co: ['gxq'], result: '135', work: '重点项目推进' },
    { key: 'e02', title: '高新技术产业增加值达到86.6亿元', sector: '经济发展', target: '86.6', unit: '亿元', lead: 'kjj', co: ['gxq'], result: '88.3', work: '高新技术产业增加值' },
    { key: 'e03', title: '高新技术产业增加值增长20%以上', sector: '经济发展', target: '20', unit: '%', lead: 'kjj', level: true, from: '17.5', result: '21.2', work: '高新技术产业增加值增速' },
    {
      key: 'e04', title: '征地拆迁攻坚', sector: '城市建设', lead: 'zcb', co: ['zrj'],
      subtasks: [
        { key: 'e04a', title: '征拆集体土地3500亩', sector: '城市建设', target: '3500', unit: '亩', lead: 'zcb', result: '3620', work: '集体土地征拆' },
        { key: 'e04b', title: '征收国有房屋面积60000平方米', sector: '城市建设', target: '60000', unit: '平方米', lead: 'zcb', result: '61200', work: '国有房屋征收' },
      ],
    },
    {
      key: 'e05', title: '交通路网建设', sector: '城市建设', lead: 'zjj', co: ['jtj'],
      subtasks: [
        { key: 'e05a', title: '启动芙蓉路、黄泥塘路等道路新建17条', sector: '城市建设', target: '17', unit: '条', lead: 'zjj', result: '17', doneMonth: 10, work: '新建道路开工' },
        { key: 'e05b', title: '铁东路、新文化路等道路续建20条', sector: '城市建设', target: '20', unit: '条', lead: 'zjj', result: '20', work: '续建道路推进' },
        { key: 'e05c', title: '完成小街小巷提质改造6条', sector: '城市建设', livelihood: true, target: '6', unit: '条', lead: 'cgj', result: '6', doneMonth: 9, work: '小街小巷提质改造' },
      ],
    },
    {
      key: 'e06', title: '耕食小镇耕食书院、耕食家园、耕食墟集3个先导项目建成运营', sector: '乡村振兴', lead: 'nyj', co: ['wlj'],
      milestones: [['耕食书院建成运营', '06-30'], ['耕食家园建成运营', '09-30'], ['耕食墟集建成运营', '12-31']],
      milestonesDone: 2,
    },
    { key: 'e07', title: '新增城镇就业8000人', sector: '民生保障', livelihood: true, target: '8000', unit: '人', lead: 'rsj', result: '8215', work: '城镇新增就业' },
    { key: 'e08', title: '新增农村劳动力转移就业300人', sector: '民生保障', target: '300', unit: '人', lead: 'rsj', co: ['nyj'], result: '326', work: '农村劳动力转移就业' },
    { key: 'e09', title: '“零就业家庭”动态援助率保持100%', sector: '民生保障', target: '100', unit: '%', cmp: 'eq', lead: 'rsj', level: true, from: '100', result: '100', work: '“零就业家庭”动态援助' },
    { key: 'e10', title: '城镇登记失业率控制在4.5%以内', sector: '民生保障', target: '4.5', unit: '%', cmp: 'lte', lead: 'rsj', level: true, from: '4.1', result: '3.9', work: '城镇登记失业率' },
    { key: 'e11', title: '新增学位2300个', sector: '民生保障', livelihood: true, target: '2300', unit: '个', lead: 'jyj', co: ['zjj'], result: '2400', doneMonth: 9, work: '学位供给' },
    { key: 'e12', title: '大班额率控制在4%以内', sector: '民生保障', target: '4', unit: '%', cmp: 'lte', lead: 'jyj', level: true, from: '5.6', result: '3.6', work: '大班额率' },
    { key: 'e13', title: '年内新建社区居家养老服务中心6个', sector: '民生保障', livelihood: true, target: '6', unit: '个', lead: 'mzj', result: '6', doneMonth: 11, work: '社区居家养老服务中心建设' },
    { key: 'e14', title: '启动明照、仙庾、601幼儿园改扩建3所', sector: '民生保障', target: '3', unit: '所', lead: 'jyj', result: '3', doneMonth: 7, work: '公办幼儿园改扩建' },
    { key: 'e15', title: '完成601厂、湘华机械厂、430厂等企业“三供一业”改造', sector: '改革开放', target: '3', unit: '个', lead: 'zjj', co: ['czj'], result: '3', doneMonth: 12, work: '“三供一业”改造' },
    {
      key: 'e16', title: '建成金山污水处理厂一期', sector: '生态环境', lead: 'hbj', co: ['zjj', 'gxq'],
      milestones: [['设备安装完成', '05-31'], ['通水调试', '09-30'], ['竣工投运', '12-15']],
    },
  ],
};

/** 2018 results stated in the same report (RecordedFact, year 2018). */
export const HETANG_2018_FACTS: FactSpec[] = [
  ['地区生产总值', '219.4', '亿元'],
  ['地区生产总值增长', '8', '%'],
  ['规模工业增加值', '54.5', '亿元'],
  ['固定资产投资', '168', '亿元'],
  ['固定资产投资增长', '8.4', '%'],
  ['社会消费品零售总额', '57.9', '亿元'],
  ['社会消费品零售总额增长', '9.9', '%'],
  ['一般公共预算总收入', '8.6', '亿元'],
  ['税收收入', '7.97', '亿元'],
  ['税收收入增长', '15.28', '%'],
  ['签约引进产业项目', '18', '个'],
  ['签约项目投资总额', '231', '亿元'],
  ['产业项目实质开工', '25', '个'],
  ['重点项目竣工或投产', '22', '个'],
  ['协助企业获得融资贷款', '5000', '万元', '余'],
  ['为企业解决各类问题', '242', '个'],
  ['“停、缓、调、撤”项目', '36', '个'],
  ['核减投资', '79.62', '亿元'],
  ['出让住宅商服用地', '593', '亩'],
  ['回笼资金', '21.5', '亿元'],
  ['关停“散乱污”企业', '78', '家'],
  ['关停洗砂、碎石场', '33', '家'],
  ['空气质量优良率', '80.3', '%'],
  ['推进道路建设', '30', '条'],
  ['完成小街小巷提质改造', '15', '条'],
  ['新增养老床位', '327', '张'],
  ['家庭医生签约服务', '5.2', '万人'],
  ['民生支出', '13.9', '亿元'],
  ['民生支出占一般公共预算支出比重', '69.3', '%'],
];
