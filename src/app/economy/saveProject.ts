import { randomUUID } from 'node:crypto';
import type { Project } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Queryable } from '../../store/db.ts';
import { getProject } from '../../store/economy.ts';
import { camel, snake } from '../../store/rows.ts';
import type { AppContext } from '../context.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { principalOf, requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { readsRegion, requireSignedIn } from '../policies/scope.ts';
import { CreateProjectInput, UpdateProjectInput } from './input.ts';

async function checkDepartment(q: Queryable, regionCode: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const [d] = await q.query<{ region_code: string }>('select region_code from department where id = $1', [id]);
  if (!d || d.region_code !== regionCode) throw new AppError('department_other_region', '牵头单位不属于本行政区', 'the lead department does not belong to this region');
}

/** Inserts a project in an open transaction; a duplicate (region, year, name) is a 409. Shared with the importer. */
export async function insertProjectIn(tx: Queryable, actor: WorkflowActor, input: CreateProjectInput): Promise<Project> {
  const p = CreateProjectInput.parse(input);
  await checkDepartment(tx, p.regionCode, p.leadDepartmentId);
  const [dup] = await tx.query('select 1 from project where region_code = $1 and year = $2 and name = $3', [p.regionCode, p.year, p.name]);
  if (dup) throw new AppError('project_exists', `${p.year}年已有项目“${p.name}”`, `project "${p.name}" already exists for ${p.year}`, 409);
  const [row] = await tx.query(
    `insert into project (id, region_code, year, name, lead_department_id, total_investment, planned_investment_year, completed_investment_year, stage, stage_dates)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
    [randomUUID(), p.regionCode, p.year, p.name, p.leadDepartmentId, p.totalInvestment, p.plannedInvestmentYear, p.completedInvestmentYear, p.stage, JSON.stringify(p.stageDates)],
  );
  const stored = camel<Project>(row);
  await appendAudit(tx, { regionCode: p.regionCode, actor, action: 'project.create', entity: 'project', entityId: stored.id, after: stored });
  return stored;
}

/** 新建重点项目 (the region's office). */
export async function createProject(ctx: AppContext, o: { actor: WorkflowActor; input: CreateProjectInput }): Promise<Project> {
  const input = CreateProjectInput.parse(o.input);
  requireAdmin(o.actor, input.regionCode);
  return ctx.db.transaction((tx) => insertProjectIn(tx, o.actor, input));
}

/** 修改重点项目 with its version (stale: 409, nothing changed); audited with before and after. */
export async function updateProject(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: UpdateProjectInput }): Promise<Project> {
  const { version, ...patch } = UpdateProjectInput.parse(o.input);
  requireSignedIn(principalOf(o.actor));
  return ctx.db.transaction(async (tx) => {
    const before = await getProject(tx, o.id);
    if (!before || !readsRegion(principalOf(o.actor), before.regionCode)) throw notFound('project', '重点项目');
    requireAdmin(o.actor, before.regionCode);
    await checkDepartment(tx, before.regionCode, patch.leadDepartmentId);
    const cols = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    const params = cols.map((k) => (k === 'stageDates' ? JSON.stringify(patch.stageDates) : (patch as Record<string, unknown>)[k]));
    const [row] = await tx.query(
      `update project set ${[...cols.map((k, i) => `${snake(k)} = $${i + 3}`), 'version = version + 1'].join(', ')} where id = $1 and version = $2 returning *`,
      [o.id, version, ...params],
    ).catch((e: { code?: string }) => {
      if (e.code === '23505') throw new AppError('project_exists', '同年度已有同名项目', 'a project with this name already exists for the year', 409);
      throw e;
    });
    if (!row) throw conflict('project');
    const after = camel<Project>(row);
    await appendAudit(tx, { regionCode: before.regionCode, actor: o.actor, action: 'project.update', entity: 'project', entityId: o.id, before, after });
    return after;
  });
}
