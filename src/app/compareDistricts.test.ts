/**
 * Today's 区县比较 is kept by the process while the region's scope version stays the same: after any
 * sequence of writes to what the table shows (reports, commitments, plans, indicator values,
 * counties added or renamed) and day changes, a read gives the table evaluated afresh; and a read
 * with nothing written since gives the kept table itself, without making it again.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { upsertRegion } from '../store/regions.ts';
import { upsertPlan } from '../store/plans.ts';
import { upsertIndicatorValue } from '../store/economy.ts';
import { createContext } from './context.ts';
import { compareDistricts } from './compareDistricts.ts';
import { buildWorld } from './workflow/testWorld.ts';

const CITY = '430500';
const NEW_COUNTIES = ['430511', '430512', '430513'];
const SECTORS = ['民生保障', '产业发展'];
const STATES = ['assigned', 'inProgress', 'closed', 'cancelled'] as const;
const INDICATORS = ['地区生产总值', '固定资产投资'];

type Op =
  | { kind: 'commitment'; county: number; state: number; sector: number; target: number; livelihood: boolean }
  | { kind: 'report'; pick: number; month: number; value: number; accepted: boolean }
  | { kind: 'deleteReport'; pick: number }
  | { kind: 'change'; pick: number; state: number }
  | { kind: 'indicator'; county: number; indicator: number; month: number; value: number; growth: number | null }
  | { kind: 'rename'; county: number; name: number }
  | { kind: 'county' }
  | { kind: 'plan'; county: number }
  | { kind: 'day'; day: number }
  | { kind: 'read' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('commitment' as const), county: fc.nat(9), state: fc.nat(STATES.length - 1), sector: fc.nat(1), target: fc.integer({ min: 1, max: 5000 }), livelihood: fc.boolean() }),
  fc.record({ kind: fc.constant('report' as const), pick: fc.nat(40), month: fc.integer({ min: 1, max: 5 }), value: fc.integer({ min: 0, max: 6000 }), accepted: fc.boolean() }),
  fc.record({ kind: fc.constant('deleteReport' as const), pick: fc.nat(200) }),
  fc.record({ kind: fc.constant('change' as const), pick: fc.nat(40), state: fc.nat(STATES.length - 1) }),
  fc.record({ kind: fc.constant('indicator' as const), county: fc.nat(9), indicator: fc.nat(1), month: fc.integer({ min: 1, max: 5 }), value: fc.integer({ min: 1, max: 900 }), growth: fc.option(fc.integer({ min: -50, max: 150 }).map((g) => g / 10), { nil: null }) }),
  fc.record({ kind: fc.constant('rename' as const), county: fc.nat(9), name: fc.nat(99) }),
  fc.constant({ kind: 'county' as const }),
  fc.record({ kind: fc.constant('plan' as const), county: fc.nat(9) }),
  fc.record({ kind: fc.constant('day' as const), day: fc.integer({ min: 3, max: 6 }) }),
  fc.constant({ kind: 'read' as const }),
);

describe.each(testEngines())('the kept 区县比较 on %s', (engine) => {
  let db: Db;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let today = '2024-06-03';
  beforeAll(async () => {
    db = await openTestDb(engine);
    w = await buildWorld(db);
  });
  afterAll(async () => {
    await new Promise((r) => setImmediate(r));
    await db?.close();
  });

  it('is the table evaluated afresh after any writes, and the same table while nothing was written', async () => {
    const ctx = createContext(db, undefined, () => today);
    // the table evaluated at today's date, kept figures and kept tables unused (another day's path)
    const fresh = () => compareDistricts(createContext(db, undefined, () => '1999-01-01'), { actor, regionCode: CITY, year: 2024, asOf: today });
    const actor = { ...w.actors.cityAdmin, regionCodes: [CITY, '430502', '430503', ...NEW_COUNTIES] };
    const counties = ['430502', '430503'];
    const plans = new Map<string, string>([['430502', w.ids.plan], ['430503', w.ids.otherPlan]]);
    const leads = new Map<string, string>([['430502', w.ids.hr], ['430503', w.ids.otherDept]]);
    const ids: { id: string; region: string }[] = [];
    const reports: string[] = [];
    const run = async (o: Op) => {
      const county = 'county' in o ? counties[o.county % counties.length]! : '';
      switch (o.kind) {
        case 'commitment': {
          const plan = plans.get(county);
          if (!plan) return;
          const c = await w.commitment({ regionCode: county, planId: plan, leadDepartmentId: leads.get(county) ?? null, coDepartmentIds: [], state: STATES[o.state], sector: SECTORS[o.sector], targetValue: String(o.target), livelihood: o.livelihood, deadline: '2024-11-30' });
          ids.push({ id: c.id, region: county });
          break;
        }
        case 'report': {
          const c = ids[o.pick % Math.max(1, ids.length)];
          const lead = c && leads.get(c.region);
          if (!c || !lead) return;
          const id = randomUUID();
          await db.query(
            `insert into progress_report (id, region_code, commitment_id, department_id, period, cumulative_value, state) values ($1, $2, $3, $4, $5, $6, $7)
             on conflict (region_code, commitment_id, department_id, period) do update set cumulative_value = excluded.cumulative_value, state = excluded.state`,
            [id, c.region, c.id, lead, `2024-0${o.month}`, String(o.value), o.accepted ? 'accepted' : 'submitted']);
          reports.push(id);
          break;
        }
        case 'deleteReport':
          if (reports.length) await db.query('delete from progress_report where id = $1', [reports.splice(o.pick % reports.length, 1)[0]]);
          break;
        case 'change':
          if (ids.length) await db.query('update commitment set state = $2 where id = $1', [ids[o.pick % ids.length]!.id, STATES[o.state]]);
          break;
        case 'indicator':
          await upsertIndicatorValue(db, { id: randomUUID(), regionCode: county, indicator: INDICATORS[o.indicator]!, period: `2024-0${o.month}`, periodType: 'month', cumulative: true, value: String(o.value), unit: '亿元', yoyGrowth: o.growth });
          break;
        case 'rename':
          await db.query('update region set name = $2 where code = $1', [county, `县${o.name}`]);
          break;
        case 'county': {
          const code = NEW_COUNTIES.find((c) => !counties.includes(c));
          if (!code) return;
          await upsertRegion(db, { code, name: `新县${code}`, level: 'county', parentCode: CITY });
          counties.push(code);
          break;
        }
        case 'plan':
          if (plans.has(county)) return;
          plans.set(county, randomUUID());
          await upsertPlan(db, { id: plans.get(county)!, regionCode: county, year: 2024, title: '2024', sourceDocumentId: null });
          break;
        case 'day':
          today = `2024-06-0${o.day}`;
          break;
        case 'read': {
          const table = await compareDistricts(ctx, { actor, regionCode: CITY, year: 2024 });
          expect(table).toEqual(await fresh());
          // nothing written since: the kept table itself
          expect(await compareDistricts(ctx, { actor, regionCode: CITY, year: 2024 })).toBe(table);
        }
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of [...ops, { kind: 'read' } as const]) await run(o);
      }),
      { numRuns: 10 },
    );
  });
});
