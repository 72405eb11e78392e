/**
 * 单位管理: the office adds a department of its region and edits its name, short name and the
 * e-mail address reminders (催办) go to. Names are unique within a region (409 otherwise); every
 * change is audited with its before and after.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { patchOf } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Queryable } from '../../store/db.ts';
import { camel } from '../../store/rows.ts';
import type { AppContext } from '../context.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { principalOf } from '../policies/principal.ts';
import { readsRegion, requireSignedIn } from '../policies/scope.ts';
import { requireAdmin, type WorkflowActor } from '../workflow/access.ts';

export const DepartmentInput = z.object({
  name: z.string().trim().min(1, '请填写单位名称').max(100).describe('单位全称'),
  shortName: z.string().trim().max(30).nullable().default(null).describe('简称'),
  email: z.string().trim().email('电子邮件地址格式不对').max(200).nullable().default(null).describe('催办邮件地址'),
});
export type DepartmentInput = z.input<typeof DepartmentInput>;
/** A change: the fields sent, nothing else. */
export const DepartmentPatch = patchOf(DepartmentInput);

export interface DepartmentRecord {
  id: string;
  regionCode: string;
  name: string;
  shortName: string | null;
  email: string | null;
}

const SELECT = 'select id, region_code, name, short_name, email from department';

async function nameTaken(q: Queryable, regionCode: string, name: string, except: string | null): Promise<void> {
  const [row] = await q.query('select 1 from department where region_code = $1 and name = $2 and id <> coalesce($3::uuid, gen_random_uuid())', [regionCode, name, except]);
  if (row) throw new AppError('department_exists', `本区已有名为“${name}”的单位`, `a department named ${name} already exists in this region`, 409);
}

export async function createDepartment(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; input: DepartmentInput }): Promise<DepartmentRecord> {
  requireAdmin(o.actor, o.regionCode);
  const input = DepartmentInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    await nameTaken(tx, o.regionCode, input.name, null);
    const [row] = await tx.query(
      `insert into department (id, region_code, name, short_name, email) values ($1, $2, $3, $4, $5) returning id, region_code, name, short_name, email`,
      [randomUUID(), o.regionCode, input.name, input.shortName || null, input.email || null],
    );
    const after = camel<DepartmentRecord>(row!);
    await appendAudit(tx, { regionCode: o.regionCode, actor: o.actor, action: 'department.create', entity: 'department', entityId: after.id, after });
    return after;
  });
}

export async function updateDepartment(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: Partial<DepartmentInput> }): Promise<DepartmentRecord> {
  const patch = DepartmentPatch.parse(o.input);
  requireSignedIn(principalOf(o.actor));
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query(`${SELECT} where id = $1 for update`, [o.id]);
    const before = row ? camel<DepartmentRecord>(row) : undefined;
    if (!before || !readsRegion(principalOf(o.actor), before.regionCode)) throw notFound('department', '单位');
    requireAdmin(o.actor, before.regionCode);
    const next = {
      name: patch.name ?? before.name,
      shortName: 'shortName' in o.input ? (patch.shortName || null) : before.shortName,
      email: 'email' in o.input ? (patch.email || null) : before.email,
    };
    if (next.name !== before.name) await nameTaken(tx, before.regionCode, next.name, before.id);
    const [updated] = await tx.query(`update department set name = $2, short_name = $3, email = $4 where id = $1 returning id, region_code, name, short_name, email`, [before.id, next.name, next.shortName, next.email]);
    if (!updated) throw conflict('department');
    const after = camel<DepartmentRecord>(updated);
    await appendAudit(tx, { regionCode: before.regionCode, actor: o.actor, action: 'department.update', entity: 'department', entityId: before.id, before, after });
    return after;
  });
}
