/** Who may manage accounts and read the audit trail. */
import type { User } from '../../domain/types.ts';
import { isAdminOf, readsRegion } from './scope.ts';
import type { Principal } from './principal.ts';

export const userPolicy = {
  /** An office manages the accounts of its own region. */
  manage: (p: Principal, u: Pick<User, 'regionCode'>): boolean => isAdminOf(p, u.regionCode),
  /** Offices list the accounts of their region and, read-only, of the regions below. */
  list: (p: Principal, regionCode: string): boolean => p.system === true || (p.role === 'admin' && readsRegion(p, regionCode)),
};

export const auditPolicy = {
  /** 留痕 is read by offices, for their region and the regions below it. */
  read: (p: Principal, regionCode: string): boolean => p.system === true || (p.role === 'admin' && readsRegion(p, regionCode)),
};
