import { randomUUID } from 'node:crypto';
import { diffSlips, escalationsFor, slipKey, type SlipSpec } from '../../domain/escalation.ts';
import { reportSchedule } from '../../domain/schedule.ts';
import { ESCALATION_LEVEL_LABELS, type SupervisionSlip } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { camelAll } from '../../store/rows.ts';
import type { Queryable } from '../../store/db.ts';
import type { AppContext } from '../context.ts';
import { notify } from '../instructions/notify.ts';
import { requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { loadSnapshot } from '../workflow/snapshot.ts';

/** The slips that should be open in a region at `asOf` (leaf commitments; parents roll up and are not chased). */
export async function wantedSlips(q: Queryable, ctx: AppContext, regionCode: string, asOf: string): Promise<SlipSpec[]> {
  const items = await loadSnapshot(q, ctx, [regionCode], asOf);
  return items
    .filter(({ commitment: c }) => c.subtaskCount === 0)
    .flatMap(({ commitment: c, reports }) => escalationsFor(c, c.evaluation, reportSchedule(c, reports, ctx.config), asOf, ctx.config));
}

export async function listSlips(q: Queryable, f: { regionCodes: string[]; open?: boolean; departmentId?: string; commitmentId?: string }): Promise<SupervisionSlip[]> {
  return camelAll<SupervisionSlip>(
    await q.query(
      `select * from supervision_slip where region_code = any($1) and ($2::boolean is null or (closed_on is null) = $2)
         and ($3::uuid is null or department_id = $3) and ($4::uuid is null or commitment_id = $4)
       order by opened_on desc, level, id`,
      [f.regionCodes, f.open ?? null, f.departmentId ?? null, f.commitmentId ?? null],
    ),
  );
}

/**
 * 督办升级: brings a region's 督办单 up to date at `asOf` — opens the slips whose cause appeared
 * (notifying the department of yellow and red ones) and closes those whose cause is gone. Running
 * it twice on the same day changes nothing the second time. Each opening and closing is audited.
 */
export async function runEscalation(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; asOf?: string }): Promise<{ opened: SupervisionSlip[]; closed: SupervisionSlip[] }> {
  requireAdmin(o.actor, o.regionCode);
  const asOf = o.asOf ?? ctx.today();
  return ctx.db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`escalation:${o.regionCode}`]);
    // a cause whose slip the office closed by hand this month waits for next month's run
    const handClosed = new Set((await tx.query<{ commitment_id: string; level: SupervisionSlip['level']; period: string | null }>(
      `select commitment_id, level, period from supervision_slip
       where region_code = $1 and close_note is not null and closed_on >= date_trunc('month', $2::date)`, [o.regionCode, asOf],
    )).map((r) => slipKey({ commitmentId: r.commitment_id, level: r.level, period: r.period })));
    const wanted = (await wantedSlips(tx, ctx, o.regionCode, asOf)).filter((s) => !handClosed.has(slipKey(s)));
    const open = await listSlips(tx, { regionCodes: [o.regionCode], open: true });
    const { toOpen, toClose } = diffSlips(wanted, open);
    const opened: SupervisionSlip[] = [];
    for (const s of toOpen) {
      const slip: SupervisionSlip = { id: randomUUID(), regionCode: o.regionCode, commitmentId: s.commitmentId, departmentId: s.departmentId, level: s.level, period: s.period, reason: s.reason, openedOn: asOf, closedOn: null };
      await tx.query(
        'insert into supervision_slip (id, region_code, commitment_id, department_id, level, period, reason, opened_on) values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [slip.id, slip.regionCode, slip.commitmentId, slip.departmentId, slip.level, slip.period, slip.reason, slip.openedOn],
      );
      if (slip.level === 'yellow' || slip.level === 'red')
        await notify(tx, { regionCode: o.regionCode, departmentId: slip.departmentId, kind: `slip.${slip.level}`, entity: 'supervisionSlip', entityId: slip.id, message: `${ESCALATION_LEVEL_LABELS[slip.level]}：${slip.reason}` });
      await appendAudit(tx, { regionCode: o.regionCode, actor: o.actor, action: 'supervisionSlip.open', entity: 'supervisionSlip', entityId: slip.id, after: slip });
      opened.push(slip);
    }
    const closed: SupervisionSlip[] = [];
    for (const s of toClose) {
      await tx.query('update supervision_slip set closed_on = $2 where id = $1', [s.id, asOf]);
      const after = { ...s, closedOn: asOf };
      await appendAudit(tx, { regionCode: o.regionCode, actor: o.actor, action: 'supervisionSlip.close', entity: 'supervisionSlip', entityId: s.id, before: s, after });
      closed.push(after);
    }
    return { opened, closed };
  });
}
