/**
 * Chinese by default, English on request. Texts are written in Chinese in the pages and looked
 * up here; a text without an English entry stays Chinese (names, sectors, departments do).
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

const EN: Record<string, string> = {
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
