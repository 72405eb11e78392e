/**
 * 销号 by hand: the office closes an open 督办单 with a note on how it was dealt with (约谈,
 * 整改到位, 情况已说明 …). The slip keeps its number; its cause, if it persists, is not opened again
 * the same month (see runEscalation). Checked, changed and audited in one transaction.
 */
import { z } from 'zod';
import { appendAudit } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { readsRegion, requireSignedIn } from '../policies/scope.ts';
import { principalOf, requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { listSlipRecords, type SlipRecord } from './slipRecords.ts';

export const CloseSlipInput = z.object({
  /** 销号说明: how the matter was dealt with */
  note: z.string().trim().min(1, { message: '请写明销号说明' }).max(500, { message: '销号说明不超过500字' }).describe('销号说明'),
});

export async function closeSlip(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: z.input<typeof CloseSlipInput> }): Promise<SlipRecord> {
  const { note } = CloseSlipInput.parse(o.input);
  const p = principalOf(o.actor);
  requireSignedIn(p);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ region_code: string; department_id: string | null; closed_on: string | null }>(
      'select region_code, department_id, closed_on::text from supervision_slip where id = $1 for update', [o.id]);
    // who may not read the slip does not learn it exists
    if (!row || !(p.system || (readsRegion(p, row.region_code) && (p.role !== 'reporter' || row.department_id === p.departmentId)))) throw notFound('supervision slip', '督办单');
    requireAdmin(o.actor, row.region_code);
    if (row.closed_on) throw new AppError('slip_closed', `该督办单已于${row.closed_on}销号`, `the slip was closed on ${row.closed_on}`, 409);
    const [before] = await listSlipRecords(tx, { regionCodes: [row.region_code], id: o.id });
    const closedOn = ctx.today();
    await tx.query('update supervision_slip set closed_on = $2, close_note = $3 where id = $1', [o.id, closedOn, note]);
    const after = { ...before!, closedOn, closeNote: note };
    await appendAudit(tx, { regionCode: row.region_code, actor: o.actor, action: 'supervisionSlip.close', entity: 'supervisionSlip', entityId: o.id, before, after });
    return after;
  });
}
