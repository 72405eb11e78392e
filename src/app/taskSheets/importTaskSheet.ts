import { randomUUID } from 'node:crypto';
import { compare } from '../../domain/quantity.ts';
import { validateTaskSheet, type TaskSheetError } from '../../domain/taskSheet.ts';
import { Period } from '../../domain/types.ts';
import { readTaskSheet } from '../../render/taskSheetXlsx.ts';
import { appendAudit } from '../../store/audit.ts';
import { getCommitment, listCommitments } from '../../store/commitments.ts';
import { getDepartment } from '../../store/regions.ts';
import { insertReport, updateReport } from '../../store/reports.ts';
import { camel } from '../../store/rows.ts';
import type { ProgressReport } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertPeriodOpen } from '../periods/periodLock.ts';
import type { WorkflowActor } from '../workflow/access.ts';
import { authorizeTaskSheet } from './access.ts';

export interface TaskSheetImportResult {
  period: string;
  departmentId: string;
  created: number;
  updated: number;
  unchanged: number;
}

const invalid = (errors: TaskSheetError[]) =>
  new AppError(
    'task_sheet_invalid',
    `填报表有${errors.length}处错误，未导入任何数据：${errors.map((e) => `第${e.row}行${e.column}：${e.zh}`).join('；')}`,
    `the task sheet has ${errors.length} error(s); nothing was imported: ${errors.map((e) => `row ${e.row} ${e.column}: ${e.en}`).join('; ')}`,
    400,
    { errors },
  );

/**
 * Imports a filled 任务填报表 as progress reports (state submitted) of its department for its period.
 * Every row is checked first (domain/taskSheet.ts); with any error nothing is written and the
 * errors come back as row, column and reason. All rows are written in one transaction. A report of
 * the same commitment, department and period is updated in place, so importing the same sheet twice
 * creates nothing new; an accepted report is only left alone when its content is the same.
 */
export async function importTaskSheet(ctx: AppContext, o: { actor: WorkflowActor; file: Buffer | Uint8Array }): Promise<TaskSheetImportResult> {
  const sheet = await readTaskSheet(o.file);
  if (!sheet) throw new AppError('task_sheet_unreadable', '文件不是 duban 导出的任务填报表（.xlsx）', 'the file is not a task sheet exported by duban (.xlsx)', 400);
  if (!Period.safeParse(sheet.period).success || !/^\d{4}-\d{2}$/.test(sheet.period)) {
    throw invalid([{ row: 2, column: 'B 填报期次', zh: `期次“${sheet.period}”无效，应为“年-月”如 2024-06`, en: `period "${sheet.period}" is invalid; expected YYYY-MM` }]);
  }
  const dept = /^[0-9a-f-]{36}$/i.test(sheet.departmentId) ? await getDepartment(ctx.db, sheet.departmentId) : undefined;
  if (!dept || dept.regionCode !== sheet.regionCode) {
    throw invalid([{ row: 2, column: 'I 单位编号', zh: '填报单位不存在，请重新导出填报表', en: 'the department of the sheet does not exist; export the sheet again' }]);
  }
  authorizeTaskSheet(o.actor, dept, true);
  const actor = o.actor;
  return ctx.db.transaction(async (tx) => {
    try {
      await assertPeriodOpen(tx, dept.regionCode, sheet.period);
    } catch (e) {
      if (e instanceof AppError) throw invalid([{ row: 2, column: 'B 填报期次', zh: e.zh, en: e.en }]);
      throw e;
    }
    const ids = sheet.rows.map((r) => r.commitmentId).filter((x): x is string => !!x && /^[0-9a-f-]{36}$/i.test(x));
    const found = ids.length ? (await listCommitments(tx, { regionCodes: [dept.regionCode] })).filter((c) => ids.includes(c.id)) : [];
    const { entries, errors } = validateTaskSheet({ regionCode: dept.regionCode, departmentId: dept.id, rows: sheet.rows, commitments: new Map(found.map((c) => [c.id, c])) });
    const existing = new Map<string, ProgressReport>();
    for (const e of entries) {
      const [row] = await tx.query('select * from progress_report where commitment_id = $1 and department_id = $2 and period = $3 for update', [e.commitmentId, dept.id, sheet.period]);
      if (!row) continue;
      const r = { ...camel<ProgressReport>(row), evidence: [] };
      existing.set(e.commitmentId, r);
      if (r.state === 'accepted' && !sameContent(r, e)) {
        errors.push({ row: e.row, column: 'G 本期累计完成值', zh: '该期进展已审核通过，不能再修改，如需更正请联系督查室', en: 'this period\'s report is already accepted and cannot change; ask the office to correct it' });
      }
    }
    if (errors.length) throw invalid(errors.sort((a, b) => a.row - b.row));
    const result: TaskSheetImportResult = { period: sheet.period, departmentId: dept.id, created: 0, updated: 0, unchanged: 0 };
    const now = new Date().toISOString();
    for (const e of entries) {
      const before = existing.get(e.commitmentId);
      const c = (await getCommitment(tx, e.commitmentId))!;
      if (before && sameContent(before, e) && before.state !== 'draft' && before.state !== 'returned') {
        result.unchanged++;
        continue;
      }
      const after = before
        ? await updateReport(tx, before.id, before.version, { cumulativeValue: e.cumulativeValue, narrative: e.narrative, state: 'submitted', submittedBy: actor.id, submittedAt: now })
        : await insertReport(tx, {
            id: randomUUID(), regionCode: c.regionCode, commitmentId: c.id, departmentId: dept.id, period: sheet.period, cumulativeValue: e.cumulativeValue,
            milestonesDone: [], narrative: e.narrative, state: 'submitted', submittedBy: actor.id, submittedAt: now,
            reviewerId: null, reviewComment: null, reviewedAt: null,
          });
      await appendAudit(tx, { regionCode: c.regionCode, actor, action: 'report.import', entity: 'progress_report', entityId: after.id, before, after });
      if (before) result.updated++;
      else result.created++;
    }
    return result;
  });
}

function sameContent(r: Pick<ProgressReport, 'cumulativeValue' | 'narrative'>, e: { cumulativeValue: string | null; narrative: string }): boolean {
  const sameValue = r.cumulativeValue === null || e.cumulativeValue === null ? r.cumulativeValue === e.cumulativeValue : compare(r.cumulativeValue, e.cumulativeValue) === 0;
  return sameValue && r.narrative.trim() === e.narrative.trim();
}
