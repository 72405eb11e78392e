import { randomUUID } from 'node:crypto';
import { compare } from '../../domain/quantity.ts';
import { validateTaskSheet, type TaskSheetError } from '../../domain/taskSheet.ts';
import { Period } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { getCommitment, listCommitments } from '../../store/commitments.ts';
import { getDepartment } from '../../store/regions.ts';
import { insertReport, updateReport } from '../../store/reports.ts';
import { camel } from '../../store/rows.ts';
import type { ProgressReport } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { parseTaskSheet } from '../../extract-io/parsePool.ts';
import { parseXlsxUpload } from '../economy/table.ts';
import { AppError } from '../errors.ts';
import { assertPeriodOpen } from '../periods/periodLock.ts';
import { checkReportable, checkReportContent, notEditable } from '../reports/rules.ts';
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
 * errors come back as row, column and reason. All rows are written in one transaction. Rows follow
 * the rules of any report (reporting period of the commitment, a lead department's value). A draft
 * or returned report of the same commitment, department and period is updated in place (and
 * submitted); a submitted or accepted one with the same content is left alone, so importing the
 * same sheet twice creates nothing new; one with other content is refused.
 */
export async function importTaskSheet(ctx: AppContext, o: { actor: WorkflowActor; file: Buffer | Uint8Array }): Promise<TaskSheetImportResult> {
  const unreadable = new AppError('task_sheet_unreadable', '文件不是 duban 导出的任务填报表（.xlsx）', 'the file is not a task sheet exported by duban (.xlsx)', 400);
  const sheet = await parseXlsxUpload(parseTaskSheet(o.file), unreadable);
  if (!sheet) throw unreadable;
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
    const byId = new Map(found.map((c) => [c.id, c]));
    for (const e of entries) {
      // the rules every report follows (src/app/reports/rules.ts): reporting period, a lead department's value
      const ruleError = (() => {
        try {
          const c = byId.get(e.commitmentId)!;
          checkReportable(c, sheet.period, ctx.today());
          checkReportContent(c, { cumulativeValue: e.cumulativeValue, milestonesDone: [], departmentId: dept.id }, true);
          return null;
        } catch (err) {
          if (err instanceof AppError) return err;
          throw err;
        }
      })();
      if (ruleError) {
        errors.push({ row: e.row, column: ruleError.code === 'value_required' ? 'G 本期累计完成值' : 'B 目标任务', zh: ruleError.zh, en: ruleError.en });
        continue;
      }
      const [row] = await tx.query('select * from progress_report where commitment_id = $1 and department_id = $2 and period = $3 for update', [e.commitmentId, dept.id, sheet.period]);
      if (!row) continue;
      const r = { ...camel<ProgressReport>(row), evidence: [] };
      existing.set(e.commitmentId, r);
      // a submitted or accepted report stays as it is: the same content is a repeat, other content is refused
      if ((r.state === 'submitted' || r.state === 'accepted') && !sameContent(r, e)) {
        const refusal = notEditable(r.state);
        errors.push({ row: e.row, column: 'G 本期累计完成值', zh: `${refusal.zh}（已有报送与本表不同）`, en: `${refusal.en} (it differs from this sheet)` });
      }
    }
    if (errors.length) throw invalid(errors.sort((a, b) => a.row - b.row));
    const result: TaskSheetImportResult = { period: sheet.period, departmentId: dept.id, created: 0, updated: 0, unchanged: 0 };
    const now = new Date().toISOString();
    for (const e of entries) {
      const before = existing.get(e.commitmentId);
      const c = (await getCommitment(tx, e.commitmentId))!;
      if (before && (before.state === 'submitted' || before.state === 'accepted')) {
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
      await appendAudit(tx, { regionCode: c.regionCode, actor, action: 'report.import', entity: 'report', entityId: after.id, before, after });
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
