import { readFileSync } from 'node:fs';
import { restoreCheckedBackup } from '../../app/backup/restoreCheckedBackup.ts';
import { AppError } from '../../app/errors.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const command: Command = {
  name: 'restore',
  summary: 'restore a JSON backup into an empty database',
  usage: 'duban restore FILE\n\nRefuses a non-empty database, a backup of another schema version, a row that breaks the rules the API applies\n(naming table, row and column) and an audit trail whose hash chain does not verify; changes nothing then.',
  async run(argv) {
    const { positionals } = parseArgs(argv, {});
    if (positionals.length !== 1) throw new UsageError('give one backup file / 请指定一个备份文件');
    let backup: unknown;
    try {
      backup = JSON.parse(readFileSync(positionals[0], 'utf8'));
    } catch (e) {
      throw new UsageError(`${positionals[0]}: not readable JSON / 无法读取为 JSON: ${(e as Error).message}`);
    }
    const db = await openDb();
    try {
      const { rows } = await restoreCheckedBackup(db, backup);
      console.log(`restored ${rows} rows from ${positionals[0]}`);
      return 0;
    } catch (e) {
      if (e instanceof AppError) throw new UsageError(`${positionals[0]}: ${e.message}`);
      throw e;
    } finally {
      await db.close();
    }
  },
};
export default command;
