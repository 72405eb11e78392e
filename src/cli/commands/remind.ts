import { createContext } from '../../app/context.ts';
import { runEscalation } from '../../app/escalation/runEscalation.ts';
import { channelsFromEnv } from '../../app/reminders/channels.ts';
import { dueReminders } from '../../app/reminders/dueReminders.ts';
import { sendReminders } from '../../app/reminders/sendReminders.ts';
import { SYSTEM_ACTOR } from '../../app/workflow/access.ts';
import { ESCALATION_LEVEL_LABELS, IsoDate, RegionCode } from '../../domain/types.ts';
import { dateLabel, periodLabel } from '../../domain/schedule.ts';
import { openDb } from '../../store/db.ts';
import { listRegions } from '../../store/regions.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const command: Command = {
  name: 'remind',
  summary: 'update supervision slips and send reminders for reports due soon and overdue',
  usage: [
    'duban remind [--dry-run] [--region CODE] [--as-of YYYY-MM-DD]',
    '',
    '催办: for each region (or CODE), opens and closes 督办单 (blue/urge/yellow/red) and sends each department',
    'one reminder per kind — 临近提醒 (due within the configured days) and 催办 (overdue) — as an in-app notice and,',
    'when configured, a signed webhook (DUBAN_WEBHOOK_URL, DUBAN_WEBHOOK_SECRET) and e-mail (DUBAN_SMTP_URL,',
    'DUBAN_MAIL_FROM; to the department\'s e-mail address). Every delivery is recorded; a reminder already',
    'delivered on the same day is not sent again.',
    '',
    '  --dry-run   list what would be sent; change and send nothing',
    '  --region    one region (6-digit code); default every region with commitments',
    '  --as-of     the date to evaluate at (default today)',
  ].join('\n'),
  async run(argv) {
    const { options } = parseArgs(argv, { boolean: ['dry-run'], string: ['region', 'as-of'] });
    const region = options.region as string | undefined;
    const asOf = options['as-of'] as string | undefined;
    if (region !== undefined && !RegionCode.safeParse(region).success) throw new UsageError(`--region must be a six-digit code / 行政区划代码应为六位数字: ${region}`);
    if (asOf !== undefined && !IsoDate.safeParse(asOf).success) throw new UsageError(`--as-of must be YYYY-MM-DD / 日期格式应为 YYYY-MM-DD: ${asOf}`);
    const db = await openDb();
    try {
      const ctx = createContext(db);
      const day = asOf ?? ctx.today();
      const withCommitments = new Set((await db.query<{ region_code: string }>('select distinct region_code from commitment')).map((r) => r.region_code));
      const regions = (await listRegions(db)).filter((r) => (region ? r.code === region : withCommitments.has(r.code)));
      if (region && !regions.length) throw new UsageError(`no region ${region} / 行政区 ${region} 不存在`);
      const channels = options['dry-run'] ? {} : await channelsFromEnv();
      console.log(`${options['dry-run'] ? '[dry run] ' : ''}催办 as of ${dateLabel(day)}; channels: inApp${channels.webhook ? ', webhook' : ''}${channels.email ? ', email' : ''}`);
      let total = 0;
      for (const r of regions) {
        const due = options['dry-run'] ? await dueReminders(db, ctx, r.code, day) : null;
        let reminders;
        let slipLine = '';
        if (due) reminders = due.map((d) => ({ ...d, deliveries: [] as { channel: string; status: string }[] }));
        else {
          const slips = await runEscalation(ctx, { actor: SYSTEM_ACTOR, regionCode: r.code, asOf: day });
          slipLine = ` (督办单 opened ${slips.opened.length}, closed ${slips.closed.length})`;
          reminders = (await sendReminders(ctx, { actor: SYSTEM_ACTOR, regionCode: r.code, asOf: day, channels })).reminders;
        }
        if (!reminders.length) {
          console.log(`${r.name} ${r.code}${slipLine}: nothing due / 无待催办事项`);
          continue;
        }
        console.log(`${r.name} ${r.code}${slipLine}:`);
        for (const m of reminders) {
          total++;
          const status = m.deliveries.map((d) => `${d.channel} ${d.status}`).join(', ');
          console.log(`  【${ESCALATION_LEVEL_LABELS[m.kind]}】${m.departmentName}  ${m.items.length}项${status ? `  (${status})` : ''}`);
          for (const i of m.items) console.log(`    - ${i.title}  ${periodLabel(i.period)}  时限${dateLabel(i.dueDate)}`);
        }
      }
      console.log(`${total} reminder(s) ${options['dry-run'] ? 'would be sent' : 'processed'}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
export default command;
