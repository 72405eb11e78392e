import { randomUUID } from 'node:crypto';
import type { ProgressReport } from '../../domain/types.ts';
import { appendAudit, type Actor } from '../../store/audit.ts';
import { getCommitment } from '../../store/commitments.ts';
import { claimIdempotencyKey, saveIdempotentResponse } from '../../store/idempotency.ts';
import { insertReport } from '../../store/reports.ts';
import { sha256 } from '../auth/secrets.ts';
import type { AppContext } from '../context.ts';
import { assertPeriodOpen } from '../periods/periodLock.ts';
import { AppError, notFound } from '../errors.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import { principalOf } from '../policies/principal.ts';
import { reportPolicy } from '../policies/reports.ts';
import { authorize, requireSignedIn } from '../policies/scope.ts';
import { SubmitReportInput } from './input.ts';
import { checkReportable, checkReportContent } from './rules.ts';

/**
 * A department's progress report (进展报送) for one period of a commitment: submitted for review,
 * or kept as a draft. Only reporters of the lead or a co-department may, for their own department;
 * one report per department and period (409 `report_exists` for a second). With an
 * `idempotencyKey`, a retried request returns the first answer (`replayed: true`) and stores nothing.
 */
export async function submitProgressReport(
  ctx: AppContext,
  options: { actor: Actor; commitmentId: string; input: SubmitReportInput; idempotencyKey?: string },
): Promise<{ report: ProgressReport; replayed: boolean }> {
  const actor = principalOf(options.actor);
  requireSignedIn(actor);
  const input = SubmitReportInput.parse(options.input);
  const key = options.idempotencyKey;
  if (key !== undefined && !/^[\x21-\x7e]{8,200}$/.test(key))
    throw new AppError('idempotency_key_invalid', 'Idempotency-Key 须为8至200个可见ASCII字符', 'Idempotency-Key must be 8 to 200 visible ASCII characters');
  const requestHash = sha256(JSON.stringify([options.commitmentId, input]));
  try {
    return await ctx.db.transaction(async (tx) => {
      const c = await getCommitment(tx, options.commitmentId);
      if (!c || !commitmentPolicy.readInternal(actor, c)) throw notFound('commitment', '目标任务');
      authorize(actor, reportPolicy.submit(actor, c), true, ['commitment', '目标任务']);
      if (key !== undefined) {
        const claim = await claimIdempotencyKey<ProgressReport>(tx, { regionCode: c.regionCode, userId: actor.id!, key, requestHash });
        if (!claim.fresh) {
          if (claim.requestHash !== requestHash)
            throw new AppError('idempotency_key_reused', '该 Idempotency-Key 已用于另一请求', 'this Idempotency-Key was used for a different request', 422);
          return { report: claim.response, replayed: true };
        }
      }
      checkReportable(c, input.period, ctx.today());
      await assertPeriodOpen(tx, c.regionCode, input.period);
      const departmentId = actor.departmentId!;
      checkReportContent(c, { ...input, departmentId }, !input.draft);
      const [existing] = await tx.query<{ id: string }>(
        'select id from progress_report where region_code = $1 and commitment_id = $2 and department_id = $3 and period = $4',
        [c.regionCode, c.id, departmentId, input.period],
      );
      if (existing) throw reportExists(existing.id);
      const now = new Date().toISOString();
      const report = await insertReport(tx, {
        id: randomUUID(), regionCode: c.regionCode, commitmentId: c.id, departmentId, period: input.period,
        cumulativeValue: input.cumulativeValue, milestonesDone: input.milestonesDone, narrative: input.narrative,
        state: input.draft ? 'draft' : 'submitted', submittedBy: actor.id, submittedAt: input.draft ? null : now,
        reviewerId: null, reviewComment: null, reviewedAt: null, idempotencyKey: key ?? null,
      });
      await appendAudit(tx, { regionCode: c.regionCode, actor, action: input.draft ? 'report.draft' : 'report.submit', entity: 'report', entityId: report.id, after: report });
      if (key !== undefined) await saveIdempotentResponse(tx, actor.id!, key, report);
      return { report, replayed: false };
    });
  } catch (e) {
    // two first submissions racing for the same period: the database's unique key decides
    if ((e as { code?: string }).code === '23505' && !(e instanceof AppError)) throw reportExists(null);
    throw e;
  }
}

const reportExists = (id: string | null) =>
  new AppError('report_exists', '本单位该期次已有报送，请修改原报送', 'your department already has a report for this period; edit it instead', 409, { id });
