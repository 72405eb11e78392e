/**
 * The word lists and patterns of Chinese official writing that extraction relies on.
 * Each list says what it is for; none is tied to a particular document.
 */

/**
 * Units that measure time, age or rank: a number with one of these is a date/period, not a claim.
 * 期 is not among them: 托管服务60期 counts sessions (a phase, 二期工程, is told apart where read).
 */
export const TIME_UNITS = new Set(['年', '月', '日', '天', '周', '周年', '周岁', '岁', '小时', '分钟', '秒', '季度', '届', '级', '号', '页', '时', '点']);

/** Words after a classifier that make the number part of a period: 3个月, 5个工作日. */
export const AFTER_UNIT_PERIOD = /^(?:月|工作日|小时|季度|年度|学期|周期|年头)/;

/**
 * Words after "N个/N项/N件" that make it a slogan or program count (六个方面, 两件大事, 四位一体,
 * 两个毫不动摇) rather than an amount of work.
 */
export const SLOGAN_AFTER = /^(?:方面|大事|意识|自信|维护|确立|务必|必须|坚持|一批|一体|合一|毫不动摇|健康|代表|优先|轮驱动|翼|不为过|规定|注意|纪律|全面|到位|清单|统筹|结合|转变|聚焦|着力|强化|提升行动|行动计划|关键|领域|战略|体系|环节|中心任务|导向|原则|目标任务)/;

/** Text after a threshold amount that makes it a size class (投资超5亿元项目, 亿元以上企业). */
export const THRESHOLD_AFTER = /^(?:的)?(?:项目|企业|工业企业|大项目|重点项目|产业项目|规上企业|工程|大户|以上)/;

/** Qualifiers written right before a number, longest first. */
export const PREFIX_QUALIFIERS = [
  '同比增长', '同比下降', '同比增幅', '同比减少', '同比提高', '同比提升', '年均增长', '分别增长', '分别达到',
  '不少于', '不低于', '不超过', '不高于', '保持在', '稳定在', '控制在', '提升至', '提高至', '增长至',
  '超过', '达到', '增长', '下降', '增加', '减少', '提高', '提升', '压缩', '突破', '增幅', '降幅', '保持',
  '接近', '近', '约', '逾', '超', '达', '增', '降', '减',
];

/** Qualifiers written right after the unit. */
export const SUFFIX_QUALIFIERS = ['以上', '以内', '以下', '左右', '之内', '上下'];

/** Qualifiers that mark a growth or change rate (the subject gets 增长/下降 appended). */
export const GROWTH_QUALIFIER = /^(?:同比)?(?:增长|下降|增幅|降幅|增加|减少|提高|提升|压缩|年均增长|分别增长)/;

/**
 * Cues that a clause states a plan or goal (力争, 确保, 预计, 控制在, 将 as a future marker …).
 * 将 counts only after an actor or time word, or before a verb: 区将/年将/我们将/将继续 —
 * not the preposition in 将村集体房屋出租.
 */
export const TARGET_CUE =
  /力争|确保|预计|力求|争取达到|控制在|预期|拟(?:新建|建设|实施|投资|安排)|年内|到\d{4}年|(?<![按年度超完成原的])计划(?=新建|完成|实施|投资|建设|开工|安排|新增|推进|引进|培育|改造|实现|达到|争取|用|在|于|到)|(?:区|县|市|镇|乡|街道|们|还|也|并|年|府|今后)将(?!其|之|来)|(?<![即必终])将(?=继续|全力|着力|加快|加大|新建|建设|启动|推进|打造|实施|开展|完成|实现|达到|突破|力争|确保|进一步|持续|重点|大力|深入|积极|新增|提升|改造|投入|统筹|围绕|聚焦|坚持|按照|全面|努力|不断|切实|以|在|于)|目标(?:是|为)|要(?:新建|完成|实现|确保|力争|达到)/;

/** Cues that a clause reports something done (已, 累计, 截至 …). */
export const RESULT_CUE = /已经|已(?!于)|截至|截止|去年|(?<![比较])上年|过去一年|过去五年|先后|完成率/;

/** Headings that open a plan section (展望2024, 2024年工作安排, 下一步打算 …). */
export const PLAN_HEADING = /十[一二三四五六七八九]五|规划纲要|主要考虑|展望|工作安排|主要安排|工作打算|主要打算|下一步|预期目标|主要目标|目标任务|工作思路|总体要求|重点任务|奋斗目标|阔步前行|谋划/;

/** Headings that open a review section (回眸2023, 过去一年工作回顾, 亮点 …). */
export const RESULT_HEADING = /回眸|回顾|过去一年|过去五年|成绩|成效|成就|亮点|收获|完成情况|实施情况|执行情况|工作纪实|总结/;

/** A heading or paragraph that opens a 民生实事 / 惠民实事 list. */
export const LIVELIHOOD = /民生实事|惠民实事|为民办实事|民生工程|民生项目|实事项目/;

/** Page boilerplate lines: navigation, login, copyright, news-list items, print/font controls. */
export const BOILERPLATE =
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s|\d|$)|\.\.\.$|…$|©|ICP备|Powered by|GMT\+|版权所有|登录|注册|上一篇|下一篇|责任编辑|^来源|来源[:：]|发表于|阅读模式|字体|字号|分享到|打印|关闭窗口|当前位置|返回顶部|返回列表|扫一扫|相关(?:文章|新闻|阅读)|热点文章|推荐阅读|\.html|enpproperty|^image\.|点击|浏览次数|阅读次数|\d+阅读|发稿时间|发布时间|时间[:：]\s*\d{4}/;

/** Discourse, time and actor words stripped from the front of a subject (literal words). */
export const SUBJECT_LEAD_WORDS = (
  '其中 同时 此外 另外 以及 并且 并 且 还 又 再 也 全年 全区 全县 全市 全镇 本区 我区 该区 区内 辖区内 今年来 今年以来 今年 去年 ' +
  '上年 目前 当前 现已 截至目前 年内 年底前 年底 共计 共 累计 已经 已 先后 成功 力争 确保 预计将 预计 将 计划 一共 总共 合计 分别 ' +
  '均 都 稳步 持续 全力 全面 积极 大力 进一步 在此基础上 与此同时 相比 通过 共有 拥有 现有 年度 全省 全国 本年度 较去年同期 较上年同期 比上年同期 比去年同期 较去年 比去年 较上年 比上年 同比 , ， 、 ; ； : ：'
).split(' ');

/** Dates and periods at the front of a subject: 截至11月底, 2023年以来, 近3年来, 80多天. */
export const SUBJECT_LEAD_TIME = /(?:截[至止]\d+月底?|近?\d+(?:多|余)?(?:天|年|个月|日|周)(?:来|以来|内|间)?|\d{4}年(?:以来|底|末)?)/y;

/** Verbs and qualifiers stripped from the end of a subject (what sits between subject and number). */
export const SUBJECT_TRAIL_WORDS = (
  '达到了 达到 达 为 是 有 共计 共 计 累计 完成了 完成 实现了 实现 突破 超过 超 近 约 逾 保持在 稳定在 控制在 提升至 提高至 ' +
  '提升到 提高到 增长到 增长至 下降到 下降至 提升 提高 增长 下降 增加 减少 增幅 降幅 压缩 保持 稳定 至 到 分别 均 总计 合计 ' +
  '拥有 共有 超额 同比 年均 约为 仅 就 已 了 预计将 预计 将 力争 确保 要 可'
).split(' ');

/** An ordinal batch at the end of a subject: 完成第一批 → 完成. */
export const TRAILING_BATCH = /第[一二三四五六七八九十\d]{1,3}批次?$/;

const VERBS =
  '开设|开办|增设|增配|筹措|筹集|募集|认定|开发|代缴|改善|供应|更新改造|新建改建|新建|新增|建成|建设|改造|实施|办好|涉及|减免|壮大|抓好|建立|完善|改扩建|新改扩建|开行|开通|铺设|更换|安装|加装|配备|招聘|招录|推广|推广种植|兑现|落实|引育|启动|开展|组建|培养|培育|引进|引导|签约|招引|打造|增加|推进|创建|认证|申报|关停|化解|办理|举办|召开|发放|争取|带动|帮助|推动|成立|设立|硬化|亮化|提升改造|建设改造|改建|扩建|新开工|开工|竣工|完工|投产|提供|安排|投入|培训|救助|资助|慰问|走访|排查|筛查|整治|清理|摸排|检查|处置|解决|吸纳|安置|服务|接待|遴选|帮扶|拆除|修复|治理|种植|栽植|植树|造林|完成|实现|统筹推进|加快|挖平|收集|孵化|巩固';
/** The verbs after which the subject is the object written after the number. */
export const VERB_LIST: readonly string[] = VERBS.split('|');
/** The verb(s) a phrase opens with: 签约引进…, 新建… */
export const VERB_AT_START = new RegExp(`^(?:${VERBS})+`);
