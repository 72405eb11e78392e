import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { InstructionReply } from './listRegionInstructions.ts';
import { appendAudit } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { loadCommitmentFor, principalOf, type WorkflowActor } from '../workflow/access.ts';
import { writesRegion } from '../policies/scope.ts';

export const ReplyInput = z.object({ text: z.string().trim().min(1).max(5000).describe('落实情况') });

/** 落实反馈: the lead or a co-department reports what it did about a leader's instruction (the office may too). */
export async function replyToInstruction(ctx: AppContext, o: { actor: WorkflowActor; instructionId: string; input: z.input<typeof ReplyInput> }) {
  const { text } = ReplyInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const [ins] = await tx.query<{ commitment_id: string }>('select commitment_id from instruction where id = $1', [o.instructionId]);
    if (!ins) throw notFound('instruction', '批示');
    const c = await loadCommitmentFor(tx, o.actor, ins.commitment_id).catch((e: { status?: number }) => {
      throw e.status === 404 ? notFound('instruction', '批示') : e;
    });
    const p = principalOf(o.actor);
    if (!writesRegion(p, c.regionCode) || (p.role !== 'reporter' && p.role !== 'admin')) throw new AppError('forbidden', '仅承办单位或督查室可反馈落实情况', 'only the departments or the office may reply', 403);
    const id = randomUUID();
    const [row] = await tx.query<InstructionReply>(
      `insert into instruction_reply (id, region_code, instruction_id, department_id, text, created_by) values ($1, $2, $3, $4, $5, $6)
       returning id, instruction_id as "instructionId", department_id as "departmentId", text, created_by as "createdBy", created_at as "createdAt"`,
      [id, c.regionCode, o.instructionId, p.role === 'reporter' ? p.departmentId : null, text, o.actor.id],
    );
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'instruction.reply', entity: 'instruction', entityId: o.instructionId, after: row });
    return row!;
  });
}
