/**
 * Labels from the domain (状态, 项目阶段). Re-exported here so pages import one module; the
 * domain's types module is plain data plus zod schemas, which the bundler keeps in one chunk.
 */
export { STATUS_LABELS, PROJECT_STAGE_LABELS, PROJECT_STAGES, STATUSES, ESCALATION_LEVEL_LABELS } from '../../src/domain/types.ts';

export const ROLE_LABELS: Record<string, string> = { admin: '督查室', reporter: '填报员', leader: '领导', public: '公众' };
export const REPORT_STATE_LABELS: Record<string, string> = { draft: '草稿', submitted: '待审核', accepted: '已采纳', returned: '已退回' };
export const LIFECYCLE_LABELS: Record<string, string> = { draft: '立项（草稿）', assigned: '已交办', acknowledged: '已签收', inProgress: '推进中', closeRequested: '办结申请', closed: '已办结', cancelled: '已取消' };
export const COMPARATOR_LABELS: Record<string, string> = { gte: '不少于（以上）', lte: '不超过（以内）', eq: '等于', range: '区间', approx: '左右（约数）' };
export const FREQUENCY_LABELS: Record<string, string> = { weekly: '每周', monthly: '每月', quarterly: '每季度' };
/** 督办 levels by colour: 临近提醒 blue, 催办 orange, 黄色/红色督办单 gold/red. */
export const SLIP_COLORS: Record<string, string> = { dueSoon: 'blue', urge: 'orange', yellow: 'gold', red: 'red' };
