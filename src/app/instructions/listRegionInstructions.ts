import { z } from 'zod';
import { RegionCode } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import { principalOf } from '../policies/principal.ts';
import { requireReadRegions } from '../policies/scope.ts';
import type { WorkflowActor } from '../workflow/access.ts';
import { Instruction } from './recordInstruction.ts';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListRegionInstructionsQuery = z.object({
  region: RegionCode,
  awaitingReply: flag.optional().describe('only those no department has answered yet / 待反馈'),
  mine: flag.optional().describe('only those the acting user recorded (a leader’s own) / 我的批示'),
});
/** The query as parsed (the route's schema turns `true`/`false` into booleans). */
export type ListRegionInstructionsQuery = z.output<typeof ListRegionInstructionsQuery>;

/** A department's reply (落实情况). */
export const InstructionReply = z.object({
  id: z.string(),
  instructionId: z.string(),
  departmentId: z.string().nullable(),
  text: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type InstructionReply = z.infer<typeof InstructionReply>;

/** An instruction with its commitment's title and lead department and the replies (followedUp: answered). */
export const RegionInstruction = Instruction.extend({ commitmentTitle: z.string(), leadDepartmentId: z.string().nullable(), replies: z.array(InstructionReply), followedUp: z.boolean() });
export type RegionInstruction = z.infer<typeof RegionInstruction>;

/**
 * 领导批示 of a region, newest first, each with its commitment and its replies (落实情况) — for the
 * workbenches: the office's and the department's “awaiting reply”, a leader's own. A reporter sees
 * only those on its department's commitments (lead or co-department). Pages in SQL: `limit` rows
 * after `after` ([issued on, created, id] of the last row of the previous page); `next` is the last
 * row's key when more may follow (rows the actor may not read still move it on).
 */
export async function listRegionInstructions(
  ctx: AppContext,
  o: { actor: WorkflowActor; query: ListRegionInstructionsQuery; limit: number; after?: readonly [string, string, string] | null },
): Promise<{ items: RegionInstruction[]; next: [string, string, string] | null }> {
  const q = o.query;
  const p = principalOf(o.actor);
  requireReadRegions(p, [q.region]);
  const [afterOn, afterAt, afterId] = o.after ?? [null, null, null];
  const rows = await ctx.db.query<Instruction & { commitmentTitle: string; leadDepartmentId: string | null; coDepartmentIds: string[]; published: boolean; key: string }>(
    `select i.id, i.region_code as "regionCode", i.commitment_id as "commitmentId", i.leader_name as "leaderName", i.text, i.issued_on as "issuedOn",
       i.created_by as "createdBy", i.created_at as "createdAt", c.title as "commitmentTitle", c.lead_department_id as "leadDepartmentId",
       c.co_department_ids as "coDepartmentIds", c.published, to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key
     from instruction i join commitment c on c.id = i.commitment_id
     where i.region_code = $1 and ($2::uuid is null or i.created_by = $2)
       and (not $3 or not exists (select 1 from instruction_reply x where x.instruction_id = i.id))
       and ($5::text is null or (i.issued_on, i.created_at, i.id) < ($5::date, $6::timestamp at time zone 'UTC', $7::uuid))
     order by i.issued_on desc, i.created_at desc, i.id desc limit $4`,
    [q.region, q.mine ? (p.id ?? '00000000-0000-0000-0000-000000000000') : null, q.awaitingReply === true, o.limit + 1, afterOn, afterAt, afterId],
  );
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  const visible = page.filter((r) => commitmentPolicy.readInternal(p, r));
  const replies = visible.length
    ? await ctx.db.query<InstructionReply>(
        `select id, instruction_id as "instructionId", department_id as "departmentId", text, created_by as "createdBy", created_at as "createdAt"
         from instruction_reply where instruction_id = any($1) order by created_at, id`,
        [visible.map((i) => i.id)],
      )
    : [];
  const items = visible.map(({ coDepartmentIds: _c, published: _p, key: _k, ...i }) => {
    const own = replies.filter((r) => r.instructionId === i.id);
    return { ...i, replies: own, followedUp: own.length > 0 };
  });
  return { items, next: rows.length > o.limit && last ? [last.issuedOn, last.key, last.id] : null };
}
