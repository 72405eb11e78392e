/**
 * Who sees a department's 催办邮箱 (the e-mail address its reminders go to). Names and short names
 * of departments are public facts; the address is a person's or an office's mailbox and is shown
 * only to those whose work needs it: the region's own office (督查室), which sets it and sends the
 * reminders, and the department's own reporters (填报员), so they know where their reminders
 * arrive. Leaders, the city's office, other regions and the public get the department without it
 * (docs/decisions.md, "Departments' e-mail addresses").
 */
import { isAdminOf } from './scope.ts';
import type { Principal } from './principal.ts';

export const departmentPolicy = {
  seesEmail(p: Principal, d: { id: string; regionCode: string }): boolean {
    return isAdminOf(p, d.regionCode) || (p.role === 'reporter' && p.regionCode === d.regionCode && p.departmentId === d.id);
  },
};

/** `x` without its `email` field (absent, not null: null says the office set none). */
export function withoutEmail<T extends { email?: string | null }>(x: T): T {
  const { email: _hidden, ...rest } = x;
  return rest as T;
}

/** The department as `p` may see it: its `email` left out unless `p` sees e-mail addresses. */
export const presentDepartment = <T extends { id: string; regionCode: string; email?: string | null }>(p: Principal, d: T): T =>
  departmentPolicy.seesEmail(p, d) ? d : withoutEmail(d);
