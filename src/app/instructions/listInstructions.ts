import type { AppContext } from '../context.ts';
import { loadCommitmentFor, type WorkflowActor } from '../workflow/access.ts';
import type { InstructionReply } from './listRegionInstructions.ts';
import type { Instruction } from './recordInstruction.ts';

/** The instructions on a commitment, newest first, each with its replies (落实情况) oldest first. */
export async function listInstructions(ctx: AppContext, o: { actor: WorkflowActor; commitmentId: string }) {
  const c = await loadCommitmentFor(ctx.db, o.actor, o.commitmentId);
  const items = await ctx.db.query<Instruction>(
    `select id, region_code as "regionCode", commitment_id as "commitmentId", leader_name as "leaderName", text, issued_on as "issuedOn",
       created_by as "createdBy", created_at as "createdAt"
     from instruction where commitment_id = $1 order by issued_on desc, created_at desc`,
    [c.id],
  );
  const replies = await ctx.db.query<InstructionReply>(
    `select id, instruction_id as "instructionId", department_id as "departmentId", text, created_by as "createdBy", created_at as "createdAt"
     from instruction_reply where instruction_id = any($1) order by created_at, id`,
    [items.map((i) => i.id)],
  );
  return items.map((i) => ({ ...i, replies: replies.filter((r) => r.instructionId === i.id), followedUp: replies.some((r) => r.instructionId === i.id) }));
}
