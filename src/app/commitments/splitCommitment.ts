import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { insertCommitment } from '../../store/commitments.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkVersion, loadCommitmentFor, requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { checkCommitment } from './checkCommitment.ts';
import { UpdateCommitmentInput } from './input.ts';

/** A subtask: title required; anything left out is the parent's value (no schema defaults). */
const SubtaskInput = UpdateCommitmentInput.omit({ version: true }).required({ title: true });
export const SplitInput = z.object({
  version: z.number().int().describe('the parent’s version / 版本号'),
  subtasks: z.array(SubtaskInput).min(1).max(100),
});
export type SplitInput = z.input<typeof SplitInput>;

/**
 * 分解: the office splits a commitment into subtasks (each inheriting plan, sector, dates, kind,
 * lead department and state from the parent unless given). The parent then rolls up from them.
 */
export async function splitCommitment(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: SplitInput }): Promise<Commitment[]> {
  const input = SplitInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const parent = await loadCommitmentFor(tx, o.actor, o.id, true);
    requireAdmin(o.actor, parent.regionCode);
    checkVersion(parent, input.version);
    if (parent.state === 'closed' || parent.state === 'cancelled')
      throw new AppError('parent_finished', '已办结或已取消的任务不能分解', 'a closed or cancelled commitment cannot be split', 409);
    const out: Commitment[] = [];
    for (const [i, s] of input.subtasks.entries()) {
      const given = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
      const c = {
        ...parent, ...given, id: randomUUID(), parentId: parent.id, source: null, published: s.published ?? false,
        milestones: (s.milestones ?? []).map((m) => ({ ...m, id: m.id ?? randomUUID() })),
        // a subtask of an assigned task is handed over today: it owes no period that ended before
        assignedOn: parent.state === 'draft' ? null : ctx.today(),
        createdAt: undefined, updatedAt: undefined, version: undefined,
      } as unknown as Commitment;
      // inherited co-departments never include the subtask's own lead
      if (s.coDepartmentIds === undefined) c.coDepartmentIds = parent.coDepartmentIds.filter((d) => d !== c.leadDepartmentId);
      try {
        await checkCommitment(tx, c);
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, `第${i + 1}个子任务：${e.zh}`, `subtask ${i + 1}: ${e.en}`, e.status);
        throw e;
      }
      const { createdAt: _a, updatedAt: _b, version: _v, ...row } = c;
      const stored = await insertCommitment(tx, row);
      await appendAudit(tx, { regionCode: parent.regionCode, actor: o.actor, action: 'commitment.split', entity: 'commitment', entityId: stored.id, after: stored });
      out.push(stored);
    }
    return out;
  });
}
