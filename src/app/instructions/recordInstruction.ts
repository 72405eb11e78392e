import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { IsoDate } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadCommitmentFor, roleOn, type WorkflowActor } from '../workflow/access.ts';
import { notify } from './notify.ts';

export const InstructionInput = z.object({
  leaderName: z.string().trim().min(1).max(50).describe('批示领导'),
  text: z.string().trim().min(1).max(5000).describe('批示内容'),
  issuedOn: IsoDate.optional().describe('批示日期 (default today)'),
});
export type InstructionInput = z.input<typeof InstructionInput>;

/** 领导批示 as stored. */
export const Instruction = z.object({
  id: z.string(),
  regionCode: z.string(),
  commitmentId: z.string(),
  leaderName: z.string().describe('批示领导'),
  text: z.string(),
  issuedOn: z.string().describe('批示日期 YYYY-MM-DD'),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Instruction = z.infer<typeof Instruction>;

/** 领导批示: a leader (or the office on a leader's behalf) records an instruction; the lead department is notified. */
export async function recordInstruction(ctx: AppContext, o: { actor: WorkflowActor; commitmentId: string; input: InstructionInput }): Promise<Instruction> {
  const input = InstructionInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.commitmentId);
    const role = roleOn(o.actor, c);
    if (role !== 'admin' && role !== 'leader')
      throw new AppError('forbidden', '仅领导或督查室可录入批示', 'only leaders or the office may record instructions', 403);
    const id = randomUUID();
    const [row] = await tx.query(
      `insert into instruction (id, region_code, commitment_id, leader_name, text, issued_on, created_by) values ($1, $2, $3, $4, $5, $6, $7)
       returning id, region_code as "regionCode", commitment_id as "commitmentId", leader_name as "leaderName", text, issued_on as "issuedOn", created_by as "createdBy", created_at as "createdAt"`,
      [id, c.regionCode, c.id, input.leaderName, input.text, input.issuedOn ?? ctx.today(), o.actor.id],
    );
    if (c.leadDepartmentId)
      await notify(tx, { regionCode: c.regionCode, departmentId: c.leadDepartmentId, kind: 'instruction', entity: 'instruction', entityId: id, message: `${input.leaderName}对“${c.title}”作出批示：${input.text}` });
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: 'instruction.create', entity: 'instruction', entityId: id, after: row });
    return row as unknown as Instruction;
  });
}
