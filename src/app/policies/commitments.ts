/** Who may read and change a commitment (目标任务). */
import type { Commitment } from '../../domain/types.ts';
import { isAdminOf, readsRegion } from './scope.ts';
import type { Principal } from './principal.ts';

type Target = Pick<Commitment, 'regionCode' | 'leadDepartmentId' | 'coDepartmentIds' | 'published'>;

/** The department is the lead (牵头) or a co-department (配合) of the commitment. */
export const involves = (c: Pick<Commitment, 'leadDepartmentId' | 'coDepartmentIds'>, departmentId: string | null): boolean =>
  departmentId !== null && (c.leadDepartmentId === departmentId || c.coDepartmentIds.includes(departmentId));

export const commitmentPolicy = {
  /** admin, leader: their regions; reporter: its department's commitments in its region; public: published ones. */
  read(p: Principal, c: Target): boolean {
    if (p.system) return true;
    switch (p.role) {
      case 'admin':
      case 'leader':
        return readsRegion(p, c.regionCode);
      case 'reporter':
        return p.regionCode === c.regionCode && involves(c, p.departmentId);
      default:
        return c.published;
    }
  },
  /** Internal detail (all reports, drafts, evidence): signed-in readers only. */
  readInternal(p: Principal, c: Target): boolean {
    return p.role !== 'public' && commitmentPolicy.read(p, c);
  },
  /** 立项 and edits: the region's own office. */
  create: (p: Principal, regionCode: string): boolean => isAdminOf(p, regionCode),
  update: (p: Principal, c: Target): boolean => isAdminOf(p, c.regionCode),
};
