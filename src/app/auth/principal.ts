/** Turns a stored account into the principal its requests act as. */
import type { Queryable } from '../../store/db.ts';
import { regionAndDescendants } from '../../store/regions.ts';
import type { UserRecord } from '../../store/users.ts';
import type { Principal } from '../policies/principal.ts';

const scopeCache = new Map<string, { codes: string[]; at: number }>();
const SCOPE_TTL_MS = 60_000;

/** Regions a user reads: admins and leaders their region and every region below; others their own. */
export async function readableRegions(q: Queryable, user: Pick<UserRecord, 'role' | 'regionCode'>): Promise<string[]> {
  if (user.role !== 'admin' && user.role !== 'leader') return [user.regionCode];
  const hit = scopeCache.get(user.regionCode);
  if (hit && Date.now() - hit.at < SCOPE_TTL_MS) return hit.codes;
  const codes = await regionAndDescendants(q, user.regionCode);
  scopeCache.set(user.regionCode, { codes, at: Date.now() });
  return codes;
}

export async function principalForUser(q: Queryable, user: UserRecord, clientAddress: string | null = null): Promise<Principal> {
  return {
    id: user.id,
    role: user.role,
    regionCode: user.regionCode,
    departmentId: user.departmentId,
    regionCodes: await readableRegions(q, user),
    mustChangePassword: user.mustChangePassword,
    clientAddress,
  };
}
