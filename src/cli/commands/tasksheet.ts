import { readFileSync, writeFileSync } from 'node:fs';
import { createContext } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { exportTaskSheet } from '../../app/taskSheets/exportTaskSheet.ts';
import { importTaskSheet } from '../../app/taskSheets/importTaskSheet.ts';
import { SYSTEM_ACTOR } from '../../app/workflow/access.ts';
import type { TaskSheetError } from '../../domain/taskSheet.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const USAGE = `duban tasksheet export --region CODE --department NAME|ID --period YYYY-MM --out FILE.xlsx
duban tasksheet import FILE.xlsx

任务填报表: export a department's open commitments for a month as an Excel sheet; import the filled
sheet back as that department's progress reports (submitted). Every row is checked first; with any
error nothing is imported and the errors are listed by row and column. Importing twice changes nothing.`;

const command: Command = {
  name: 'tasksheet',
  summary: 'export / import a department\'s Excel task sheet (任务填报表)',
  usage: USAGE,
  async run(argv) {
    const { options, positionals } = parseArgs(argv, { string: ['region', 'department', 'period', 'out'] });
    const [action, file] = positionals;
    if (action !== 'export' && action !== 'import') throw new UsageError(`say export or import / 请指定 export 或 import\n\n${USAGE}`);
    if (action === 'export') {
      for (const k of ['region', 'department', 'period', 'out']) if (typeof options[k] !== 'string') throw new UsageError(`--${k} is required / 缺少 --${k}\n\n${USAGE}`);
    } else if (!file) throw new UsageError(`give the filled .xlsx file / 请给出已填写的 .xlsx 文件\n\n${USAGE}`);
    const db = await openDb();
    try {
      const ctx = createContext(db);
      if (action === 'export') {
        const r = await exportTaskSheet(ctx, { actor: SYSTEM_ACTOR, regionCode: options.region as string, department: options.department as string, period: options.period as string });
        writeFileSync(options.out as string, r.file);
        console.log(`wrote ${options.out}: ${r.model.department.name}, ${r.model.rows.length} tasks, period ${r.model.period}`);
      } else {
        const r = await importTaskSheet(ctx, { actor: SYSTEM_ACTOR, file: readFileSync(file!) });
        console.log(`imported ${file}: period ${r.period}, ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged progress reports`);
      }
      return 0;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const errors = (e.details as { errors?: TaskSheetError[] } | undefined)?.errors;
      if (errors) {
        console.error(`duban tasksheet: ${errors.length} error(s), nothing imported / 共${errors.length}处错误，未导入任何数据`);
        for (const x of errors) console.error(`  row ${x.row}, ${x.column}: ${x.zh} / ${x.en}`);
      } else console.error(`duban tasksheet: ${e.zh} / ${e.en}`);
      return 1;
    } finally {
      await db.close();
    }
  },
};
export default command;
