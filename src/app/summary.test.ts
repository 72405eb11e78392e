/**
 * The city and province 总览 and the 区县比较 add up kept district figures: after any sequence of
 * writes, day changes and reads, each district's kept groups are exactly those counted from a fresh
 * evaluation, the sum over districts is the fresh summary of all of them, the comparison table
 * gives each district its plan's fresh counts, and a district's own 总览 (evaluated when its kept
 * figures are stale, else read from them) is its fresh evaluation's.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { createContext, type AppContext } from './context.ts';
import { listEvaluatedCommitments, type EvaluatedCommitment } from './evaluatedCommitments.ts';
import { compareDistricts } from './compareDistricts.ts';
import { commitmentSummary, districtGroups, districtItems, keptEvaluation, refreshDistrictSummaries, summarize, SUPERVISED_STATES, trendCounts, type Summary } from './summary.ts';
import { trendMonthEnds } from '../domain/dates.ts';
import { scopeOverview } from './scopeOverview.ts';
import { listPlans, upsertPlan } from '../store/plans.ts';
import { buildWorld } from './workflow/testWorld.ts';

const REGIONS = ['430502', '430503'] as const;
const SECTORS = ['民生保障', '产业发展', '城市建设'];
const STATES = ['draft', 'assigned', 'inProgress', 'closeRequested', 'closed', 'cancelled'] as const;
const REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;

type Op =
  | { kind: 'commitment'; region: 0 | 1; lastYear: boolean; state: number; sector: number; target: number; parent: number | null; months: number }
  | { kind: 'report'; pick: number; month: number; value: number; state: number }
  | { kind: 'deleteReport'; pick: number }
  | { kind: 'change'; pick: number; state: number; sector: number }
  | { kind: 'move'; pick: number; plan: boolean; lead: number; parent: number | null }
  | { kind: 'deleteCommitment'; pick: number }
  | { kind: 'day'; month: number; day: number }
  | { kind: 'read' }
  | { kind: 'districtRead'; region: 0 | 1 };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('commitment' as const), region: fc.constantFrom(0 as const, 1 as const), lastYear: fc.boolean(), state: fc.nat(STATES.length - 1), sector: fc.nat(2), target: fc.integer({ min: 1, max: 5000 }), parent: fc.option(fc.nat(40), { nil: null }), months: fc.integer({ min: 1, max: 12 }) }), weight: 2 },
  // a report on any commitment, subtasks included (their parents roll up)
  { arbitrary: fc.record({ kind: fc.constant('report' as const), pick: fc.nat(40), month: fc.integer({ min: 1, max: 6 }), value: fc.integer({ min: 0, max: 6000 }), state: fc.nat(3) }), weight: 3 },
  fc.record({ kind: fc.constant('deleteReport' as const), pick: fc.nat(200) }),
  fc.record({ kind: fc.constant('change' as const), pick: fc.nat(40), state: fc.nat(STATES.length - 1), sector: fc.nat(2) }),
  // another plan (of the other year), lead department (or none) or parent (an earlier commitment, or none)
  { arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(40), plan: fc.boolean(), lead: fc.nat(2), parent: fc.option(fc.nat(40), { nil: null }) }), weight: 2 },
  fc.record({ kind: fc.constant('deleteCommitment' as const), pick: fc.nat(40) }),
  // days of June to August: month-ends pass, so the trend grows by a point without a write
  fc.record({ kind: fc.constant('day' as const), month: fc.integer({ min: 6, max: 8 }), day: fc.integer({ min: 1, max: 31 }) }),
  fc.constant({ kind: 'read' as const }),
  // a district's own 总览 between the city's reads: after a write it evaluates the commitments
  // written to only (once it keeps today's evaluations), and leaves the trend stale; the most
  // frequent operation, so that most writes are followed by such a read
  { arbitrary: fc.record({ kind: fc.constant('districtRead' as const), region: fc.constantFrom(0 as const, 1 as const) }), weight: 4 },
);

/** Everything but the averages must match exactly; averages of several districts up to float summation order. */
function expectSameTotals(kept: Summary, scratch: Summary) {
  const counts = (s: Summary) => JSON.stringify({ ...s, total: { ...s.total, averageCompletion: 0 }, bySector: s.bySector.map((g) => ({ ...g, averageCompletion: 0 })), byDepartment: s.byDepartment.map((g) => ({ ...g, averageCompletion: 0 })) });
  expect(counts(kept)).toBe(counts(scratch));
  const averages = (s: Summary) => [s.total, ...s.bySector, ...s.byDepartment].map((g) => g.averageCompletion);
  averages(kept).forEach((a, i) => (a === null ? expect(averages(scratch)[i]).toBeNull() : expect(Math.abs(a - averages(scratch)[i]!)).toBeLessThanOrEqual(0.1)));
}

describe.each(testEngines())('kept district summaries on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let today = '2024-06-03';
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => today);
    w = await buildWorld(db);
  });
  afterAll(async () => {
    // the district reads' groups are kept after they answer: let those still queued finish first
    await new Promise((r) => setImmediate(r));
    await db?.transaction(async () => {});
    await db?.close();
  });

  /** The district's kept figures are exactly those of its fresh evaluation `scratch`: per commitment, groups, listed items. */
  const expectKept = async (region: string, scratch: EvaluatedCommitment[]) => {
    const evaluations = await db.query<Record<string, unknown>>(
      `select commitment_id as "commitmentId", plan_id as "planId", sector, lead, livelihood, status, overdue, report_overdue as "reportOverdue",
         deadline_overdue as "deadlineOverdue", done, rate from region_summary_commitment where region_code = $1 order by commitment_id`, [region]);
    expect(evaluations).toEqual(scratch.map(keptEvaluation).sort((a, b) => (a.commitmentId < b.commitmentId ? -1 : 1)));
    const kept = await db.query<Record<string, unknown>>('select * from region_summary_group where region_code = $1', [region]);
    const row = (g: ReturnType<typeof districtGroups>[number]) => ({ plan_id: g.planId, kind: g.kind, key: g.key, total: g.total, not_started: g.byStatus.notStarted, on_track: g.byStatus.onTrack, lagging: g.byStatus.lagging, seriously_lagging: g.byStatus.seriouslyLagging, completed: g.byStatus.completed, exceeded: g.byStatus.exceeded, overdue: g.overdue, report_overdue: g.reportOverdue, deadline_overdue: g.deadlineOverdue, rate_count: g.rateCount, done: g.done, rate_sum: g.rateSum });
    const order = (a: Record<string, unknown>, b: Record<string, unknown>) => `${a.plan_id}|${a.kind}|${a.key}`.localeCompare(`${b.plan_id}|${b.kind}|${b.key}`);
    const expected = districtGroups(scratch).map(row).sort(order);
    const got = kept.map(({ region_code: _r, ...k }) => k).sort(order);
    expect(got.map(({ rate_sum: _s, ...k }) => k)).toEqual(expected.map(({ rate_sum: _s, ...k }) => k));
    got.forEach((k, i) => expect(k.rate_sum).toBeCloseTo(expected[i]!.rate_sum, 9));
    // its listed commitments (滞后 or 逾期) are those of the fresh evaluation, as evaluated
    const items = await db.query<{ commitment_id: string; plan_id: string; behind: boolean; overdue: boolean; lag: number | null; item: unknown }>(
      'select commitment_id, plan_id, behind, overdue, lag, item from region_summary_item where region_code = $1 order by commitment_id', [region]);
    const byId = (a: { commitmentId: string }, b: { commitmentId: string }) => (a.commitmentId < b.commitmentId ? -1 : 1);
    expect(items.map((i) => ({ planId: i.plan_id, commitmentId: i.commitment_id, behind: i.behind, overdue: i.overdue, lag: i.lag, item: typeof i.item === 'string' ? JSON.parse(i.item) : i.item })))
      .toEqual(JSON.parse(JSON.stringify(districtItems(scratch).sort(byId))));
  };
  /** Waits until the figures a district's read keeps after answering are stored (a real wait on PostgreSQL: another connection). */
  const storedSummary = async (region: string) => {
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 2000; i++) {
      const [row] = await db.query<{ stored: boolean }>('select generation = stored_generation as stored from region_summary where region_code = $1', [region]);
      if (!row || row.stored) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the 总览 figures of ${region} were not stored`);
  };
  it('equal a fresh evaluation after any writes, day changes and reads', async () => {
    const ids: { id: string; region: string; plan: string; lead: string }[] = [];
    const reports: { id: string }[] = [];
    const plans: string[] = [w.ids.plan, w.ids.otherPlan];
    // a 2023 plan in each district too: the city's 总览 shows one plan year
    const lastYearPlans: string[] = [randomUUID(), randomUUID()];
    for (const [i, id] of lastYearPlans.entries()) await upsertPlan(db, { id, regionCode: REGIONS[i]!, year: 2023, title: '2023', sourceDocumentId: null });
    const leads = [w.ids.hr, w.ids.otherDept];
    const run = async (o: Op) => {
      switch (o.kind) {
        case 'commitment': {
          const region = REGIONS[o.region];
          const plan = (o.lastYear ? lastYearPlans : plans)[o.region]!;
          const samePlan = ids.filter((c) => c.plan === plan);
          const parent = o.parent !== null && samePlan.length ? samePlan[o.parent % samePlan.length]!.id : null;
          const c = await w.commitment({ regionCode: region, planId: plan, leadDepartmentId: leads[o.region], coDepartmentIds: [], parentId: parent, state: STATES[o.state], sector: SECTORS[o.sector], targetValue: String(o.target), deadline: `2024-${String(o.months).padStart(2, '0')}-28` });
          ids.push({ id: c.id, region, plan, lead: leads[o.region]! });
          break;
        }
        case 'report': {
          if (!ids.length) return;
          const c = ids[o.pick % ids.length]!;
          const id = randomUUID();
          await db.query(
            `insert into progress_report (id, region_code, commitment_id, department_id, period, cumulative_value, state) values ($1, $2, $3, $4, $5, $6, $7)
             on conflict (region_code, commitment_id, department_id, period) do update set cumulative_value = excluded.cumulative_value, state = excluded.state`,
            [id, c.region, c.id, c.lead, `2024-0${o.month}`, String(o.value), REPORT_STATES[o.state]]);
          reports.push({ id });
          break;
        }
        case 'deleteReport':
          if (reports.length) await db.query('delete from progress_report where id = $1', [reports.splice(o.pick % reports.length, 1)[0]!.id]);
          break;
        case 'change':
          if (ids.length) await db.query('update commitment set state = $2, sector = $3 where id = $1', [ids[o.pick % ids.length]!.id, STATES[o.state], SECTORS[o.sector]]);
          break;
        case 'day':
          today = `2024-0${o.month}-${String(Math.min(o.day, o.month === 6 ? 30 : 31)).padStart(2, '0')}`;
          break;
        case 'move': {
          if (!ids.length) return;
          const i = o.pick % ids.length;
          const c = ids[i]!;
          const r = REGIONS.indexOf(c.region as (typeof REGIONS)[number]);
          // region 430502 has two departments: another lead, or none; the other region none or its own
          const leadOptions = c.region === REGIONS[0] ? [w.ids.hr, w.ids.edu, null] : [w.ids.otherDept, null, w.ids.otherDept];
          const lead = leadOptions[o.lead]!;
          if (o.plan) {
            // to its district's plan of the other year, with its subtasks (a tree is of one plan), as a top-level one
            const otherPlan = c.plan === plans[r] ? lastYearPlans[r]! : plans[r]!;
            const moved = await db.query<{ id: string }>(
              `with recursive t as (select id from commitment where id = $1 union select s.id from commitment s join t on s.parent_id = t.id)
               update commitment set plan_id = $2, lead_department_id = case when id = $1 then $3::uuid else lead_department_id end, parent_id = case when id = $1 then null else parent_id end
               where id in (select id from t) returning id`,
              [c.id, otherPlan, lead]);
            for (const m of moved) ids.find((x) => x.id === m.id)!.plan = otherPlan;
          } else {
            // under an earlier commitment of its plan (so no cycle can form), or none
            const earlier = ids.slice(0, i).filter((x) => x.plan === c.plan);
            const parent = o.parent !== null && earlier.length ? earlier[o.parent % earlier.length]!.id : null;
            await db.query('update commitment set lead_department_id = $2, parent_id = $3 where id = $1', [c.id, lead, parent]);
          }
          if (lead) c.lead = lead;
          break;
        }
        case 'deleteCommitment': {
          if (!ids.length) return;
          const [c] = ids.splice(o.pick % ids.length, 1);
          // its subtasks go up to its parent, its reports with it
          await db.query('update commitment set parent_id = (select parent_id from commitment where id = $1) where parent_id = $1', [c!.id]);
          await db.query('delete from progress_report where commitment_id = $1', [c!.id]);
          await db.query('delete from commitment where id = $1', [c!.id]);
          break;
        }
        case 'districtRead': {
          // a district's 总览 is its fresh evaluation's, whether read from kept groups, evaluated
          // again for the commitments written to since, or evaluated whole
          const region = REGIONS[o.region];
          const fresh = await listEvaluatedCommitments(db, ctx, { regionCodes: [region], parentId: null, states: SUPERVISED_STATES, unordered: true });
          const scratch = summarize(fresh);
          expectSameTotals(await commitmentSummary(db, ctx, { regionCodes: [region] }), scratch);
          // and what it kept (once stored, after the answer when evaluated whole) is that evaluation's
          await storedSummary(region);
          await expectKept(region, fresh);
          expectSameTotals(await commitmentSummary(db, ctx, { regionCodes: [region] }), scratch);
          break;
        }
        case 'read': {
          const scope = ['430500', ...REGIONS];
          await refreshDistrictSummaries(db, ctx, scope);
          for (const region of REGIONS) {
            // each district's kept evaluations, groups and listed commitments are exactly those of a fresh evaluation
            const scratch = await listEvaluatedCommitments(db, ctx, { regionCodes: [region], parentId: null, states: SUPERVISED_STATES, unordered: true });
            await expectKept(region, scratch);
            // its trend: each plan evaluated afresh at each month-end of its year so far
            const trend = await db.query<Record<string, unknown>>(
              `select plan_id, to_char(month_end, 'YYYY-MM-DD') as month_end, total, behind, rate_sum, rate_count from region_summary_trend where region_code = $1 order by plan_id, month_end`, [region]);
            const expectedTrend: ReturnType<typeof trendCounts>[] = [];
            for (const plan of (await listPlans(db, [region])).sort((a, b) => (a.id < b.id ? -1 : 1)))
              for (const monthEnd of trendMonthEnds(plan.year, today))
                expectedTrend.push(trendCounts(plan.id, monthEnd, await listEvaluatedCommitments(db, ctx, { regionCodes: [region], planId: plan.id, parentId: null, states: SUPERVISED_STATES, unordered: true, asOf: monthEnd })));
            expect(trend.map((t) => ({ planId: t.plan_id, monthEnd: t.month_end, total: t.total, behind: t.behind, rateCount: t.rate_count })))
              .toEqual(expectedTrend.map(({ rateSum: _s, ...t }) => t));
            trend.forEach((t, i) => expect(t.rate_sum).toBeCloseTo(expectedTrend[i]!.rateSum, 9));
          }
          // the city's 总览 of a year: counts, lists and trend of its commitments of that year's plans, evaluated at once
          const ofYear = (items: EvaluatedCommitment[]) => items.filter((c) => plans.includes(c.planId));
          const fresh = ofYear(await listEvaluatedCommitments(db, ctx, { regionCodes: scope, parentId: null, states: SUPERVISED_STATES, unordered: true }));
          const overview = await scopeOverview(ctx, { actor: w.actors.cityAdmin, regionCode: '430500', year: 2024, limit: 5 });
          expectSameTotals(overview.summary, summarize(fresh, true));
          const lagOrder = (a: EvaluatedCommitment, b: EvaluatedCommitment) => (b.evaluation.lag ?? -Infinity) - (a.evaluation.lag ?? -Infinity) || (a.id < b.id ? -1 : 1);
          for (const [list, keep] of [[overview.lagging, (c: EvaluatedCommitment) => ['lagging', 'seriouslyLagging'].includes(c.evaluation.status)], [overview.overdue, (c: EvaluatedCommitment) => c.evaluation.overdue]] as const) {
            const wanted = fresh.filter(keep).sort(lagOrder);
            expect(list.count).toBe(wanted.length);
            expect(list.items).toEqual(JSON.parse(JSON.stringify(wanted.slice(0, 5).map((c) => ({ id: c.id, regionCode: c.regionCode, planId: c.planId, title: c.title, sector: c.sector, leadDepartmentId: c.leadDepartmentId, evaluation: c.evaluation })))));
          }
          const freshTrend: { month: string; averageCompletion: number | null; behind: number }[] = [];
          for (const monthEnd of trendMonthEnds(2024, today)) {
            const { total } = summarize(ofYear(await listEvaluatedCommitments(db, ctx, { regionCodes: scope, parentId: null, states: SUPERVISED_STATES, unordered: true, asOf: monthEnd })));
            freshTrend.push({ month: monthEnd.slice(0, 7), averageCompletion: total.averageCompletion, behind: total.byStatus.lagging + total.byStatus.seriouslyLagging });
          }
          expect(overview.trend.map((t) => ({ ...t, averageCompletion: null }))).toEqual(freshTrend.map((t) => ({ ...t, averageCompletion: null })));
          overview.trend.forEach((t, i) => (t.averageCompletion === null ? expect(freshTrend[i]!.averageCompletion).toBeNull() : expect(Math.abs(t.averageCompletion - freshTrend[i]!.averageCompletion!)).toBeLessThanOrEqual(0.1)));
          // each district's own 总览 (its kept groups now) is its fresh evaluation's
          for (const region of REGIONS) {
            expectSameTotals(await commitmentSummary(db, ctx, { regionCodes: [region] }), summarize(await listEvaluatedCommitments(db, ctx, { regionCodes: [region], parentId: null, states: SUPERVISED_STATES, unordered: true })));
          }
          // the city adds them up: the summary of all its commitments evaluated at once
          const all = summarize(await listEvaluatedCommitments(db, ctx, { regionCodes: scope, parentId: null, states: SUPERVISED_STATES, unordered: true }), true);
          const summed = await commitmentSummary(db, ctx, { regionCodes: scope });
          expectSameTotals(summed, all);
          // read again with no write between: the scope's kept sums, the same
          expect(await commitmentSummary(db, ctx, { regionCodes: scope })).toEqual(summed);
          // and the comparison table gives each district its plan's counts
          const table = await compareDistricts(ctx, { actor: w.actors.cityAdmin, regionCode: '430500', year: 2024 });
          for (const [i, region] of REGIONS.entries()) {
            const items = await listEvaluatedCommitments(db, ctx, { regionCodes: [region], planId: plans[i], parentId: null, states: SUPERVISED_STATES, unordered: true });
            const { total } = summarize(items);
            const livelihood = items.filter((c) => c.livelihood);
            expect(table.districts.find((d) => d.regionCode === region)).toEqual({
              regionCode: region, name: expect.any(String), planId: plans[i], commitments: total.total, completed: total.byStatus.completed + total.byStatus.exceeded,
              averageCompletion: total.averageCompletion, lagging: total.byStatus.lagging, seriouslyLagging: total.byStatus.seriouslyLagging,
              reportOverdue: total.reportOverdue, deadlineOverdue: total.deadlineOverdue,
              livelihood: { total: livelihood.length, done: livelihood.filter((c) => ['completed', 'exceeded'].includes(c.evaluation.status) || c.state === 'closed').length },
            });
          }
        }
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 60, size: 'max' }), async (ops) => {
        await db.query('delete from progress_report');
        await db.query('update commitment set parent_id = null');
        await db.query('delete from commitment');
        ids.length = 0;
        reports.length = 0;
        for (const o of [...ops, { kind: 'read' } as const]) await run(o);
      }),
      { numRuns: 25 },
    );
  });

  it('leave a write that commits while a district read recomputes marked, and the district stale', async () => {
    await db.query('delete from progress_report');
    await db.query('update commitment set parent_id = null');
    await db.query('delete from commitment');
    today = '2024-06-03';
    const region = REGIONS[0];
    const c = await w.commitment({ regionCode: region, planId: w.ids.plan, leadDepartmentId: w.ids.hr, coDepartmentIds: [], parentId: null, state: 'assigned', sector: SECTORS[0], targetValue: '100', deadline: '2024-12-28' });
    const fresh = async () => summarize(await listEvaluatedCommitments(db, ctx, { regionCodes: [region], parentId: null, states: SUPERVISED_STATES, unordered: true }));
    const other = await w.commitment({ regionCode: region, planId: w.ids.plan, leadDepartmentId: w.ids.hr, coDepartmentIds: [], parentId: null, state: 'assigned', sector: SECTORS[1], targetValue: '100', deadline: '2024-12-28' });
    const report = (value: number, on = c.id) => db.query(
      `insert into progress_report (id, region_code, commitment_id, department_id, period, cumulative_value, state) values ($1, $2, $3, $4, '2024-05', $5, 'accepted')
       on conflict (region_code, commitment_id, department_id, period) do update set cumulative_value = excluded.cumulative_value`, [randomUUID(), region, on, w.ids.hr, String(value)]);
    await commitmentSummary(db, ctx, { regionCodes: [region] }); // evaluated whole, kept after answering
    await storedSummary(region);
    let value = 10;
    // the racing write commits right after the reader took its marks (before it evaluates), or after it evaluated (before it stores)
    for (const when of ['marks', 'store', 'marks', 'store'] as const) {
      await report(value++);
      let raced = false;
      let transactions = 0;
      const race = async () => {
        raced = true;
        await report(value++);
      };
      // the reader's first transaction begins its recomputation and takes the marks, its second stores
      const racing = new Proxy(db, {
        get(target, p) {
          if (p === 'transaction') {
            return async (fn: Parameters<Db['transaction']>[0]) => {
              transactions++;
              if (when === 'store' && transactions === 2) await race();
              const out = await target.transaction(fn);
              if (when === 'marks' && transactions === 1) await race();
              return out;
            };
          }
          const v = Reflect.get(target, p) as unknown;
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      await commitmentSummary(racing, createContext(racing, undefined, () => today), { regionCodes: [region] });
      expect(raced).toBe(true);
      // the racing write's mark stays and the district is stale: the next read evaluates it
      expect(await db.query('select 1 from region_summary_mark where region_code = $1 and commitment_id = $2', [region, c.id])).toHaveLength(1);
      expect((await db.query<{ dirty: boolean }>('select dirty from region_summary where region_code = $1', [region]))[0]!.dirty).toBe(true);
      expectSameTotals(await commitmentSummary(db, ctx, { regionCodes: [region] }), await fresh());
      await expectKept(region, await listEvaluatedCommitments(db, ctx, { regionCodes: [region], parentId: null, states: SUPERVISED_STATES, unordered: true }));
    }
    // a reader overtaken by another between its evaluation and its store stores nothing (the other
    // one, which cannot build on marks the first took, evaluates whole); both answers are fresh
    await report(value++, other.id);
    let overtaking: Summary | undefined;
    let transactions = 0;
    const overtaken = new Proxy(db, {
      get(target, p) {
        if (p === 'transaction') {
          return async (fn: Parameters<Db['transaction']>[0]) => {
            if (++transactions === 2) {
              await report(value++);
              overtaking = await commitmentSummary(db, ctx, { regionCodes: [region] });
            }
            return target.transaction(fn);
          };
        }
        const v = Reflect.get(target, p) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const first = await commitmentSummary(overtaken, createContext(overtaken, undefined, () => today), { regionCodes: [region] });
    expectSameTotals(overtaking!, await fresh());
    expectSameTotals(first, await fresh());
    await storedSummary(region);
    await expectKept(region, await listEvaluatedCommitments(db, ctx, { regionCodes: [region], parentId: null, states: SUPERVISED_STATES, unordered: true }));
    expectSameTotals(await commitmentSummary(db, ctx, { regionCodes: [region] }), await fresh());
  });

  // PGlite runs one statement at a time: a write cannot stay open while a read runs
  it.runIf(engine === 'postgres')('see a write that commits while a district nobody had read is first recomputed', async () => {
    today = '2024-06-03';
    const region = REGIONS[1];
    const c = await w.commitment({ regionCode: region, planId: w.ids.otherPlan, leadDepartmentId: w.ids.otherDept, coDepartmentIds: [], parentId: null, state: 'assigned', sector: SECTORS[0], targetValue: '100', deadline: '2024-12-28' });
    const fresh = async () => summarize(await listEvaluatedCommitments(db, ctx, { regionCodes: [region], parentId: null, states: SUPERVISED_STATES, unordered: true }));
    await storedSummary(region);
    for (const t of ['region_summary_mark', 'region_summary_commitment', 'region_summary_group', 'region_summary_item', 'region_summary_trend', 'region_summary']) await db.query(`delete from ${t} where region_code = $1`, [region]);
    // a report written while the district has no kept figures, committed only once the first read has begun its recomputation
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let writer!: (pid: number) => void;
    const writing = new Promise<number>((r) => (writer = r));
    const write = db.transaction(async (tx) => {
      await tx.query(`insert into progress_report (id, region_code, commitment_id, department_id, period, cumulative_value, state) values ($1, $2, $3, $4, '2024-05', '60', 'accepted')`, [randomUUID(), region, c.id, w.ids.otherDept]);
      writer((await tx.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid);
      await released;
    });
    const pid = await writing;
    let settled = false;
    const read = commitmentSummary(db, ctx, { regionCodes: [region] }).finally(() => (settled = true));
    // until the read waits for the writer (or, were it not to, has answered without it)
    while (!settled && !(await db.query('select 1 from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [pid])).length) await new Promise((r) => setTimeout(r, 5));
    const waited = !settled;
    release();
    await write;
    expectSameTotals(await read, await fresh());
    expect(waited).toBe(true);
    await storedSummary(region);
    expectSameTotals(await commitmentSummary(db, ctx, { regionCodes: [region] }), await fresh());
  });
});
