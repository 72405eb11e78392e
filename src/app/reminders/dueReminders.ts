import { ESCALATION_LEVEL_LABELS } from '../../domain/types.ts';
import { dateLabel, periodLabel } from '../../domain/schedule.ts';
import type { Queryable } from '../../store/db.ts';
import type { AppContext } from '../context.ts';
import { wantedSlips } from '../escalation/runEscalation.ts';

/** One department's reminder of one kind: the reports due soon (临近提醒) or overdue (催办). */
export interface DueReminder {
  departmentId: string;
  departmentName: string;
  email: string | null;
  kind: 'dueSoon' | 'urge';
  items: { commitmentId: string; title: string; period: string; dueDate: string }[];
}

/** The reminders a region owes at `asOf`, per department and kind, departments in name order. */
export async function dueReminders(q: Queryable, ctx: AppContext, regionCode: string, asOf: string): Promise<DueReminder[]> {
  const specs = (await wantedSlips(q, ctx, regionCode, asOf)).filter((s) => (s.level === 'dueSoon' || s.level === 'urge') && s.departmentId && s.period);
  if (!specs.length) return [];
  const depts = await q.query<{ id: string; name: string; email: string | null }>('select id, name, email from department where region_code = $1', [regionCode]);
  const titles = new Map(
    (await q.query<{ id: string; title: string }>('select id, title from commitment where id = any($1)', [[...new Set(specs.map((s) => s.commitmentId))]])).map((r) => [r.id, r.title]),
  );
  const groups = new Map<string, DueReminder>();
  for (const s of specs) {
    const key = `${s.departmentId}|${s.level}`;
    const d = depts.find((x) => x.id === s.departmentId);
    const g = groups.get(key) ?? { departmentId: s.departmentId!, departmentName: d?.name ?? '', email: d?.email ?? null, kind: s.level as DueReminder['kind'], items: [] };
    groups.set(key, g);
    g.items.push({ commitmentId: s.commitmentId, title: titles.get(s.commitmentId) ?? '', period: s.period!, dueDate: s.date });
  }
  return [...groups.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN') || a.kind.localeCompare(b.kind));
}

/** The reminder as a message: subject and body in Chinese. */
export function reminderText(r: DueReminder): { subject: string; text: string } {
  const label = ESCALATION_LEVEL_LABELS[r.kind];
  const lines = r.items.map((i) => `- ${i.title}：${periodLabel(i.period)}进展，报送时限${dateLabel(i.dueDate)}`);
  const ask = r.kind === 'urge' ? '以上进展已超过报送时限，请尽快报送。' : '请按时报送以上进展。';
  return { subject: `【${label}】${r.departmentName}：${r.items.length}项进展${r.kind === 'urge' ? '逾期未报' : '即将到期'}`, text: `${r.departmentName}：\n${lines.join('\n')}\n${ask}` };
}
