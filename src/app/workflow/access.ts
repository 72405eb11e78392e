/**
 * The checks every workflow use case starts with, on top of the shared policies
 * (../policies): load a commitment the actor may see (404 otherwise: existence is private), the
 * actor's lifecycle role on it (only in its own region), the office-only guard.
 */
import { lifecycleRole, LifecycleError, type LifecycleRole } from '../../domain/lifecycle.ts';
import type { Commitment } from '../../domain/types.ts';
import type { Actor } from '../../store/audit.ts';
import { getCommitment } from '../../store/commitments.ts';
import type { Queryable } from '../../store/db.ts';
import { AppError, notFound } from '../errors.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import { principalOf, SYSTEM, type Principal } from '../policies/principal.ts';
import { forbidden, isAdminOf, requireSignedIn, writesRegion } from '../policies/scope.ts';

/** The acting user as the auth layer gives it (`request.actor`), or any bare `Actor`. */
export type WorkflowActor = Principal | Actor;

/** duban itself (jobs, CLI): the office of every region. */
export const SYSTEM_ACTOR: Principal = SYSTEM;

export { principalOf };

/** Loads a commitment for the actor: 404 when missing or not readable (internally) by it. */
export async function loadCommitmentFor(q: Queryable, actor: WorkflowActor, id: string, forUpdate = false): Promise<Commitment> {
  const p = principalOf(actor);
  requireSignedIn(p);
  const c = await getCommitment(q, id);
  if (!c || !commitmentPolicy.readInternal(p, c)) throw notFound('commitment', '目标任务');
  if (forUpdate) await q.query('select 1 from commitment where id = $1 for update', [id]);
  return c;
}

/** The actor's lifecycle role on a commitment: none outside its own region (a city reads districts read-only). */
export function roleOn(actor: WorkflowActor, c: Pick<Commitment, 'leadDepartmentId' | 'regionCode'>): LifecycleRole | null {
  const p = principalOf(actor);
  if (!writesRegion(p, c.regionCode)) return null;
  return lifecycleRole({ role: p.role, departmentId: p.departmentId }, c);
}

/** Refuses unless the actor is the region's office (督查室): 401 for the public, else 403 (regions are public facts). */
export function requireAdmin(actor: WorkflowActor, regionCode: string): void {
  const p = principalOf(actor);
  requireSignedIn(p);
  if (!isAdminOf(p, regionCode)) throw forbidden('仅本行政区督查室可执行此操作', 'only the region’s supervision office may do this');
}

/** A refused lifecycle move as an AppError: wrong role 403, wrong state 409, invalid request 400. */
export function lifecycleFailure(e: LifecycleError): AppError {
  const status = e.code === 'forbidden_role' ? 403 : e.code === 'invalid_transition' ? 409 : 400;
  return new AppError(e.code === 'forbidden_role' ? 'forbidden' : e.code, e.zh, e.en, status);
}

/** Throws 409 when the client's version is stale. */
export function checkVersion(current: { version: number }, expected: number, what = 'commitment'): void {
  if (current.version !== expected)
    throw new AppError('version_conflict', '数据已被他人修改，请刷新后重试', `${what} was changed by someone else; reload and retry`, 409);
}
