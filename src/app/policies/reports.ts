/** Who may read, write and review progress reports (进展). */
import type { Commitment, ProgressReport } from '../../domain/types.ts';
import { commitmentPolicy, involves } from './commitments.ts';
import { isAdminOf } from './scope.ts';
import type { Principal } from './principal.ts';

type C = Pick<Commitment, 'regionCode' | 'leadDepartmentId' | 'coDepartmentIds' | 'published'>;
type R = Pick<ProgressReport, 'regionCode' | 'departmentId' | 'state'>;

export const reportPolicy = {
  /**
   * Offices and leaders: every report of a commitment they read. A reporter: its own department's
   * reports in any state, another department's (e.g. the lead's, seen by a co-department) only once
   * accepted — the record the commitment's status is computed from; drafts, reports under review,
   * returned ones and their evidence stay with their department. The public: accepted reports of
   * published commitments.
   */
  read(p: Principal, r: R, c: C): boolean {
    if (p.system) return true;
    if (p.role === 'public') return c.published && r.state === 'accepted';
    if (p.role === 'reporter') return commitmentPolicy.read(p, c) && (r.departmentId === p.departmentId || r.state === 'accepted');
    return commitmentPolicy.read(p, c);
  },
  /** A reporter of the lead or a co-department submits for its own department. */
  submit: (p: Principal, c: C): boolean => p.role === 'reporter' && p.regionCode === c.regionCode && involves(c, p.departmentId),
  /** Only its own department's reporters edit (and resubmit) a report. */
  edit: (p: Principal, r: R): boolean => p.role === 'reporter' && p.regionCode === r.regionCode && p.departmentId === r.departmentId,
  /** 审核: the region's office. */
  review: (p: Principal, r: R): boolean => isAdminOf(p, r.regionCode),
};
