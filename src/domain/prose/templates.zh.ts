/**
 * Sentence templates of generated documents, in Chinese — data, not code: edit the wording here.
 * `{name}` is a placeholder filled by the builders (bulletin.ts, yearSummary.ts); every placeholder
 * must get a value or the sentence is not written. Where a sentence has variants (with or without a
 * comparison), each variant is its own template.
 */
export const TEMPLATES_ZH = {
  bulletin: {
    /** `\n` is where the title breaks into its second line (GB/T 9704: break at a word boundary) */
    title: '{region}{year}年政府工作报告目标任务\n推进情况督查通报',
    subtitle: '（{year}年第{month}期）',
    issuer: '{region}人民政府督查室',
    opening:
      '为推动{year}年政府工作报告确定的目标任务落地落实，{gov}督查室对截至{period}各项目标任务推进情况进行了督查。现将有关情况通报如下。',
    /** 主送机关 when the configuration sets none; {gov} 区政府, {short} 区 */
    recipients: '各乡镇人民政府、街道办事处，{short}直各有关单位：',
    /** 版记 */
    copyTo: '{short}委办公室，{short}人大常委会办公室，{short}政协办公室。',
    printed: '{printedBy}',
    printedOn: '{date}印发',
    headingOverall: '总体情况',
    /** {counts} joins the non-zero parts of `overallCounts` with ， */
    overall: '截至{asOf}，纳入督查的{total}项目标任务中，{counts}。',
    overallCounts: {
      completed: '已完成{n}项',
      completedExceeded: '已完成{n}项（其中超额完成{exceeded}项）',
      onTrack: '正常推进{n}项',
      lagging: '滞后{n}项',
      seriouslyLagging: '严重滞后{n}项',
      notStarted: '未启动{n}项',
    },
    /** 逾期未报送 and 逾期未完成: two counts, each naming its commitments */
    overdueReports: '{n}项目标任务逾期未报送进展（{titles}）',
    overdueDeadlines: '{n}项目标任务已过完成时限尚未完成（{titles}）',
    noOverdue: '各项目标任务均按时报送进展。',
    headingLagging: '滞后及逾期任务',
    noLagging: '本期无滞后、逾期未报送或逾期未完成的目标任务。',
    /** one commitment behind: value, rate and lag */
    laggingItem: '“{title}”（{status}）：截至{period}累计完成{value}，完成率{rate}，低于序时进度{lag}个百分点。',
    laggingItemMilestones: '“{title}”（{status}）：节点完成率{rate}，低于序时进度{lag}个百分点。',
    laggingItemNoValue: '“{title}”（{status}）：尚未报送经审核的进展数据，序时进度应达{expected}。',
    overdueItem: '“{title}”：{periods}进展逾期未报送。',
    /** a department that stopped reporting: consecutive missing months up to the latest due */
    stoppedItem: '“{title}”：{department}自{first}起未再报送进展，已连续{n}期逾期未报。',
    overdueClause: '另有{periods}进展逾期未报送。',
    stoppedClause: '{department}自{first}起未再报送进展，已连续{n}期逾期未报。',
    subtaskOverdueClause: '子任务“{title}”{periods}进展逾期未报送。',
    pastDeadlineClause: '已超过{deadline}的完成时限，尚未完成。',
    overdueDeadline: '“{title}”：已过{deadline}的完成时限，尚未完成。',
    overdueSubtasks: '“{title}”：',
    reason: '单位反映：{narrative}',
    /** the narrative of a report still awaiting review (its figures are not counted yet) */
    reasonPending: '单位{period}报送（待审核）反映：{narrative}',
    noReason: '单位未说明滞后原因。',
    headingRanking: '考核排名',
    rankingPraise: '根据本期考核，{departments}目标任务无滞后、进展按时报送，考核得分居前，予以通报表扬。',
    /** more departments tie at the top than may be praised: none is singled out */
    rankingTie: '本期{n}个单位考核得分并列最高（{score}分），不作个别表扬。',
    rankingCriticise: '{departments}目标任务推进不力，予以通报批评，请相关单位认真分析原因，限期整改。',
    rankingNone: '本期无须通报表扬或批评的单位。',
    rankingEntry: '{department}（{score}分）',
    /** the reason of a criticism, after the score: 28分，2项严重滞后、1项逾期未报送 */
    criticiseEntry: '{department}（{score}分，{reasons}）',
    criticiseReasons: { low: '考核得分低于{threshold}分', seriouslyLagging: '{n}项严重滞后', reportsMissing: '{n}项逾期未报送进展', deadlineOverdue: '{n}项逾期未完成' },
    headingLivelihood: '民生实事进展',
    livelihoodIntro: '{year}年{count}件民生实事推进情况见下表。',
    livelihoodCaption: '民生实事进展情况表',
    livelihoodColumns: ['序号', '民生实事', '牵头单位', '目标', '累计完成', '完成率', '状态'],
    /** status cell of a commitment 逾期 */
    statusReportsMissing: '（逾期未报）',
    statusDeadlineOverdue: '（逾期未完成）',
    headingNext: '下步工作要求',
    /** each line may use {gov}: 区政府 / 县政府 / 市政府 … */
    next: [
      '各牵头单位要对照年度目标和序时进度，逐项梳理滞后任务，明确整改措施和完成时限。',
      '各单位要按时报送进展情况，确保数据真实准确，逾期未报的将纳入考核扣分。',
      '{gov}督查室将持续跟踪督办，对连续滞后的任务启动黄色、红色督办程序。',
    ],
  },
  yearSummary: {
    title: '{region}{year}年政府工作报告\n目标任务完成情况工作纪实',
    issuer: '{region}人民政府督查室',
    opening: '{year}年，{region}政府工作报告确定的{total}项目标任务中，已完成{completed}项，占{share}。现将主要目标任务完成情况纪实如下。',
    headingEconomy: '经济运行',
    /** one indicator: 全年实现地区生产总值302.5亿元，增长6.2%，增速居全市第一 */
    indicator: '{indicator}{value}，同比{growth}',
    indicatorNoGrowth: '{indicator}{value}',
    indicatorRank: '，增速居{scope}第{rank}',
    /** how the indicators' period is named at the start of the sentence, by period type */
    economyOpening: { year: '全年', quarter: '{year}年前{quarter}季度，', month: '{year}年1—{month}月，' },
    /** sector headline sentence */
    sectorHeadline: '{sector}方面，{total}项目标任务已完成{completed}项，其中超额完成{exceeded}项。',
    sectorHeadlineNoExceeded: '{sector}方面，{total}项目标任务已完成{completed}项。',
    sectorHeadlineNoneDone: '{sector}方面，{total}项目标任务正在推进。',
    /** a quantitative result: 城镇新增就业3685人，任务完成率105.3% */
    result: '{subject}{value}，任务完成率{rate}',
    resultNoSubject: '“{title}”累计完成{value}，任务完成率{rate}',
    /** ≤ targets: 城镇调查失业率3.6%，控制在5.5%以内 */
    resultCeilingMet: '{subject}{value}，控制在{target}以内',
    resultCeilingMissed: '{subject}{value}，高于{target}的控制目标',
    resultMilestones: '“{title}”节点完成率{rate}',
    resultClosed: '“{title}”已完成',
    comparePrevious: '，比上年{growth}',
    headingProjects: '重点项目建设',
    projects: '全年实施重点项目{count}个，完成投资{completed}，为年度计划投资的{rate}；其中已竣工（投产）{finished}个。',
    projectsNoFinished: '全年实施重点项目{count}个，完成投资{completed}，为年度计划投资的{rate}。',
    headingNextYear: '{year}年主要目标任务',
    nextYearIntro: '{year}年政府工作报告确定的主要目标任务如下：',
    nextYearItem: '{n}. {title}',
    /** scope of a peer ranking, by the parent region's level */
    peerScope: { province: '全省', city: '全市', county: '全县', township: '全镇' } as Record<string, string>,
  },
  appendix: {
    heading: '附件：数据来源',
    kinds: { report: '进展报告', indicator: '经济指标', project: '重点项目', fact: '往年成绩', commitment: '目标任务', commitments: '目标任务清单' } as Record<string, string>,
  },
  /** words left off the end of a commitment's subject before its value is written */
  subjectTrailers: ['稳定在', '保持在', '控制在', '达到', '不少于', '不低于', '不超过', '力争', '确保', '突破', '超过', '完成', '达', '为'],
} as const;

export type Templates = typeof TEMPLATES_ZH;
