import { appendAudit, type Actor } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { assertPeriodOpen } from '../periods/periodLock.ts';
import { principalOf } from '../policies/principal.ts';
import { reportPolicy } from '../policies/reports.ts';
import { authorize, requireSignedIn } from '../policies/scope.ts';
import { loadReportFor } from './rules.ts';

/**
 * Removes an evidence file from a report that was never submitted (draft). Once a report has been
 * submitted its evidence is part of what was reviewed and stays, and so does a file a close
 * request cites.
 */
export async function removeEvidence(ctx: AppContext, options: { actor: Actor; id: string }): Promise<void> {
  const actor = principalOf(options.actor);
  requireSignedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ report_id: string }>('select report_id from evidence where id = $1', [options.id]);
    if (!row) throw notFound('evidence', '证明材料');
    const { report } = await loadReportFor(tx, actor, row.report_id);
    authorize(actor, reportPolicy.edit(actor, report), true, ['evidence', '证明材料']);
    await assertPeriodOpen(tx, report.regionCode, report.period);
    if (report.state !== 'draft' || report.submittedAt !== null)
      throw new AppError('evidence_kept', '已提交过的报送，其证明材料不能删除', 'evidence of a report that has been submitted cannot be removed', 409);
    const [cited] = await tx.query('select 1 from close_request where region_code = $1 and commitment_id = $2 and $3 = any(evidence_ids) limit 1', [
      report.regionCode, report.commitmentId, options.id,
    ]);
    if (cited) throw new AppError('evidence_cited', '该证明材料已被办结申请引用，不能删除', 'this evidence is cited by a close request and cannot be removed', 409);
    const before = report.evidence.find((e) => e.id === options.id);
    await tx.query('delete from evidence where id = $1', [options.id]);
    await appendAudit(tx, { regionCode: report.regionCode, actor, action: 'evidence.remove', entity: 'evidence', entityId: options.id, before: { ...before, reportId: report.id } });
  });
}
