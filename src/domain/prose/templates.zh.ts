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
    /** under the title when the year had not ended at the document's date */
    subtitlePartial: '（截至{date}）',
    issuer: '{region}人民政府督查室',
    /** the year's headline: tasks done and, when known, the economy's lead figure */
    opening: '{year}年，{region}围绕政府工作报告确定的{total}项目标任务狠抓落实，{completed}项已完成，完成率{share}{economy}{honours}。现将全年工作纪实如下。',
    openingPartial: '{year}年以来，{region}围绕政府工作报告确定的{total}项目标任务狠抓落实，截至{date}已完成{completed}项{economy}{honours}。现将阶段性工作情况纪实如下。',
    /** the region's own honours in the opening: 先后获评A、B等国家级、省级荣誉 */
    openingHonours: '；先后获评{titles}等{levels}荣誉',
    openingHonoursOne: '；获评{titles}',
    /** an honour of a unit or place: 解州派出所获评全国“枫桥式公安派出所” */
    honourOf: '{recipient}获评{titles}',
    honourOfMany: '{recipient}先后获评{titles}',
    /** the honours of a sector, after its results and what was done */
    sectorHonours: '{items}。',
    openingEconomy: '；{span}实现地区生产总值{value}，{growth}',
    headingEconomy: '经济运行',
    /** one indicator: 地区生产总值302.5亿元，同比增长6.2% */
    indicator: '{indicator}{value}，同比{growth}',
    indicatorNoGrowth: '{indicator}{value}',
    /** peer ranks, one sentence for all indicators sharing a rank: 其中，地区生产总值、一般公共预算收入增速均在全市3个城区中居第一 */
    rankGroup: '{indicators}增速在{scope}{of}个{kind}中居第{rank}',
    rankGroupMany: '{indicators}增速均在{scope}{of}个{kind}中居第{rank}',
    rankLead: '其中，',
    /** what peers are called, by their names' last character (all 区, all 县) or mixed */
    peerKind: { 区: '城区', 县: '县', 市: '县级市', mixed: '县（市、区）' } as Record<string, string>,
    /** how the indicators' period is named at the start of the sentence, by period type */
    economyOpening: { year: '全年', quarter: '{year}年前{quarter}季度，', month: '{year}年1—{month}月，' },
    economySpan: { year: '全年', quarter: '前{quarter}季度', month: '1—{month}月' },
    /** a sector's lead sentence, varied by the sector's place (index modulo the list); {n} tasks, {done} done */
    sectorLead: [
      '{sector}方面，{n}项目标任务完成{done}项。',
      '在{sector}领域，列入年度目标的{n}项任务中已有{done}项完成。',
      '{sector}方面共安排目标任务{n}项，完成{done}项。',
    ],
    sectorLeadAll: [
      '{sector}方面，{n}项目标任务全部完成。',
      '在{sector}领域，列入年度目标的{n}项任务全部完成。',
      '{sector}方面安排的{n}项目标任务均已完成。',
    ],
    sectorLeadNone: '{sector}方面，{n}项目标任务正在推进。',
    /** a sector without any reviewed figure yet */
    sectorNoResults: '{sector}方面，{n}项目标任务尚无经审核的进展数据，有关单位正在推进落实。',
    /** …of one task: named, never 1项目标任务 */
    sectorNoResultsOne: '{sector}方面，“{title}”尚无经审核的进展数据，{department}正在推进落实。',
    /** a quantitative result: subject + figure */
    result: '{subject}{value}，任务完成率{rate}',
    /** a title led by a verb (改造农村厕所1500座): object first, then the verb and the figure */
    resultVerb: '{object}累计{verb}{value}，任务完成率{rate}',
    resultNoSubject: '“{title}”累计完成{value}，任务完成率{rate}',
    /** ≤ targets: 城镇调查失业率3.6%，控制在5.5%以内 */
    resultCeilingMet: '{subject}{value}，控制在{target}以内',
    resultCeilingMissed: '{subject}{value}，高于{target}的控制目标',
    /** rate and share targets compare in percentage points */
    resultPointsAbove: '{subject}{value}，高于目标{points}个百分点',
    resultPointsMet: '{subject}{value}，达到目标',
    resultPointsBelow: '{subject}{value}，低于目标{points}个百分点',
    /** a rate target whose title gives no subject (在册个体工商户“惠商保”全覆盖) and is not met */
    resultPointsNoSubject: '“{title}”完成{value}，低于目标{points}个百分点',
    resultMilestones: '“{title}”节点完成率{rate}',
    resultClosed: '“{title}”已完成',
    /** a parent without its own figure: its subtasks' sums */
    resultSums: '“{title}”累计完成{sums}',
    comparePrevious: '，比上年{growth}',
    /** what was done, from the departments' accepted reports; varied by the sector's place */
    done: ['工作中，{items}。', '具体推进中，{items}。', '在推进落实中，{items}。'],
    /** key projects */
    projects: '{span}实施重点项目{count}个，完成投资{completed}，为年度计划投资的{rate}',
    projectsFinished: '，其中{names}等{finished}个项目竣工（投产）',
    projectsFinishedOne: '，其中{names}竣工（投产）',
    projectName: '总投资{total}的{name}',
    headingProjects: '重点项目建设',
    headingProblems: '存在问题',
    problemsIntro: '对照年度目标，仍有{n}项任务未完成或进度滞后：',
    problemsIntroPartial: '对照序时进度，仍有{n}项任务进度滞后：',
    /** one unfinished task: its figure and the reason the department gave */
    problemItem: '“{title}”{state}',
    problemReason: '，{reason}',
    problemRate: '完成率{rate}',
    problemMilestones: '节点完成率{rate}',
    /** a sector with one task: its result is the lead */
    sectorOne: '{sector}方面，',
    sectorOneLed: '{sector}方面，由{department}牵头，',
    problemStatus: '{status}',
    headingNextYear: '下步打算',
    nextYearIntro: '{year}年，{region}将围绕政府工作报告确定的{n}项目标任务，重点抓好以下工作：',
    /** one sector's targets of the next year */
    nextYearSector: '{sector}方面，{items}。',
    nextYearItem: '{title}（{department}牵头）',
    nextYearItemNoLead: '{title}',
    /** scope of a peer ranking, by the parent region's level */
    peerScope: { province: '全省', city: '全市', county: '全县', township: '全镇' } as Record<string, string>,
    /** ordinals of problems: 一是 … 二是 … */
    ordinal: '{n}是',
  },
  /** what a condensed narrative leaves out: restated figures and stock phrases (regular expressions) */
  narrativeSkip: ['截至', '累计完成', '占年度目标', '目标任务已完成', '全年任务', '下一步', '节点已完成', '正在推进', '前期准备工作', '已分析原因', '序时', '^\\d+月[：:]', '^\\d+月底', '目标不低于', '目标不高于', '（原计划', '按计划推进', '月度核查', '台账'],
  /** what marks a sentence as a problem or reason (存在问题) rather than a result */
  narrativeProblem: ['滞后', '未能', '尚未', '未完成', '流标', '推迟', '不足', '不强', '下滑', '困难', '缓慢', '延续至下年度'],
  /** verbs a task title may start with; its result is written object + verb + figure */
  taskVerbs: ['建设改造', '提升改造', '新建改造', '完成', '实现', '新建', '新增', '增加', '改造', '建设', '实施', '签约', '举办', '引进', '培育', '创建', '化解', '发放', '培训', '提供', '开展', '治理', '打造'],
  /** leading time phrases of a title, left off its subject (6月底前, 年内, 全年) */
  timePrefixes: ['^\\d{1,2}月(?:底|末|中旬|上旬|下旬)?(?:前|以前)', '^年底前', '^年内', '^全年', '^今年'],
  appendix: {
    heading: '附件：数据来源',
    kinds: { report: '进展报告', indicator: '经济指标', project: '重点项目', fact: '往年成绩', commitment: '目标任务', commitments: '目标任务清单', honour: '荣誉表彰' } as Record<string, string>,
  },
  /** words left off the end of a commitment's subject before its value is written */
  subjectTrailers: ['稳定在', '保持在', '控制在', '达到', '不少于', '不低于', '不超过', '力争', '确保', '突破', '超过', '完成', '达', '为'],
} as const;

export type Templates = typeof TEMPLATES_ZH;
