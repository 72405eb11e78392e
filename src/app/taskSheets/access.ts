/**
 * Who may export and import a department's task sheet: the region's office, or the department's own
 * reporters. Export is a read: leaders, and a city's office reading its districts, may export too.
 */
import type { Department } from '../../domain/types.ts';
import type { Queryable } from '../../store/db.ts';
import { getDepartment, listDepartments } from '../../store/regions.ts';
import { AppError } from '../errors.ts';
import { authorize, readsRegion, writesRegion } from '../policies/scope.ts';
import { principalOf, type WorkflowActor } from '../workflow/access.ts';

/** The department named by id, full name or short name in `regionCode`; 404 when none. */
export async function findDepartment(q: Queryable, regionCode: string, ref: string): Promise<Department> {
  const byId = /^[0-9a-f-]{36}$/i.test(ref) ? await getDepartment(q, ref) : undefined;
  const d = byId?.regionCode === regionCode ? byId : (await listDepartments(q, regionCode)).find((x) => x.name === ref || x.shortName === ref);
  if (!d) throw new AppError('department_not_found', `行政区 ${regionCode} 下没有单位“${ref}”`, `no department "${ref}" in region ${regionCode}`, 404);
  return d;
}

/** Refuses unless the actor may export (`write` false) or import (`write` true) the department's sheet. */
export function authorizeTaskSheet(actor: WorkflowActor, d: Department, write: boolean): void {
  const p = principalOf(actor);
  const own = p.role === 'reporter' && p.departmentId === d.id && writesRegion(p, d.regionCode);
  const office = p.role === 'admin' && writesRegion(p, d.regionCode);
  const reader = !write && (p.role === 'leader' || p.role === 'admin') && readsRegion(p, d.regionCode);
  authorize(p, p.system === true || own || office || reader, readsRegion(p, d.regionCode), ['department', '单位']);
}
