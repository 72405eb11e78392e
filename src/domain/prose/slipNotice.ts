/**
 * 督办通知单: the notice an office sends a department with a 督办单 (slip), laid out as a 公文 —
 * title, 编号, 主送 the lead department, 督办事项, 督办事由, 牵头单位 and 配合单位, 办理时限 and the
 * date to answer by, 督办要求, 落款 and date. Pure: the use case gathers the facts, the renderers
 * (render/docx.ts, render/html.ts) lay it out like the office's other documents.
 */
import { addDays } from '../dates.ts';
import { dateLabel } from '../schedule.ts';
import type { EscalationLevel } from '../types.ts';
import type { ProseDocument } from './document.ts';

export interface SlipNoticeData {
  region: { name: string };
  slip: { level: EscalationLevel; reason: string; openedOn: string; closedOn: string | null; serial: number };
  /** the evaluation the slip was opened on: its rates as of `measuredAt` (the last reviewed report's period end) */
  commitment: { title: string; deadline: string; completionRate: number | null; expectedProgress: number; measuredAt?: string };
  leadDepartment: string | null;
  coDepartments: string[];
  planYear: number;
}

/** Days the department has to answer a notice, by level: red is the most urgent. */
export const REPLY_DAYS: Record<EscalationLevel, number> = { dueSoon: 3, urge: 2, yellow: 5, red: 3 };

const TITLES: Record<EscalationLevel, string> = { dueSoon: '督办提醒通知单', urge: '催办通知单', yellow: '督办通知单', red: '督办通知单' };
const LEVEL_WORDS: Record<EscalationLevel, string> = { dueSoon: '蓝色提醒', urge: '催办', yellow: '黄色督办', red: '红色督办' };

const REQUIREMENTS: Record<EscalationLevel, string[]> = {
  dueSoon: ['请按时报送本期进展，如实填写完成数值并附佐证材料。'],
  urge: ['请接通知后立即补报逾期进展，说明逾期原因。', '逾期未报送的，将纳入月度督查通报。'],
  yellow: [
    '请单位主要负责同志亲自研究，查找进度滞后原因，制定赶超措施，明确责任人和完成时限。',
    '请于反馈时限前将整改落实情况书面报送督查室，此后按月报送进展，直至进度恢复正常。',
  ],
  red: [
    '请单位主要负责同志亲自研究、亲自部署，逐项查摆问题，倒排工期、挂图作战，确保按期完成。',
    '请于反馈时限前将整改落实情况及主要负责同志签字的书面说明报送督查室。',
    '红色督办事项纳入年度目标考核，整改不力的将按有关规定予以通报。',
  ],
};

/** The slip's 编号: 督办〔2026〕第7号 — numbered in order of opening within the region and year. */
export const slipNumber = (openedOn: string, serial: number): string => `督办〔${openedOn.slice(0, 4)}〕第${serial}号`;

// 35%, 63.3%: one decimal at most, as the bulletin writes rates
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 10) / 10}%`);

export function buildSlipNotice(d: SlipNoticeData): ProseDocument {
  const { slip, commitment: c } = d;
  const replyBy = addDays(slip.openedOn, REPLY_DAYS[slip.level]);
  const p = (text: string) => ({ kind: 'paragraph' as const, parts: [text] });
  const h = (text: string) => ({ kind: 'heading' as const, level: 1 as const, text });
  const lead = d.leadDepartment ?? '（未指定牵头单位）';
  return {
    kind: 'slipNotice',
    title: TITLES[slip.level],
    subtitle: `${slipNumber(slip.openedOn, slip.serial)}（${LEVEL_WORDS[slip.level]}）`,
    issuer: `${d.region.name}人民政府督查室`,
    dateText: dateLabel(slip.openedOn),
    // 主送机关 flush left under the title
    recipients: `${lead}：`,
    blocks: [
      p(`根据${d.planYear}年政府工作报告目标任务督查安排，你单位牵头的下列事项需${LEVEL_WORDS[slip.level]}，请认真落实。`),
      h('一、督办事项'),
      // as of the same day as the 督办事由's figures
      p(`${c.title}（截至${dateLabel(c.measuredAt ?? slip.openedOn)}完成率${pct(c.completionRate)}，序时进度${pct(c.expectedProgress)}）。`),
      h('二、督办事由'),
      p(`${slip.reason}。`.replace(/。。$/, '。')),
      h('三、牵头单位'),
      p(`牵头单位：${lead}${d.coDepartments.length ? `；配合单位：${d.coDepartments.join('、')}` : ''}。`),
      h('四、时限'),
      // a deadline already past is not written as if it were still to come
      p(
        c.deadline < slip.openedOn
          ? `办理时限：原定${dateLabel(c.deadline)}前完成，已逾期，请立即整改、尽快完成；反馈时限：${dateLabel(replyBy)}前报送整改落实情况。`
          : `办理时限：${dateLabel(c.deadline)}前完成；反馈时限：${dateLabel(replyBy)}前报送整改落实情况。`,
      ),
      h('五、督办要求'),
      ...REQUIREMENTS[slip.level].map((t, i) => p(`${['（一）', '（二）', '（三）'][i]}${t}`)),
      ...(slip.closedOn ? [p(`（本督办单已于${dateLabel(slip.closedOn)}销号。）`)] : []),
    ],
  };
}
