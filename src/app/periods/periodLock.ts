/** 期次锁定: reports for a locked period can no longer change. */
import type { Queryable } from '../../store/db.ts';
import { AppError } from '../errors.ts';

/** Throws 409 `period_locked` when `period` is locked in `regionCode`. Report use cases call it in their transaction. */
export async function assertPeriodOpen(q: Queryable, regionCode: string, period: string): Promise<void> {
  const [lock] = await q.query('select 1 from period_lock where region_code = $1 and period = $2', [regionCode, period]);
  if (lock) throw periodLocked(period);
}

export const periodLocked = (period: string) =>
  new AppError('period_locked', `${period}期已锁定，报送不能再修改`, `period ${period} is locked; its reports can no longer change`, 409);

/** Locked periods of a region, latest first. */
export async function listPeriodLocks(q: Queryable, regionCode: string): Promise<{ period: string; lockedBy: string | null; lockedAt: string }[]> {
  const rows = await q.query<{ period: string; locked_by: string | null; locked_at: string }>(
    'select period, locked_by, locked_at from period_lock where region_code = $1 order by period desc',
    [regionCode],
  );
  return rows.map((r) => ({ period: r.period, lockedBy: r.locked_by, lockedAt: r.locked_at }));
}
