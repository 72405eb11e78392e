/**
 * Who acts: a signed-in user, a user's API token, the public (no login) or the system itself
 * (CLI, import and scheduled jobs). The auth layer sets one on every request (`request.actor`).
 */
import type { Role } from '../../domain/types.ts';
import type { Actor } from '../../store/audit.ts';

export interface Principal extends Actor {
  id: string | null;
  role: Role;
  /** the user's own region; writes are confined to it (null: public, system) */
  regionCode: string | null;
  /** 填报员's department */
  departmentId: string | null;
  /** regions it may read: its own and, for admins and leaders, every region below (read-only) */
  regionCodes: string[];
  /** duban itself (CLI, demo loader, jobs): may do anything */
  system?: boolean;
  /** signed in with a one-time password that must be changed before anything else */
  mustChangePassword?: boolean;
}

/** Not signed in: reads published items only. */
export const PUBLIC: Principal = Object.freeze({ id: null, role: 'public', regionCode: null, departmentId: null, regionCodes: [] as string[] }) as Principal;

/** duban itself acting (CLI commands, demo loader, scheduled jobs). */
export const SYSTEM: Principal = Object.freeze({ id: null, role: 'admin', regionCode: null, departmentId: null, regionCodes: [] as string[], system: true }) as Principal;

/**
 * The principal behind an `Actor` handed to a use case: a full principal as is; an actor without
 * a user id and without a region (role null, or the workflow's SYSTEM_ACTOR) is the system; any
 * other bare actor is the public.
 */
export function principalOf(actor: Actor): Principal {
  const p = actor as Partial<Principal>;
  if (p.system) return actor as Principal;
  if (Array.isArray(p.regionCodes) && p.role) return actor as Principal;
  if (actor.id === null && (actor.role === null || (actor.role === 'admin' && p.regionCode === null)))
    return { ...SYSTEM, clientAddress: actor.clientAddress ?? null };
  return { ...PUBLIC, clientAddress: actor.clientAddress ?? null };
}
