/**
 * Sample data for the demo: four districts (盐湖区, 双清区, 荷塘区, 湘东区) with departments, a plan
 * year each written from the corpus articles, a current-year sample plan for 盐湖区 with monthly
 * progress reports up to today, recorded facts, key projects and economic indicators.
 *
 * Idempotent: every row has an id derived from stable names and fixed timestamps, and is inserted
 * with `on conflict do nothing`, so a second load finds everything present and changes nothing
 * (edits made in the app since are kept). Steps: regions and departments (one transaction), demo
 * accounts (createUser, one transaction each), then every plan, report, workflow record, fact,
 * project and indicator (one transaction), and last the day's 督办单 (runEscalation).
 */
import type { AppContext } from '../app/context.ts';
import { runEscalation } from '../app/escalation/runEscalation.ts';
import { checkPromises } from '../app/reconcile/checkPromises.ts';
import { confirmPromiseCheck } from '../app/reconcile/confirmPromiseCheck.ts';
import { SYSTEM_ACTOR } from '../app/workflow/access.ts';
import { appendAudit } from '../store/audit.ts';
import type { Queryable } from '../store/db.ts';
import { upsertDepartment, upsertRegion } from '../store/regions.ts';
import { upsertPlan } from '../store/plans.ts';
import type { RecordedFact } from '../domain/types.ts';
import { buildPlan, stableId, type CommitmentRow, type ReportRow } from './build.ts';
import { DEMO_REGIONS, DISTRICT_CODES, PEER_REGIONS, departmentsOf } from './districts.ts';
import { buildIndicatorValues } from './indicators.ts';
import { insertRows } from './bulk.ts';
import { createDemoUsers, DEMO_PASSWORD, demoAccounts } from './users.ts';
import { buildProjects } from './projects.ts';
import { demoHonours } from './honours.ts';
import type { FactSpec, PlanSpec } from './spec.ts';
import { HETANG_2018_FACTS, HETANG_2019 } from './plans/hetang2019.ts';
import { SHUANGQING_2023, SHUANGQING_2023_FACTS } from './plans/shuangqing2023.ts';
import { XIANGDONG_2022, XIANGDONG_2022_FACTS } from './plans/xiangdong2022.ts';
import { YANHU_2023_FACTS, YANHU_2024 } from './plans/yanhu2024.ts';
import { YANHU_CURRENT } from './plans/yanhuCurrent.ts';
import { NEXT_YEAR_REPORTS, nextYearReportRows } from './nextYearReports.ts';

export { stableId };

export const DEMO_PLANS: PlanSpec[] = [YANHU_2024, SHUANGQING_2023, HETANG_2019, XIANGDONG_2022, YANHU_CURRENT];

const DEMO_FACTS: Array<{ regionCode: string; year: number; facts: FactSpec[] }> = [
  { regionCode: '140802', year: 2023, facts: YANHU_2023_FACTS },
  { regionCode: '430502', year: 2023, facts: SHUANGQING_2023_FACTS },
  { regionCode: '430202', year: 2018, facts: HETANG_2018_FACTS },
  { regionCode: '360313', year: 2022, facts: XIANGDONG_2022_FACTS },
];

/** What a load inserted (0 everywhere on a repeated load). */
export interface DemoLoadResult {
  regions: number;
  departments: number;
  plans: number;
  commitments: number;
  reports: number;
  facts: number;
  projects: number;
  indicatorValues: number;
  users: number;
  /** 督办单 opened by the day's escalation run */
  slips: number;
}

/** The demo actor in the audit trail. */
const DEMO_ACTOR = { id: null, role: 'system' };

/**
 * Loads the sample data into `ctx.db` as of `ctx.today()`. Returns a one-line summary of what was
 * new; `onProgress` receives a line per step.
 */
export async function loadDemo(ctx: AppContext, opts: { onProgress?: (message: string) => void } = {}): Promise<string> {
  const result = await loadDemoData(ctx, opts);
  const total = Object.values(result).reduce((a, b) => a + b, 0) - result.regions - result.departments - result.plans;
  const signIn = `sign in as yanhu.admin (or another demo account, README "Demo accounts") with password ${DEMO_PASSWORD}`;
  if (total === 0) return `demo data already loaded: nothing new; ${signIn}`;
  return `demo data loaded: ${result.commitments} commitments, ${result.reports} progress reports, ${result.projects} projects, ${result.indicatorValues} indicator values, ${result.facts} facts, ${result.users} accounts, ${result.slips} supervision slips; ${signIn}`;
}

/** Like `loadDemo`, returning the counts of inserted rows. */
export async function loadDemoData(ctx: AppContext, opts: { onProgress?: (message: string) => void } = {}): Promise<DemoLoadResult> {
  const today = ctx.today();
  const currentYear = Number(today.slice(0, 4));
  const say = opts.onProgress ?? (() => undefined);
  const counts: DemoLoadResult = { regions: 0, departments: 0, plans: 0, commitments: 0, reports: 0, facts: 0, projects: 0, indicatorValues: 0, users: 0, slips: 0 };

  // 1. regions and departments: the stored id wins when a department of that name already exists
  const deptIds = new Map<string, Map<string, string>>();
  const leaders = new Map<string, Map<string, string>>();
  const labels = new Map<string, Map<string, string>>();
  await ctx.db.transaction(async (tx) => {
    for (const r of [...DEMO_REGIONS, ...PEER_REGIONS.map(({ code, name, level, parentCode }) => ({ code, name, level, parentCode }))]) {
      await upsertRegion(tx, r);
      counts.regions++;
    }
    for (const code of DISTRICT_CODES) {
      const ids = new Map<string, string>();
      const lead = new Map<string, string>();
      const label = new Map<string, string>();
      for (const d of departmentsOf(code)) {
        const stored = await upsertDepartment(tx, { id: stableId(code, d.name), regionCode: code, name: d.name, shortName: d.shortName });
        ids.set(d.key, stored.id);
        lead.set(d.key, d.leader);
        label.set(d.key, d.shortName.replace(/^区/, ''));
        counts.departments++;
      }
      deptIds.set(code, ids);
      leaders.set(code, lead);
      labels.set(code, label);
    }
  });

  // 2. accounts, through createUser (its own transaction per account); reports name their authors
  say('creating demo accounts …');
  const accounts = demoAccounts(DEMO_PLANS, deptIds);
  counts.users = await createDemoUsers(ctx, accounts);
  const users = await ctx.db.query<{ id: string; username: string; department_id: string | null; role: string; region_code: string }>(
    'select id, username, department_id, role, region_code from app_user where username = any($1)',
    [accounts.map((a) => a.username)],
  );
  const reporterByDept = new Map(users.filter((u) => u.role === 'reporter' && u.department_id).map((u) => [u.department_id!, u.id]));
  const adminOf = (code: string) => users.find((u) => u.role === 'admin' && u.region_code === code)?.id ?? null;

  // 3. plans with their reports and workflow records, facts, projects, indicators: one transaction
  await ctx.db.transaction(async (tx) => {
    for (const spec of DEMO_PLANS) {
      const year = spec.year === 'current' ? currentYear : spec.year;
      say(`loading ${spec.title.replace('{year}', String(year))} …`);
      const plan = await upsertPlanOnce(tx, { id: stableId(spec.regionCode, year), regionCode: spec.regionCode, year, title: spec.title.replace('{year}', String(year)), sourceDocumentId: null });
      counts.plans++;
      const built = buildPlan({
        plan: spec, planId: plan.id, year, today,
        departments: deptIds.get(spec.regionCode)!, leaders: leaders.get(spec.regionCode)!, departmentLabels: labels.get(spec.regionCode)!,
        people: { reporterOf: (id) => reporterByDept.get(id) ?? null, reviewer: adminOf(spec.regionCode) },
      });
      const newCommitments = await insertRows(tx, 'commitment', built.commitments satisfies CommitmentRow[], ['milestones', 'source']);
      const newReports = await insertRows(tx, 'progress_report', built.reports satisfies ReportRow[]);
      await insertRows(tx, 'evidence', built.evidence);
      await insertRows(tx, 'work_plan', built.workPlans, ['steps']);
      await insertRows(tx, 'close_request', built.closeRequests);
      await insertRows(tx, 'change_request', built.changeRequests, ['changes']);
      await insertRows(tx, 'instruction', built.instructions);
      counts.commitments += newCommitments;
      counts.reports += newReports;
      if (newCommitments + newReports > 0) {
        await appendAudit(tx, {
          regionCode: spec.regionCode, actor: DEMO_ACTOR, action: 'demo.load', entity: 'plan', entityId: plan.id,
          after: { source: spec.source, commitments: newCommitments, reports: newReports },
        });
      }
    }

    say('loading facts, projects and indicators …');
    const facts: RecordedFact[] = DEMO_FACTS.flatMap(({ regionCode, year, facts }) =>
      facts.map(([subject, value, unit, qualifier]) => ({
        id: stableId(regionCode, year, 'fact', subject), regionCode, year, subject, value, unit, qualifier: qualifier ?? null, source: null,
      })),
    );
    counts.facts = await insertRows(tx, 'recorded_fact', facts, ['source']);
    // next-year report excerpts: the results they state are what 兑现核验 checks the plans against
    for (const r of NEXT_YEAR_REPORTS) {
      const { workReport, facts: stated } = nextYearReportRows(r);
      await insertRows(tx, 'work_report', [workReport]);
      counts.facts += await insertRows(tx, 'recorded_fact', stated, ['source']);
    }
    counts.projects = await insertRows(tx, 'project', buildProjects(deptIds, today), ['stageDates']);
    await insertRows(tx, 'honour', demoHonours());
    counts.indicatorValues = await insertRows(tx, 'indicator_value', buildIndicatorValues(DISTRICT_CODES, today, (...p) => stableId('indicator', ...p), PEER_REGIONS));
  });

  // 4. the office has confirmed the 兑现核验 of 盐湖区's published 2024 commitments (the public page shows them)
  say('confirming the promise checks of published commitments …');
  const checked = await checkPromises(ctx, { actor: SYSTEM_ACTOR, regionCode: '140802', year: 2024 });
  for (const r of checked.items.filter((x) => x.published && !x.confirmed && x.status !== 'unmentioned')) {
    await confirmPromiseCheck(ctx, { actor: SYSTEM_ACTOR, commitmentId: r.commitmentId, input: { status: r.status, statedValue: r.statedValue, source: r.source, version: 0 } });
  }

  // 5. the day's 督办单, as the daily `duban remind` job would open them (a no-op when run again the same day)
  say('opening today\'s supervision slips …');
  for (const code of DISTRICT_CODES) counts.slips += (await runEscalation(ctx, { actor: SYSTEM_ACTOR, regionCode: code, asOf: today })).opened.length;
  return counts;
}

/** The plan of (region, year): the stored one if present (its id and title win), else this one. */
async function upsertPlanOnce(tx: Queryable, plan: Parameters<typeof upsertPlan>[1]) {
  const [row] = await tx.query<{ id: string }>('select id from plan where region_code = $1 and year = $2', [plan.regionCode, plan.year]);
  return row ? { ...plan, id: row.id } : upsertPlan(tx, plan);
}
