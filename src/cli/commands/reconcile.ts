import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createContext } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { checkPromises } from '../../app/reconcile/checkPromises.ts';
import { promiseCheckFile } from '../../app/reconcile/promiseCheckFile.ts';
import { SYSTEM_ACTOR } from '../../app/workflow/access.ts';
import { PROMISE_STATUS_ZH } from '../../domain/prose/promiseCheck.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const USAGE = `duban reconcile --region CODE --year YYYY [--json] [--out FILE.docx|FILE.xlsx]

兑现核验: checks the region's commitments of YYYY against what the documents imported since say
was done (the next year's 政府工作报告, the year's 纪实): kept 已兑现, partial 部分兑现, missed 未兑现,
unmentioned 未提及, beside the departments' last accepted report. --json prints one JSON object per
commitment (title, target, status, statedValue, reportedValue, source …); --out writes the 兑现情况表.`;

const command: Command = {
  name: 'reconcile',
  summary: 'check a year’s commitments against what the next report says was done',
  usage: USAGE,
  async run(argv) {
    const { options } = parseArgs(argv, { string: ['region', 'year', 'out'], boolean: ['json'] });
    if (typeof options.region !== 'string') throw new UsageError('--region CODE is required / 请用 --region 指定行政区划代码');
    if (typeof options.year !== 'string' || !/^\d{4}$/.test(options.year)) throw new UsageError('--year YYYY is required / 请用 --year 指定年份');
    const out = typeof options.out === 'string' ? options.out : null;
    const format = out ? extname(out).slice(1) : null;
    if (out && format !== 'docx' && format !== 'xlsx') throw new UsageError('--out must end in .docx or .xlsx / 输出文件应为 .docx 或 .xlsx');
    const db = await openDb();
    try {
      const ctx = createContext(db);
      const args = { actor: SYSTEM_ACTOR, regionCode: options.region, year: Number(options.year) };
      if (out) {
        const file = await promiseCheckFile(ctx, { ...args, format: format as 'docx' | 'xlsx' });
        writeFileSync(out, file.bytes);
        console.log(`wrote ${out} (${file.bytes.length} bytes)`);
        return 0;
      }
      const report = await checkPromises(ctx, args);
      if (options.json) {
        for (const r of report.items) console.log(JSON.stringify(r));
        return 0;
      }
      const c = report.counts;
      console.log(`${args.year}: ${report.items.length} commitments — 已兑现 ${c.kept}, 部分兑现 ${c.partial}, 未兑现 ${c.missed}, 未提及 ${c.unmentioned}; 表述与报送不一致 ${c.flagged}`);
      for (const r of report.items) {
        const stated = r.statedText ?? (r.source ? '（文字表述）' : '—');
        const flag = r.consistency === 'statedAbove' ? '  ⚠ 表述高于报送' : r.consistency === 'statedBelow' ? '  ⚠ 表述低于报送' : '';
        console.log(`${PROMISE_STATUS_ZH[r.status]}\t${r.title}\t目标 ${r.target}\t报送 ${r.reportedValue ?? '—'}\t表述 ${stated}${flag}`);
      }
      return 0;
    } catch (e) {
      if (e instanceof AppError) {
        console.error(`duban reconcile: ${e.zh} / ${e.en}`);
        return 1;
      }
      throw e;
    } finally {
      await db.close();
    }
  },
};
export default command;
