import { z } from 'zod';
import { appendAudit } from '../../store/audit.ts';
import { Period } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireAdmin, type WorkflowActor } from '../workflow/access.ts';

/** 解锁: an admin reopens a locked period; the reason is required and kept in the audit trail. */
export async function unlockPeriod(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; period: string; reason: string }): Promise<void> {
  const period = Period.parse(o.period);
  const reason = z.string().trim().min(1).max(1000).parse(o.reason);
  requireAdmin(o.actor, o.regionCode);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.query('delete from period_lock where region_code = $1 and period = $2 returning period, locked_by, locked_at', [o.regionCode, period]);
    if (!rows.length) throw new AppError('period_not_locked', `${period}期未锁定`, `period ${period} is not locked`, 409);
    await appendAudit(tx, { regionCode: o.regionCode, actor: o.actor, action: 'period.unlock', entity: 'period', entityId: period, before: rows[0], after: { locked: false, reason } });
  });
}
