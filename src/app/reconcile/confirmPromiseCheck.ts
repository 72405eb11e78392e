/**
 * confirmPromiseCheck (确认兑现核验): the office confirms a computed match or corrects it — status,
 * stated value, the sentence — and may let the confirmed stated value stand as the commitment's
 * 年终结果 where no accepted report gave one. Optimistic: `version` is the confirmation's current
 * version (0 for the first). Audited in the same transaction.
 */
import { z } from 'zod';
import { PROMISE_STATUSES } from '../../domain/reconcile.ts';
import { DecimalString, Uuid } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadCommitmentFor, requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { listConfirmed, type ConfirmedCheck } from './checkPromises.ts';

export const PromiseCheckInput = z.object({
  /** kept 已兑现 · partial 部分兑现 · missed 未兑现 · unmentioned 未提及 */
  status: z.enum(PROMISE_STATUSES),
  /** the stated result in the commitment's unit; null when the text states no figure */
  statedValue: DecimalString.nullable().default(null),
  /** the sentence that says so, in one of the region's documents */
  source: z.object({ documentId: Uuid, start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), sentence: z.string().max(2000) }).nullable().default(null),
  /** let the stated value stand as 年终结果 where no accepted report gave one */
  setsYearEnd: z.boolean().default(false),
  note: z.string().max(500).default(''),
  /** the confirmation's current version: 0 for the first */
  version: z.number().int().nonnegative(),
});
export type PromiseCheckInput = z.infer<typeof PromiseCheckInput>;

/** Confirms or corrects one commitment's check (see the file comment). */
export async function confirmPromiseCheck(ctx: AppContext, o: { actor: WorkflowActor; commitmentId: string; input: unknown }): Promise<ConfirmedCheck> {
  const input = PromiseCheckInput.parse(o.input);
  if (input.setsYearEnd && input.statedValue === null) {
    throw new AppError('stated_value_required', '作为年终结果时须填写表述的数值', 'a stated value is needed to stand as the year-end result', 400);
  }
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.commitmentId, true);
    requireAdmin(o.actor, c.regionCode);
    if (c.state === 'draft' || c.state === 'cancelled') {
      throw new AppError('invalid_state', '草稿或已取消的任务不参与兑现核验', 'drafts and cancelled commitments are not checked', 409);
    }
    if (input.source) {
      const [doc] = await tx.query<{ text: string }>('select text from work_report where id = $1 and region_code = $2', [input.source.documentId, c.regionCode]);
      if (!doc || input.source.end > doc.text.length || input.source.start > input.source.end) {
        throw new AppError('invalid_source', '出处不在本区的文件中', 'the source is not in one of the region’s documents', 400);
      }
    }
    const [before] = await listConfirmed(tx, c.regionCode, [c.id]);
    if ((before?.version ?? 0) !== input.version) {
      throw new AppError('version_conflict', '该核验已被他人修改，请刷新后重试', 'the check was changed by someone else; reload and retry', 409);
    }
    await tx.query(
      `insert into promise_check (region_code, commitment_id, status, stated_value, source, sets_year_end, note, confirmed_by, confirmed_at, version)
       values ($1, $2, $3, $4, $5, $6, $7, $8, now(), 1)
       on conflict (region_code, commitment_id) do update set status = excluded.status, stated_value = excluded.stated_value,
         source = excluded.source, sets_year_end = excluded.sets_year_end, note = excluded.note, confirmed_by = excluded.confirmed_by,
         confirmed_at = now(), version = promise_check.version + 1`,
      [c.regionCode, c.id, input.status, input.statedValue, input.source && JSON.stringify(input.source), input.setsYearEnd, input.note, o.actor.id],
    );
    const [after] = await listConfirmed(tx, c.regionCode, [c.id]);
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: before ? 'promiseCheck.correct' : 'promiseCheck.confirm', entity: 'commitment', entityId: c.id, before: before ?? null, after });
    return after!;
  });
}
