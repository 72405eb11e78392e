/**
 * The month-end rush's district (bench/workflowServer.ts, bench/instances.ts): 200 departments,
 * one reporter each with an API token, 5 weekly commitments per department, in region 439901 —
 * or, for a city's rush, spread over `districts` districts (439901, 439902, …; department i in the
 * i % districts-th), each with its own plan and so its own audit chain. Not a bench section itself.
 */
import { randomUUID } from 'node:crypto';
import { newSecret, sha256 } from '../src/app/auth/secrets.ts';
import { insertRows } from '../src/demo/bulk.ts';
import { periodsInWindow, periodRange } from '../src/domain/schedule.ts';
import type { Queryable } from '../src/store/db.ts';

export const REGION = '439901';
export const CLIENTS = 200;
export const PER_CLIENT = 5;
const START = '2025-01-06';
const DEADLINE = '2026-12-31';

export interface RushClient { token: string; tokenHash: string; commitments: string[]; userId: string; departmentId: string; regionCode: string }

/** The rush's districts. */
export const rushRegions = (districts: number) => Array.from({ length: districts }, (_, i) => String(Number(REGION) + i));

/** Seeds the district (call in a transaction); the weekly periods up to today, oldest first, and the clients. */
export async function seedRush(tx: Queryable, today: string, districts = 1): Promise<{ periods: string[]; clients: RushClient[] }> {
  const periods = periodsInWindow(START, DEADLINE, 'weekly').filter((p) => periodRange(p).start <= today);
  const regions = rushRegions(districts);
  const plans = new Map<string, string>();
  for (const [i, code] of regions.entries()) {
    await tx.query(`insert into region (code, name, level) values ($1, $2, 'county')`, [code, i ? `压测${i + 1}区` : '压测区']);
    plans.set(code, randomUUID());
    await tx.query(`insert into plan (id, region_code, year, title) values ($1, $2, 2025, '压测')`, [plans.get(code), code]);
  }
  const depts = Array.from({ length: CLIENTS }, (_, i) => ({ id: randomUUID(), regionCode: regions[i % districts]!, name: `单位${i + 1}`, shortName: null }));
  await insertRows(tx, 'department', depts);
  const users = depts.map((d, i) => ({ id: randomUUID(), regionCode: d.regionCode, username: `load${i + 1}`, displayName: `填报员${i + 1}`, role: 'reporter', departmentId: d.id }));
  await insertRows(tx, 'app_user', users);
  const commitments = depts.flatMap((d, i) =>
    Array.from({ length: PER_CLIENT }, (_, k) => ({
      id: randomUUID(), regionCode: d.regionCode, planId: plans.get(d.regionCode)!, parentId: null, title: `单位${i + 1}任务${k + 1}`, sector: `领域${k + 1}`, kind: 'quantitative',
      livelihood: false, targetValue: '100000', targetValueMax: null, unit: '个', comparator: 'gte', baselineValue: null, startDate: START, deadline: DEADLINE,
      leadDepartmentId: d.id, coDepartmentIds: '{}', responsibleLeader: null, milestones: [], weight: 1, reportingFrequency: 'weekly', state: 'inProgress', published: false, source: null,
    })),
  );
  await insertRows(tx, 'commitment', commitments, ['milestones', 'source']);
  const clients = users.map((u, i) => {
    const token = newSecret('dbt_');
    return { token, tokenHash: sha256(token), commitments: commitments.slice(i * PER_CLIENT, (i + 1) * PER_CLIENT).map((c) => c.id), userId: u.id, departmentId: u.departmentId, regionCode: u.regionCode };
  });
  await insertRows(tx, 'api_token', clients.map((c) => ({ id: randomUUID(), regionCode: c.regionCode, userId: c.userId, name: 'bench', tokenHash: c.tokenHash })));
  return { periods, clients };
}

/**
 * The rush's requests for `clients`: the n-th submission goes to a fresh (commitment, week) slot —
 * client by client, then commitment, then week — so no two submissions ever share a slot; the list
 * is the client's department's commitments with their status.
 */
export function rushRequests(clients: { token: string; commitments: string[]; regionCode?: string }[], periods: string[]) {
  const slots = clients.length * clients[0]!.commitments.length * periods.length;
  return {
    slots,
    submit(n: number, key: string) {
      const i = n % slots;
      const c = clients[i % clients.length]!;
      const k = Math.floor(i / clients.length);
      const commitment = c.commitments[k % c.commitments.length]!;
      const period = periods[Math.floor(k / c.commitments.length)]!;
      const value = String(10 * (k + 1));
      return {
        commitment, period, value,
        method: 'POST' as const, path: `/api/commitments/${commitment}/reports`,
        headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ period, cumulativeValue: value, narrative: '本周按计划推进' }),
      };
    },
    list(n: number) {
      const c = clients[n % clients.length]!;
      return { method: 'GET' as const, path: `/api/commitments?region=${c.regionCode ?? REGION}`, headers: { authorization: `Bearer ${c.token}` } };
    },
  };
}
