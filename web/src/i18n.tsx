/**
 * Chinese by default, English on request. Texts are written in Chinese in the pages and looked
 * up here; a text without an English entry stays Chinese (names, sectors, departments do).
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

export const EN: Record<string, string> = {
  督办: 'Duban', 统计分析: 'Analysis', 系统: 'System', 工作台: 'Workbench', 总览: 'Overview', 目标任务: 'Commitments', 本单位: 'My department', 导入报告: 'Import report', 重点项目: 'Key projects', 经济指标: 'Indicators', 考核排名: 'Assessment', 定时任务: 'Scheduled jobs', 刷新: 'Refresh', 民生实事: 'Livelihood projects',
  未启动: 'Not started', 正常推进: 'On track', 滞后: 'Lagging', 严重滞后: 'Seriously lagging', 已完成: 'Completed', 超额完成: 'Exceeded', 逾期: 'Overdue',
  登录: 'Sign in', 退出登录: 'Sign out', 用户名: 'Username', 密码: 'Password', 请输入用户名: 'Enter your username', 请输入密码: 'Enter your password',
  行政区: 'Region', 年度: 'Year', 任务总数: 'Commitments', 平均完成率: 'Average completion', 按领域完成情况: 'Completion by sector', 状态分布: 'Status', 滞后任务: 'Lagging commitments', 逾期任务: 'Overdue commitments',
  完成率趋势: 'Completion trend', 主要指标: 'Key figures', 同比: 'YoY', 牵头单位: 'Lead department', 配合单位: 'Co-departments', 责任领导: 'Responsible leader', 完成率: 'Completion', 序时进度: 'Expected progress',
  领域: 'Sector', 状态: 'Status', 截止日期: 'Deadline', 目标: 'Target', 最新进展: 'Latest value', 搜索任务名称: 'Search titles', 仅民生实事: 'Livelihood only', 仅逾期: 'Overdue only', 列设置: 'Columns', 导出Excel: 'Export to Excel', 批量交办: 'Bulk assign',
  暂无数据: 'No data', 加载失败: 'Failed to load', 重试: 'Retry', 任务名称: 'Title', 操作: 'Actions', 查看: 'View', 比较方式: 'Comparator', 基数: 'Baseline', 开始日期: 'Start date', 节点: 'Milestones', 进展报告: 'Progress reports', 子任务: 'Subtasks', 操作记录: 'Audit history',
  采纳: 'Accept', 退回: 'Return', 退回意见: 'Reason for return', 提交: 'Submit', 保存: 'Save', 取消: 'Cancel', 期次: 'Period', 累计完成值: 'Cumulative value', 进展情况: 'Narrative', 证明材料: 'Evidence', 上传材料: 'Upload evidence',
  待填报: 'Due', 被退回: 'Returned', 填报进展: 'Report progress', 草稿已保存在本机: 'Draft kept on this device', 粘贴报告全文: 'Paste the report text', 上传文件: 'Upload file', 识别: 'Extract', 采用: 'Accept', 舍弃: 'Discard', 编辑: 'Edit', 保存为目标任务: 'Save as commitments',
  项目总数: 'Projects', 总投资: 'Total investment', 年度计划投资: 'Planned this year', 年度完成投资: 'Invested this year', 阶段: 'Stage', 项目名称: 'Project', 阶段历程: 'Stage history', 指标: 'Indicator', 排名: 'Rank', 得分: 'Score',
  荣誉表彰: 'Honours', 删除: 'Remove', 已保存: 'Saved', 录入荣誉: 'Record an honour', 荣誉名称: 'Honour', 级别: 'Level', 获评对象: 'Recipient', 所属领域: 'Sector', 授予单位: 'Awarded by', 开篇: 'Opening', 已删除: 'Removed', '删除这条荣誉？': 'Remove this honour?', 请填写荣誉名称: 'Enter the honour', 本年度尚未录入荣誉: 'No honours recorded for this year',
  '本年度获得的荣誉写入当年工作纪实：填了所属领域的写在该领域，未填的写在开篇。': 'The year’s honours go into its 工作纪实: in the section of their sector, or in the opening when no sector is given.',
  '单位或场所获评时填写，如“解州派出所”；空为本区': 'When a unit or place was honoured; empty: the district', '纪实中写在该领域；空为写在开篇': 'Named in this sector’s section; empty: in the opening',
  兑现核验: 'Promises kept', 已兑现: 'Kept', 部分兑现: 'Partly kept', 未兑现: 'Missed', 未提及: 'Not mentioned', 兑现情况: 'Verdict', 兑现情况表: 'Promise table', 部门报送: 'Reported', 文件表述: 'Stated', 一致性: 'Consistency', 一致: 'Consistent', 表述高于报送: 'Stated above reported', 表述低于报送: 'Stated below reported', 表述与报送不一致: 'Stated ≠ reported', 不一致: 'Inconsistent', 置信度: 'Confidence', 确认: 'Confirm', 更正: 'Correct', 已确认: 'Confirmed', 文字表述: 'In words', 说明: 'Note',
  公开: 'Published', 未公开: 'Not published', 审核: 'Review', 已采纳: 'Accepted', 待审核: 'Pending review', 已退回: 'Returned', 草稿: 'Draft', 全部: 'All', 语言: 'Language', 交办: 'Assign', 下载督查通报: 'Download bulletin', 下载工作纪实: 'Download record', 文件选项: 'File options', 成文日期: 'Date of issue', '成文日期（默认：报送截止次日）': 'Date of issue (default: day after reports were due)', 发文字号: 'Document number', '发文字号，如 盐督通〔2026〕10号': 'Document number, e.g. 盐督通〔2026〕10号', 附数据来源: 'Append sources', '网页（.html）': 'Web page (.html)',
  全市第一: 'First in the city', 配合任务: 'Helping on', 修改密码: 'Change password', 当前密码: 'Current password', 新密码: 'New password', 确认新密码: 'Confirm new password', 含草稿和已取消: 'Include drafts and cancelled', 平均: 'Avg.', 任务信息: 'Commitment', 起止时间: 'Window', 报送频次: 'Reporting', 办理阶段: 'Stage', 未按时报送: 'Missing reports', 报告原文: 'Source sentence', 报送单位: 'Department', 报送时间: 'Submitted', 修改重报: 'Edit and resubmit', 向社会公开: 'Publish', 撤回公开: 'Withdraw', 项目推进阶段: 'Projects by stage', 项目清单: 'Projects', 考核期: 'Period', 累计值: 'Cumulative', 同比增长: 'YoY growth', 单位: 'Unit', 期末: 'Period', 实际进度: 'Reported progress', 预期进度: 'Expected progress',
  对外推送: 'Integrations', 测试推送未送达: 'Test delivery failed', '事件推送（Webhook）': 'Event webhooks', 新增推送地址: 'Add a webhook',
  '向其他系统（OA、大数据平台、上级督查系统）推送本区的报送、审核、任务状态、督办单和领导批示。每次推送以签名密钥签名（x-duban-signature），未送达的按 1、2、4…分钟重试，共 10 次。': 'Sends this region’s reports, reviews, commitment status changes, supervision slips and leaders’ instructions to other systems (OA, the big-data platform, the supervising office above). Each delivery is signed with the signing secret (x-duban-signature); an undelivered one is retried after 1, 2, 4… minutes, 10 times in all.',
  尚未设置推送地址: 'No webhook yet', 接收地址: 'Receiver URL', 订阅事件: 'Events', 全部事件: 'All events', 启用: 'Enable', 已停用: 'Disabled', 停用: 'Disable', 测试: 'Test', 推送记录: 'Deliveries',
  '删除后不再推送，推送记录保留。确定删除？': 'Nothing more is sent once removed; its deliveries stay on record. Remove it?', 编辑推送地址: 'Edit webhook', 请填写接收地址: 'Enter the receiver URL',
  '请填写 http:// 或 https:// 开头的地址': 'Enter a URL starting with http:// or https://', '订阅事件（不选为全部）': 'Events (none chosen: all)', '如：市大数据平台': 'e.g. the city’s big-data platform', 已重发并送达: 'Resent and delivered',
  重发未送达: 'Resent, not delivered', 暂无推送记录: 'No deliveries yet', 时间: 'Time', 事件: 'Event', 尝试次数: 'Attempts', 最近结果: 'Last result', 送达于: 'Delivered at', 下次重试: 'Next retry', 重发: 'Resend', 已送达: 'Delivered',
  未送达: 'Not delivered', 测试消息: 'Test message', 保持不变: 'Keep as is', 更换地址: 'Change URL', 设置: 'Set', 不使用: 'Not used', '催办群机器人（钉钉 / 政务钉钉 / 企业微信）': 'Reminder group robots (DingTalk / Zhengwu DingTalk / WeCom)',
  '催办和临近提醒以 Markdown 卡片发到各单位的工作群。机器人地址含访问凭据，保存后只显示其主机名。发送结果见“督办”页的催办记录。': 'Reminders and due-soon notices go to each department’s work group as Markdown cards. A robot URL holds its access credential: once saved only its host is shown. Results are in the reminders sent on the Supervision page.',
  '钉钉 / 政务钉钉': 'DingTalk / Zhengwu DingTalk', 加签: 'Signed', 未加签: 'Not signed', 未设置: 'Not set', 企业微信: 'WeCom', 催办群机器人: 'Group robots', '钉钉 / 政务钉钉自定义机器人': 'DingTalk / Zhengwu DingTalk custom robot',
  'Webhook 地址（含 access_token）': 'Webhook URL (with access_token)', 请填写机器人地址: 'Enter the robot URL', '加签密钥（SEC 开头，建议设置）': 'Signing secret (starts with SEC; recommended)', 企业微信群机器人: 'WeCom group robot',
  'Webhook 地址（含 key）': 'Webhook URL (with key)', 系统管理: 'Administration', '只能管理本行政区；请在上方切换回本区。': 'You can only administer your own region; switch back to it above.', 期次锁定: 'Period locks', 单位管理: 'Departments',
  账号管理: 'Accounts', 接口令牌: 'API tokens', 督办参数: 'Supervision settings', 我已记下: 'I have noted it', 已复制: 'Copied', '复制失败，请手动选择复制': 'Copy failed; select and copy it by hand', 复制: 'Copy', 已锁定: 'Locked', 已解锁: 'Unlocked',
  '锁定后，该期的进展报告不能再提交、修改或审核；解锁须写明理由，记入留痕。': 'Once a period is locked its progress reports can no longer be submitted, edited or reviewed; unlocking needs a reason, which goes into the audit trail.', 开放报送: 'Open',
  锁定时间: 'Locked at', 解锁: 'Unlock', 锁定: 'Lock', 锁定与解锁记录: 'Lock and unlock history', 暂无记录: 'No records', 理由: 'Reason', '锁定说明（可选）': 'Note (optional)', 解锁理由: 'Reason for unlocking', 请写明解锁理由: 'Give the reason for unlocking',
  新增单位: 'Add a department', 单位名称: 'Department name', 简称: 'Short name', 催办邮箱: 'Reminder e-mail', 编辑单位: 'Edit department', 请填写单位名称: 'Enter the department name', 电子邮件地址格式不对: 'Not a valid e-mail address',
  重置密码: 'Reset password', '将生成新的一次性密码，该账号须在下次登录时修改；其已登录的会话和接口令牌失效。': 'A new one-time password is made, to be changed at the next sign-in; the account’s sessions and API tokens stop working.', 重置: 'Reset',
  已启用: 'Enabled', 新建账号: 'New account', 登录名: 'Username', 姓名: 'Name', 角色: 'Role', 待改初始密码: 'Must change initial password', 本人: 'You', 创建: 'Create', 请填写登录名: 'Enter a username',
  '登录名为2至64位字母、数字或 . _ @ -': 'A username is 2 to 64 letters, digits or . _ @ -', 请填写姓名: 'Enter the name', 填报单位: 'Department', 请选择填报单位: 'Choose the department', 一次性密码: 'One-time password',
  '密码只显示这一次，请当面或通过安全渠道告知本人；首次登录须修改。': 'The password is shown this once: tell the person in person or over a secure channel; it must be changed at the first sign-in.', 签名密钥: 'Signing secret',
  '密钥只显示这一次：请交给接收系统，用于校验 x-duban-signature；遗失后请删除该地址重新添加。': 'The secret is shown this once: give it to the receiving system to check x-duban-signature; if lost, remove the webhook and add it again.',
  请填写令牌名称: 'Enter a token name', '接口令牌以您的身份调用接口（如政务平台同步），权限与您的账号相同。': 'An API token calls the API as you (e.g. a government platform’s sync), with your account’s permissions.', 令牌名称: 'Token name',
  '令牌名称，如：政务平台同步': 'Token name, e.g. government platform sync', 新建令牌: 'New token', 尚无接口令牌: 'No API tokens yet', 名称: 'Name', 创建时间: 'Created', 最近使用: 'Last used', 已吊销: 'Revoked', 有效: 'Active', 吊销: 'Revoke',
  新令牌: 'New token', '令牌只显示这一次，请立即保存到调用系统；遗失后只能吊销重建。': 'The token is shown this once: store it in the calling system now; if lost, revoke it and make a new one.',
  '以下为系统当前执行的督办参数（只读）；调整须由系统管理员修改配置（src/domain/config.ts）。': 'The supervision settings in force (read-only); the system administrator changes them in the configuration (src/domain/config.ts).',
  '滞后（黄）': 'Lagging (yellow)', '严重滞后（红）': 'Seriously lagging (red)', 报送时限: 'Report due', '临近提醒（蓝）': 'Due-soon notice (blue)', 逾期升红色督办: 'Overdue becomes red', 计入完成率的报告: 'Reports counted in completion',
  '“不超过”类目标完成率上限': 'Completion cap of “at most” targets', 考核权重: 'Assessment weights', 时区: 'Time zone', 督办单: 'Supervision slips', 催办记录: 'Reminders sent', 待催办: 'Reminders due',
  '督办单按区县开具，请在上方选择一个区县查看。': 'Slips are issued per county: choose a county above.', 办理状态: 'State', 在办: 'Open', 已销号: 'Closed', 督办级别: 'Level', 更新督办单: 'Update slips', 没有在办的督办单: 'No open slips', 编号: 'Number', 督办事项: 'Matter',
  责任单位: 'Department', 督办事由: 'Cause', 开单日期: 'Opened', 销号: 'Close', 督查室销号: 'Closed by the office', '事由消除，自动销号': 'Cause gone, closed automatically', 通知单: 'Notice', 打印: 'Print', 尚未发送催办: 'No reminders sent yet',
  发送时间: 'Sent at', 类型: 'Kind', 渠道: 'Channel', 收件方: 'Recipient', 本单位账号: 'Department accounts', 事项: 'Items', 结果: 'Result', 发送失败: 'Failed', 没有需要催办的单位: 'No department needs a reminder', 发送催办: 'Send reminders', 截至: 'As of',
  电子邮件: 'E-mail', 发送: 'Send', 返回督办: 'Back to supervision', 下载Word: 'Download Word', 督办通知单: 'Supervision notice', 区县比较: 'Counties compared', 区县: 'County', 任务数: 'Commitments', 逾期未报送: 'Report overdue',
  逾期未完成: 'Past deadline', 民生实事完成: 'Livelihood projects done', 全部逾期: 'All overdue', '应报未报：报送时限已过，进展报告仍未报送': 'Report overdue: the report is past its due date and not yet filed',
  '已过完成时限，任务仍未完成': 'Past the deadline and not done', 未报送期次: 'Periods not reported', 已保存核验结果: 'Verdict saved',
  '将本年度目标任务与次年政府工作报告（或年度纪实）中的表述逐项比对，并与部门报送的数据相互印证。自动比对结果请督查室逐项确认。': 'Each of the year’s commitments is compared with what the next year’s work report (or the year’s record) says, and checked against the departments’ reported figures. The office confirms each automatic verdict.',
  '兑现情况（按领域）': 'Promises kept by sector', 督查室已确认: 'Confirmed by the office', 确认兑现情况: 'Confirm the verdict', 请选择兑现情况: 'Choose a verdict', 文件表述的数值: 'Value stated in the document',
  '请填写数值，如 6200 或 3.9': 'Enter a number, e.g. 6200 or 3.9', 文件未给出数值时留空: 'Leave empty when the document gives none',
  '部门未报送年终数据：以此数值作为年终结果': 'The department reported no year-end figure: use this value as the year-end result',
};

interface LangState { lang: Lang; setLang(l: Lang): void }
const LangContext = createContext<LangState>({ lang: 'zh', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('duban.lang') === 'en' ? 'en' : 'zh'));
  const value = useMemo(() => ({
    lang,
    setLang(l: Lang) {
      localStorage.setItem('duban.lang', l);
      document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
      setLangState(l);
    },
  }), [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);

/** `t('总览')` → 总览 or Overview. */
export function useT(): (zh: string) => string {
  const { lang } = useLang();
  return lang === 'en' ? (zh) => EN[zh] ?? zh : (zh) => zh;
}
