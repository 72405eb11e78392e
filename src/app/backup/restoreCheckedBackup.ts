import { checkBackupHeader, restoreBackup } from '../../store/backup.ts';
import type { Db } from '../../store/db.ts';
import { AppError } from '../errors.ts';
import { backupRowProblems } from './backupRows.ts';

/**
 * `duban restore`: checks the backup's format and schema version, then every row against the
 * rules the API applies (backupRows.ts), and only then restores it into the empty database
 * (store/backup.ts: empty target, hash chain, database constraints, one transaction). With any
 * invalid row nothing is written; the answer names table, row, column and reason.
 */
export async function restoreCheckedBackup(db: Db, backup: unknown): Promise<{ rows: number }> {
  const b = checkBackupHeader(backup);
  const problems = backupRowProblems(b.tables);
  if (problems.length) {
    const first = problems.slice(0, 5);
    const more = problems.length > first.length ? problems.length - first.length : 0;
    throw new AppError(
      'backup_invalid',
      `备份中有 ${problems.length} 处数据不符合规则，未恢复任何数据：${first.map((p) => `表 ${p.table} 第 ${p.row} 行（${p.key}）字段 ${p.column}：${p.problem}`).join('；')}${more ? `；另有 ${more} 处` : ''}`,
      `the backup has ${problems.length} invalid value(s); nothing was restored: ${first.map((p) => `table ${p.table} row ${p.row} (${p.key}) column ${p.column}: ${p.problem}`).join('; ')}${more ? `; and ${more} more` : ''}`,
      400,
      { problems: problems.slice(0, 100) },
    );
  }
  return restoreBackup(db, b);
}
