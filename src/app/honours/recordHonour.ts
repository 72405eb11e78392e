import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HonourLevel, RegionCode, type Honour } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { HONOUR_COLUMNS } from '../../store/honours.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { principalOf, requireAdmin, type WorkflowActor } from '../workflow/access.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((x) => (x ? x : null));

export const HonourInput = z.object({
  region: RegionCode.describe('行政区划代码'),
  year: z.number().int().min(1949).max(2200).describe('获评年度'),
  title: z.string().trim().min(2).max(200).describe('荣誉名称，如“全国信访工作示范县区”'),
  level: HonourLevel.describe('级别：national 国家级、provincial 省级、city 市级、county 区县级'),
  recipient: optionalText(100).describe('获评对象（单位、场所），空为本行政区'),
  sector: optionalText(50).describe('所属领域（纪实中写入该领域），空为写入开篇'),
  awardedBy: optionalText(100).describe('授予单位'),
});
export type HonourInput = z.input<typeof HonourInput>;

/** 录入荣誉: the region's office records an honour of a year; the same title for the same recipient twice is a 409. */
export async function recordHonour(ctx: AppContext, o: { actor: WorkflowActor; input: HonourInput }): Promise<Honour> {
  const parsed = HonourInput.safeParse(o.input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('invalid_input', `荣誉信息有误：${issues}`, `invalid honour: ${issues}`, 400);
  }
  const input = parsed.data;
  requireAdmin(o.actor, input.region);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.query(
      'select 1 from honour where region_code = $1 and year = $2 and title = $3 and coalesce(recipient, \'\') = coalesce($4, \'\')',
      [input.region, input.year, input.title, input.recipient],
    );
    if (dup) throw new AppError('honour_exists', `${input.year}年已录入荣誉“${input.title}”`, `the honour "${input.title}" is already recorded for ${input.year}`, 409);
    const [row] = await tx.query<Honour>(
      `insert into honour (id, region_code, year, title, level, recipient, sector, awarded_by, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       returning ${HONOUR_COLUMNS}`,
      [randomUUID(), input.region, input.year, input.title, input.level, input.recipient, input.sector, input.awardedBy, principalOf(o.actor).id],
    );
    await appendAudit(tx, { regionCode: input.region, actor: principalOf(o.actor), action: 'honour.create', entity: 'honour', entityId: row!.id, after: row });
    return row!;
  });
}
