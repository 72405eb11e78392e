/**
 * Demo accounts (see README, "Demo accounts"): per district a 督查室 admin, a leader and a reporter
 * for every department that leads a sample commitment; per city a leader who reads its district.
 * All share DEMO_PASSWORD. Created through `createUser` as the system; an existing username is
 * left alone, so a second load changes nothing.
 */
import type { AppContext } from '../app/context.ts';
import { SYSTEM } from '../app/policies/principal.ts';
import { createUser } from '../app/users/createUser.ts';
import type { CreateUserInput } from '../app/users/input.ts';
import { getUserByUsername } from '../store/users.ts';
import type { CommitmentSpec, PlanSpec } from './spec.ts';
import { DEMO_REGIONS, DISTRICT_CODES, departmentsOf, districtName } from './districts.ts';

/** The password of every demo account. Demo data only: change or remove these accounts in production. */
export const DEMO_PASSWORD = 'duban2024';

/** Username prefix per region (pinyin). */
export const DEMO_USER_PREFIX: Record<string, string> = {
  '140802': 'yanhu', '430502': 'shuangqing', '430202': 'hetang', '360313': 'xiangdong',
  '140800': 'yuncheng', '430500': 'shaoyang', '430200': 'zhuzhou', '360300': 'pingxiang',
};

/** The accounts to create, given each district's department ids by key. */
export function demoAccounts(plans: readonly PlanSpec[], deptIds: Map<string, Map<string, string>>): CreateUserInput[] {
  const accounts: CreateUserInput[] = [];
  for (const code of DISTRICT_CODES) {
    const p = DEMO_USER_PREFIX[code]!;
    const name = districtName(code);
    accounts.push({ username: `${p}.admin`, displayName: `${name}督查室`, role: 'admin', regionCode: code });
    accounts.push({ username: `${p}.leader`, displayName: `${name}政府领导`, role: 'leader', regionCode: code });
    const leads = new Set<string>();
    const collect = (c: CommitmentSpec) => {
      if (!c.subtasks?.length) leads.add(c.lead);
      c.subtasks?.forEach(collect);
    };
    plans.filter((pl) => pl.regionCode === code).forEach((pl) => pl.commitments.forEach(collect));
    for (const d of departmentsOf(code).filter((d) => leads.has(d.key))) {
      accounts.push({
        username: `${p}.${d.key}`, displayName: `${d.shortName}填报员`, role: 'reporter', regionCode: code,
        departmentId: deptIds.get(code)!.get(d.key)!,
      });
    }
  }
  for (const city of DEMO_REGIONS.filter((r) => r.level === 'city')) {
    accounts.push({ username: `${DEMO_USER_PREFIX[city.code]}.leader`, displayName: `${city.name}政府领导`, role: 'leader', regionCode: city.code });
  }
  return accounts;
}

/** Creates the accounts not yet present; returns how many were created. */
export async function createDemoUsers(ctx: AppContext, accounts: readonly CreateUserInput[]): Promise<number> {
  const missing: CreateUserInput[] = [];
  for (const input of accounts) if (!(await getUserByUsername(ctx.db, input.username))) missing.push(input);
  // password hashing (argon2id) runs on the thread pool: a few at a time keeps the load quick
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const input = missing[next++]!;
      await createUser(ctx, { actor: SYSTEM, input, password: DEMO_PASSWORD });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return missing.length;
}
