import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { listEvaluatedCommitments } from '../app/evaluatedCommitments.ts';
import { tryParseQuantity } from '../domain/quantity.ts';
import { STATUSES } from '../domain/types.ts';
import { buildServer } from '../server/app.ts';
import { backupRowProblems } from '../app/backup/backupRows.ts';
import { exportBackup } from '../store/backup.ts';
import type { Db } from '../store/db.ts';
import { findPlan } from '../store/plans.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { DISTRICT_CODES } from './districts.ts';
import { loadDemoData } from './loadDemo.ts';
import { signIn } from '../server/testing.ts';
import { DEMO_PASSWORD, DEMO_USER_PREFIX } from './users.ts';

const TODAY = '2026-10-20';

describe.each(testEngines())('demo data on %s', (engine) => {
  let db: Db;
  const ctx = () => createContext(db, undefined, () => TODAY);
  let first: Awaited<ReturnType<typeof loadDemoData>>;

  beforeAll(async () => {
    db = await openTestDb(engine);
    first = await loadDemoData(ctx());
  }); // the config's hook timeout: a busy 2-core machine loads the demo in well over a minute
  afterAll(async () => {
    await db?.close();
  });

  it('loads the four districts with a plan year each, projects, indicators and facts', async () => {
    expect(first.commitments).toBeGreaterThan(100);
    expect(first.reports).toBeGreaterThan(1000);
    expect(first.projects).toBeGreaterThan(20);
    expect(first.facts).toBeGreaterThan(50);
    for (const [code, year] of [['140802', 2024], ['430502', 2023], ['430202', 2019], ['360313', 2022], ['140802', 2026]] as const) {
      const plan = await findPlan(db, code, year);
      expect(plan, `${code} ${year}`).toBeDefined();
      const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from commitment where plan_id = $1', [plan!.id]);
      expect(n).toBeGreaterThanOrEqual(15);
    }
    const [current] = await db.query<{ title: string }>("select title from plan where region_code = '140802' and year = 2026");
    expect(current!.title).toContain('示例');
    // comparable indicator periods for all four districts: the last two years and this year's released quarters
    const periods = await db.query<{ period: string; n: number }>(
      `select period, count(distinct region_code)::int as n from indicator_value
       where indicator = '地区生产总值' and period in ('2024', '2025', '2026-Q1', '2026-Q3') and region_code = any($1) group by period`,
      [[...DISTRICT_CODES]],
    );
    expect(periods.map((p) => [p.period, p.n]).sort()).toEqual([['2024', 4], ['2025', 4], ['2026-Q1', 4], ['2026-Q3', 4]]);
    expect(await db.query("select 1 from indicator_value where period = '2026-Q4' or period = '2026'")).toEqual([]);
    // each city has peers to rank its district among (全市排名)
    const peers = await db.query<{ parent: string; n: number }>(
      `select r.parent_code as parent, count(distinct v.region_code)::int as n from indicator_value v join region r on r.code = v.region_code
       where v.period = '2026-Q3' and v.indicator = '居民人均可支配收入' group by r.parent_code order by 1`,
    );
    expect(peers.map((p) => p.parent)).toEqual(['140800', '360300', '430200', '430500']);
    for (const p of peers) expect(p.n, p.parent).toBeGreaterThanOrEqual(3);
  });

  it('a second load inserts nothing and leaves every table as it was', async () => {
    const before = JSON.stringify(await exportBackup(db));
    const again = await loadDemoData(ctx());
    expect({ ...again, regions: 0, departments: 0, plans: 0 }).toEqual({
      regions: 0, departments: 0, plans: 0, commitments: 0, reports: 0, facts: 0, projects: 0, indicatorValues: 0, users: 0, slips: 0,
    });
    expect(JSON.stringify(await exportBackup(db))).toBe(before);
    // and `duban restore` would take it: every row meets the API's rules
    expect(backupRowProblems(JSON.parse(before).tables)).toEqual([]);
  });

  it('every commitment points at departments of its own region and has a unit the quantity module knows', async () => {
    const foreign = await db.query(
      `select c.title from commitment c left join department d on d.id = c.lead_department_id
       where d.region_code is distinct from c.region_code
          or exists (select 1 from unnest(c.co_department_ids) co join department cd on cd.id = co where cd.region_code <> c.region_code)`,
    );
    expect(foreign).toEqual([]);
    const reports = await db.query(
      'select r.id from progress_report r join department d on d.id = r.department_id where d.region_code <> r.region_code',
    );
    expect(reports).toEqual([]);
    const units = await db.query<{ unit: string; target_value: string }>("select distinct unit, target_value from commitment where kind = 'quantitative'");
    for (const u of units) expect(tryParseQuantity(`${u.target_value}${u.unit}`), u.unit).not.toBeNull();
  });

  it('the current-year plan shows every status, reports awaiting review, a returned report and overdue ones', async () => {
    const plan = await findPlan(db, '140802', 2026);
    const items = await listEvaluatedCommitments(db, ctx(), { regionCodes: ['140802'], planId: plan!.id });
    expect(items.length).toBeGreaterThanOrEqual(25);
    const statuses = new Set(items.map((c) => c.evaluation.status));
    for (const s of STATUSES) expect(statuses, s).toContain(s);
    expect(items.filter((c) => c.evaluation.overdue && c.subtaskCount === 0).length).toBeGreaterThanOrEqual(2);
    const states = await db.query<{ state: string; n: number; comment: string | null }>(
      'select state, count(*)::int as n, max(review_comment) as comment from progress_report where commitment_id = any($1) group by state',
      [items.map((c) => c.id)],
    );
    const byState = Object.fromEntries(states.map((s) => [s.state, s]));
    expect(byState.accepted!.n).toBeGreaterThan(byState.submitted!.n);
    expect(byState.submitted!.n).toBeGreaterThanOrEqual(2);
    expect(byState.returned).toMatchObject({ n: 1, comment: expect.stringContaining('重新报送') });
    // no report for a month that has not ended
    const [{ latest }] = await db.query<{ latest: string }>('select max(period) as latest from progress_report where region_code = $1', ['140802']);
    expect(latest).toBe('2026-09');
    expect(items.some((c) => c.published) && items.some((c) => !c.published)).toBe(true);
    // reports name their authors and reviewers; workflow records exist for the screens that show them
    const [authors] = await db.query<{ unnamed: number; unreviewed: number }>(
      `select count(*) filter (where submitted_by is null)::int as unnamed, count(*) filter (where state = 'accepted' and reviewer_id is null)::int as unreviewed
       from progress_report where region_code = '140802'`,
    );
    expect(authors).toEqual({ unnamed: 0, unreviewed: 0 });
    const [workflow] = await db.query<Record<string, number>>(
      `select (select count(*)::int from work_plan where region_code = '140802') as plans,
              (select count(*)::int from evidence where region_code = '140802') as evidence,
              (select count(*)::int from close_request where state = 'pending') as close_pending,
              (select count(*)::int from change_request where kind = 'extend' and state = 'pending') as extensions,
              (select count(*)::int from instruction) as instructions`,
    );
    expect(workflow!.plans).toBeGreaterThanOrEqual(25);
    expect(workflow!.evidence).toBeGreaterThanOrEqual(15);
    expect(workflow).toMatchObject({ close_pending: 1, extensions: 1, instructions: 2 });
    // the day's 督办单: red for the seriously lagging, yellow for the lagging, 催办 for the missing report
    const slips = await db.query<{ level: string; title: string }>(
      `select s.level, c.title from supervision_slip s join commitment c on c.id = s.commitment_id where c.plan_id = $1 and s.closed_on is null`,
      [plan!.id],
    );
    expect(new Set(slips.map((s) => s.level))).toEqual(new Set(['red', 'yellow', 'urge']));
  });

  it('historical plans end as their reports say: most met, a couple not', async () => {
    for (const code of DISTRICT_CODES) {
      const plans = await db.query<{ id: string }>('select id from plan where region_code = $1 and year < 2026', [code]);
      const items = await listEvaluatedCommitments(db, ctx(), { regionCodes: [code], planId: plans[0]!.id, parentId: null });
      const met = items.filter((c) => ['completed', 'exceeded'].includes(c.evaluation.status)).length;
      expect(met / items.length, code).toBeGreaterThan(0.8);
      expect(met, code).toBeLessThan(items.length);
    }
  });

  it('creates demo accounts per district: admin, leader and a reporter for each lead department', async () => {
    const users = await db.query<{ username: string; role: string; region_code: string; department_id: string | null }>(
      'select username, role, region_code, department_id from app_user order by username',
    );
    for (const code of DISTRICT_CODES) {
      const mine = users.filter((u) => u.region_code === code);
      expect(mine.filter((u) => u.role === 'admin').map((u) => u.username)).toEqual([`${DEMO_USER_PREFIX[code]}.admin`]);
      expect(mine.filter((u) => u.role === 'leader')).toHaveLength(1);
      const leads = await db.query<{ id: string }>('select distinct lead_department_id as id from commitment where region_code = $1 and lead_department_id is not null', [code]);
      const reporterDepts = new Set(mine.filter((u) => u.role === 'reporter').map((u) => u.department_id));
      for (const l of leads) expect(reporterDepts.has(l.id), `${code} reporter for ${l.id}`).toBe(true);
    }
    expect(users.filter((u) => u.region_code === '140800').map((u) => u.role)).toEqual(['leader']);
  });

  it('the API lists the four districts and their commitments with completion and status', async () => {
    const app = await buildServer(ctx());
    try {
      const regions = (await app.inject({ url: '/api/regions' })).json().items.map((r: { name: string }) => r.name);
      expect(regions).toEqual(expect.arrayContaining(['盐湖区', '双清区', '荷塘区', '湘东区']));
      for (const code of DISTRICT_CODES) {
        const headers = await signIn(app, `${DEMO_USER_PREFIX[code]}.admin`, DEMO_PASSWORD);
        const res = await app.inject({ url: `/api/commitments?region=${code}&children=false`, headers });
        expect(res.statusCode).toBe(200);
        const items = res.json().items as Array<{ title: string; evaluation: { completionRate: number | null; status: string } }>;
        expect(items.length, code).toBeGreaterThanOrEqual(15);
        for (const c of items) expect(STATUSES).toContain(c.evaluation.status);
        expect(items.filter((c) => c.evaluation.completionRate !== null).length).toBeGreaterThan(items.length / 2);
      }
      // 双清区 2023: 城镇新增就业 3685 of 3500, read by 邵阳市's leader
      const leader = await signIn(app, 'shaoyang.leader', DEMO_PASSWORD);
      const sq = (await app.inject({ url: '/api/commitments?region=430502&q=城镇新增就业', headers: leader })).json().items;
      expect(sq[0].evaluation).toMatchObject({ completionRate: 105.3, status: 'exceeded' });
      // a city sees its district
      const city = (await app.inject({ url: '/api/commitments?region=430500&children=true&topLevel=true', headers: leader })).json().items;
      expect(city.length).toBeGreaterThanOrEqual(15);
    } finally {
      await app.close();
    }
  });
});
