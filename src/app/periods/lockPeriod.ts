import { appendAudit } from '../../store/audit.ts';
import { Period } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireAdmin, type WorkflowActor } from '../workflow/access.ts';

/** 锁定: the office freezes a period's reports before issuing its bulletin (the reason, when given, is audited). Locking twice is a 409. */
export async function lockPeriod(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; period: string; reason?: string }): Promise<{ regionCode: string; period: string }> {
  const period = Period.parse(o.period);
  requireAdmin(o.actor, o.regionCode);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.query('insert into period_lock (region_code, period, locked_by) values ($1, $2, $3) on conflict do nothing returning period', [o.regionCode, period, o.actor.id]);
    if (!rows.length) throw new AppError('period_already_locked', `${period}期已锁定`, `period ${period} is already locked`, 409);
    await appendAudit(tx, { regionCode: o.regionCode, actor: o.actor, action: 'period.lock', entity: 'period', entityId: period, after: { locked: true, ...(o.reason ? { reason: o.reason } : {}) } });
    return { regionCode: o.regionCode, period };
  });
}
