import { PROJECT_STAGE_LABELS, PROJECT_STAGES, type Project, type ProjectStage } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { listDepartments } from '../../store/regions.ts';
import { camel } from '../../store/rows.ts';
import type { AppContext } from '../context.ts';
import { requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { CreateProjectInput } from './input.ts';
import { CellError, cell, importFailed, parseTable, readTable, type ColumnSpec, type RowError } from './table.ts';

const stage = (raw: string): ProjectStage => {
  const byLabel = PROJECT_STAGES.find((s) => PROJECT_STAGE_LABELS[s] === raw || s === raw.toLowerCase());
  if (!byLabel) throw new CellError(`未知阶段“${raw}”（应为${Object.values(PROJECT_STAGE_LABELS).join('/')}）`, `unknown stage "${raw}"`);
  return byLabel;
};

export const PROJECT_COLUMNS: ColumnSpec[] = [
  { key: 'year', headers: ['年度', 'year'], required: true, parse: cell.year },
  { key: 'name', headers: ['项目名称', 'name'], required: true },
  { key: 'leadDepartment', headers: ['牵头单位', 'leadDepartment'] },
  { key: 'totalInvestment', headers: ['总投资', 'totalInvestment', '总投资（万元）'], parse: cell.decimal },
  { key: 'plannedInvestmentYear', headers: ['年度计划投资', 'plannedInvestmentYear', '年度计划投资（万元）'], parse: cell.decimal },
  { key: 'completedInvestmentYear', headers: ['年度完成投资', 'completedInvestmentYear', '年度完成投资（万元）'], parse: cell.decimal },
  { key: 'stage', headers: ['阶段', 'stage'], parse: stage },
];

/**
 * 重点项目批量导入 from CSV or XLSX (money in 万元): each row creates a project or updates the one
 * with the same year and name. Every row is checked first; if any row has an error nothing is
 * applied and the answer lists every error (row, column, reason). Otherwise all rows are applied
 * and audited in one transaction.
 */
export async function importProjects(ctx: AppContext, o: { actor: WorkflowActor; regionCode: string; data: Buffer; filename: string; contentType?: string }): Promise<{ created: number; updated: number }> {
  requireAdmin(o.actor, o.regionCode);
  const table = await readTable(o.data, o.filename, o.contentType);
  const { records, errors } = parseTable(table, PROJECT_COLUMNS);
  const depts = await listDepartments(ctx.db, o.regionCode);
  const deptColumn = table.headers.find((h) => PROJECT_COLUMNS[2]!.headers.includes(h)) ?? '牵头单位';
  const seen = new Map<string, number>();
  const inputs = records.map(({ row, value }) => {
    const { leadDepartment, ...rest } = value as Record<string, unknown> & { leadDepartment?: string };
    let leadDepartmentId: string | null = null;
    if (leadDepartment) {
      const d = depts.find((x) => x.name === leadDepartment || x.shortName === leadDepartment);
      if (!d) errors.push({ row, column: deptColumn, zh: `本区没有单位“${leadDepartment}”`, en: `no department "${leadDepartment}" in this region` });
      else leadDepartmentId = d.id;
    }
    const key = `${rest.year}|${rest.name}`;
    if (rest.name && seen.has(key)) errors.push({ row, column: '项目名称', zh: `与第${seen.get(key)}行重复`, en: `duplicates row ${seen.get(key)}` });
    seen.set(key, row);
    return { row, input: { ...rest, regionCode: o.regionCode, leadDepartmentId } };
  });
  const parsed = inputs.map(({ row, input }) => {
    const r = CreateProjectInput.safeParse(input);
    if (!r.success && !errors.some((e) => e.row === row))
      errors.push(...r.error.issues.map((i): RowError => ({ row, column: String(i.path[0] ?? ''), zh: '格式有误', en: i.message })));
    return r.success ? r.data : null;
  });
  if (errors.length) throw importFailed(errors.sort((a, b) => a.row - b.row));

  return ctx.db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const p of parsed) {
      const [before] = await tx.query('select * from project where region_code = $1 and year = $2 and name = $3 for update', [p!.regionCode, p!.year, p!.name]);
      const [row] = await tx.query(
        `insert into project (id, region_code, year, name, lead_department_id, total_investment, planned_investment_year, completed_investment_year, stage, stage_dates)
         values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, '{}')
         on conflict (region_code, year, name) do update set lead_department_id = excluded.lead_department_id, total_investment = excluded.total_investment,
           planned_investment_year = excluded.planned_investment_year, completed_investment_year = excluded.completed_investment_year, stage = excluded.stage,
           version = project.version + 1
         returning *`,
        [p!.regionCode, p!.year, p!.name, p!.leadDepartmentId, p!.totalInvestment, p!.plannedInvestmentYear, p!.completedInvestmentYear, p!.stage],
      );
      const after = camel<Project>(row!);
      await appendAudit(tx, { regionCode: o.regionCode, actor: o.actor, action: before ? 'project.update' : 'project.create', entity: 'project', entityId: after.id, before: before ? camel(before) : undefined, after: { ...after, importedFrom: o.filename } });
      if (before) updated++;
      else created++;
    }
    return { created, updated };
  });
}
