import { writeFileSync } from 'node:fs';
import { exportBackup } from '../../store/backup.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const command: Command = {
  name: 'export',
  summary: 'write a full JSON backup',
  usage: 'duban export --out FILE\n\nWrites every table as JSON (rows in key order). `duban restore FILE` reads it back into an empty database.',
  async run(argv) {
    const { options } = parseArgs(argv, { string: ['out'] });
    if (typeof options.out !== 'string') throw new UsageError('--out FILE is required / 请用 --out 指定输出文件');
    const db = await openDb();
    try {
      const backup = await exportBackup(db);
      writeFileSync(options.out, JSON.stringify(backup, null, 1) + '\n');
      const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
      console.log(`exported ${rows} rows from ${Object.keys(backup.tables).length} tables to ${options.out}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
export default command;
