/**
 * 盐湖区, the current year (the year of `ctx.today()`): a SAMPLE plan, modelled on the 2024
 * targets with invented figures, so dashboards show live work. Each commitment's `course` says how
 * its year is going; monthly reports are generated up to today. Together the courses cover every
 * status (未启动/正常推进/滞后/严重滞后/已完成/超额完成), and a few reports are awaiting review,
 * returned, or missing (逾期).
 */
import type { PlanSpec } from '../spec.ts';

export const YANHU_CURRENT: PlanSpec = {
  regionCode: '140802',
  year: 'current',
  title: '盐湖区{year}年政府工作目标任务（示例）',
  source: '示例数据：参照盐湖区2024年目标任务编写，数字为虚构',
  commitments: [
    // ---- 惠民实事
    {
      key: 'c01', title: '按季度足额发放高龄补贴', sector: '民生保障', livelihood: true, lead: 'mzj', co: ['czj'], course: 'onTrack', work: '高龄补贴发放',
      milestones: [['一季度补贴发放', '03-31'], ['二季度补贴发放', '06-30'], ['三季度补贴发放', '09-30'], ['四季度补贴发放', '12-20']],
    },
    {
      key: 'c02', title: '养老服务设施建设', sector: '民生保障', livelihood: true, lead: 'mzj', co: ['zjj'],
      subtasks: [
        { key: 'c02a', title: '新建社区养老中心2个', sector: '民生保障', livelihood: true, target: '2', unit: '个', lead: 'mzj', course: 'completedEarly', doneMonth: 8, state: 'closed', closeRequest: 'approved', work: '社区养老中心建设' },
        { key: 'c02b', title: '提升改造老年日间照料中心5个', sector: '民生保障', livelihood: true, target: '5', unit: '个', lead: 'mzj', course: 'onTrack', work: '日间照料中心提升改造' },
      ],
    },
    { key: 'c03', title: '促进城乡各类劳动者就业1.1万人', sector: '民生保障', livelihood: true, target: '11000', unit: '人', lead: 'rsj', course: 'exceededEarly', doneMonth: 9, ratio: 1.08, work: '促进城乡劳动者就业', co: ['nyj'], coNarrative: '配合开展农村劳动力转移就业摸底和技能培训。' },
    { key: 'c04', title: '举办各类招聘活动30次以上', sector: '民生保障', livelihood: true, target: '30', unit: '次', lead: 'rsj', course: 'exceededEarly', doneMonth: 6, ratio: 1.2, work: '招聘活动' },
    { key: 'c05', title: '建设改造“四好农村路”30条', sector: '乡村振兴', livelihood: true, target: '30', unit: '条', lead: 'jtj', co: ['czj'], course: 'lagging', work: '“四好农村路”建设改造', reason: '受雨季影响部分路段推迟开工，已增加作业班组抢抓工期。' },
    { key: 'c06', title: '免费送戏下乡200场', sector: '文化旅游', livelihood: true, target: '200', unit: '场', lead: 'wlj', course: 'onTrack', lastReport: 'submitted', work: '送戏下乡' },
    {
      key: 'c07', title: '姚暹渠沿线农村生活污水治理', sector: '生态环境', livelihood: true, lead: 'hbj', co: ['nyj', 'zjj'], course: 'seriouslyLagging', work: '农村生活污水治理', reason: '施工招标两次流标，开工推迟，已提请分管领导专题调度。',
      instruction: { leader: '区长', text: '请生态环境分局会同相关乡镇倒排工期，本月底前完成开工，每周向督查室报送进度。' },
      milestones: [['立项及初步设计批复', '03-31'], ['施工招标', '05-31'], ['开工建设', '07-31'], ['管网主体完工', '10-31'], ['竣工验收', '12-31']],
    },
    { key: 'c08', title: '为1200名上消化道癌高风险人群提供内镜检查', sector: '民生保障', livelihood: true, target: '1200', unit: '名', lead: 'wjj', course: 'onTrack', lastReport: 'returned', work: '上消化道癌内镜筛查' },
    { key: 'c09', title: '改造农村厕所1500座', sector: '乡村振兴', livelihood: true, target: '1500', unit: '座', lead: 'nyj', co: ['wjj'], course: 'lagging', work: '农村厕所改造', reason: '部分村群众改厕意愿不强，正组织乡镇入户宣传动员。', coNarrative: '配合做好改厕后粪污无害化处理技术指导。' },
    {
      key: 'c10', title: '中心城区老旧小区及小街小巷改造', sector: '城市建设', livelihood: true, lead: 'zjj', co: ['cgj'],
      subtasks: [
        { key: 'c10a', title: '启动老旧小区改造25个以上', sector: '城市建设', livelihood: true, target: '25', unit: '个', lead: 'zjj', course: 'completedEarly', doneMonth: 5, work: '老旧小区改造启动' },
        { key: 'c10b', title: '硬化小街小巷20条', sector: '城市建设', livelihood: true, target: '20', unit: '条', lead: 'zjj', course: 'onTrack', work: '小街小巷硬化' },
        { key: 'c10c', title: '小街小巷照明亮化120条', sector: '城市建设', livelihood: true, target: '120', unit: '条', lead: 'cgj', course: 'onTrack', lastReport: 'missing', work: '巷道照明亮化' },
      ],
    },
    { key: 'c11', title: '为180户特殊困难老年人家庭实施适老化改造', sector: '民生保障', livelihood: true, published: false, target: '180', unit: '户', lead: 'mzj', course: 'onTrack', lastReport: 'submitted', work: '适老化改造' },
    { key: 'c12', title: '6月底前完成10千伏线路绝缘化改造18千米', sector: '城市建设', livelihood: true, target: '18', unit: '千米', lead: 'gdj', co: ['fgj'], deadline: '06-30', course: 'seriouslyLagging', work: '线路绝缘化改造', reason: '跨铁路段停电施工窗口未落实，进度严重滞后。',
      extension: { deadline: '12-31', reason: '部分线路跨越铁路，停电施工窗口需与铁路部门协调，申请延期至年底完成。' } },
    // ---- 其他目标任务
    { key: 'c13', title: '粮食播种面积稳定在50.5万亩以上', sector: '乡村振兴', target: '50.5', unit: '万亩', lead: 'nyj', course: 'completedEarly', doneMonth: 6, state: 'closeRequested', closeRequest: 'pending', work: '粮食播种' },
    { key: 'c14', title: '粮食总产量稳定在1.5亿公斤以上', sector: '乡村振兴', target: '1.5', unit: '亿公斤', lead: 'nyj', course: 'onTrack', work: '粮食生产' },
    { key: 'c15', title: '受污染耕地安全利用率保持在97%以上', sector: '生态环境', target: '97', unit: '%', lead: 'nyj', co: ['hbj'], level: true, from: '97.2', result: '97.6', course: 'exceededEarly', work: '受污染耕地安全利用率' },
    { key: 'c16', title: '新建高标准农田5万亩', sector: '乡村振兴', target: '5', unit: '万亩', lead: 'nyj', co: ['slj', 'czj'], course: 'lagging', work: '高标准农田建设', reason: '项目招标滞后，施工单位进场较晚，已要求倒排工期。' },
    { key: 'c17', title: '增加优质学位3000个', sector: '民生保障', target: '3000', unit: '个', lead: 'jyj', course: 'completedEarly', doneMonth: 9, work: '优质学位供给' },
    { key: 'c18', title: '提升改造乡镇小学4所', sector: '民生保障', target: '4', unit: '所', lead: 'jyj', co: ['zjj'], course: 'onTrack', work: '乡镇小学提升改造' },
    { key: 'c19', title: '全年签约招商项目45个以上', sector: '经济发展', target: '45', unit: '个', lead: 'zsj', co: ['gxq'], course: 'onTrack', work: '招商项目签约' },
    { key: 'c20', title: '新增“小升规”工业企业20家', sector: '经济发展', target: '20', unit: '家', lead: 'gxj', course: 'seriouslyLagging', work: '“小升规”企业培育', reason: '部分拟升规企业订单下滑，营业收入未达标准，正逐户包联帮扶。',
      instruction: { leader: '分管工业和招商副区长', text: '请工信局逐户梳理拟升规企业名单，落实包联责任，年底前确保完成目标。' } },
    { key: 'c21', title: '争取上级各类资金30亿元', sector: '经济发展', target: '30', unit: '亿元', lead: 'fgj', co: ['czj'], course: 'exceededEarly', doneMonth: 10, ratio: 1.05, work: '上级资金争取' },
    {
      key: 'c22', title: '盐湖区人民医院新院投入使用', sector: '民生保障', lead: 'wjj', co: ['fgj', 'zjj'], course: 'onTrack', work: '人民医院新院建设',
      milestones: [['室内装修完工', '04-30'], ['医疗设备招标采购', '07-31'], ['设备安装调试', '10-31'], ['开诊试运行', '12-31']],
    },
    {
      key: 'c23', title: '关公故里文化旅游景区5A级创建迎检', sector: '文化旅游', lead: 'wlj', co: ['jtj', 'cgj'], course: 'lagging', work: '5A级景区创建', reason: '旅游厕所及停车场提升工程用地手续办理滞后，已协调自然资源局加快办理。',
      milestones: [['整改清单销号', '04-30'], ['智慧景区系统上线', '06-30'], ['旅游厕所及停车场提升', '09-30'], ['迎接国家景观质量评审', '11-30']],
    },
    { key: 'c24', title: '根治欠薪冬季专项行动检查在建工程项目120个', sector: '民生保障', target: '120', unit: '个', lead: 'rsj', co: ['zjj', 'jtj'], course: 'notStarted', work: '在建工程项目欠薪检查' },
    {
      key: 'c25', title: '西城—龙居引黄灌溉工程二期前期工作', sector: '乡村振兴', lead: 'slj', co: ['fgj', 'zrj'], course: 'notStarted', work: '引黄灌溉二期前期工作',
      milestones: [['完成项目建议书', '12-10'], ['可研报告送审', '12-28']],
    },
    // taken into supervision mid-year (交办 on 1 July): the department owes reports from July on
    { key: 'c26', title: '新增造林面积1.5万亩', sector: '生态环境', target: '1.5', unit: '万亩', lead: 'zrj', course: 'onTrack', work: '造林绿化', assigned: '07-01' },
  ],
};
