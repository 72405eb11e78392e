/**
 * 逾期未报送 over all the demo data: a report period that ended before its commitment was assigned
 * (交办) or started was never owed, so no list, department list, 督办单, 催办 reminder or 督查通报
 * names it as missing — they all read the same rule (schedule.ts `owedFrom`). The demo's current
 * year has a task taken into supervision on 1 July (新增造林面积): January to June are not missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { owedFrom, periodRange, periodsInWindow, reportDueDate } from '../domain/schedule.ts';
import type { Commitment } from '../domain/types.ts';
import { loadDemoData } from '../demo/loadDemo.ts';
import { listCommitments } from '../store/commitments.ts';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { createContext, type AppContext } from './context.ts';
import { bulletinDocument } from './documents/bulletinDocument.ts';
import { wantedSlips } from './escalation/runEscalation.ts';
import { listEvaluatedCommitments } from './evaluatedCommitments.ts';
import { dueReminders } from './reminders/dueReminders.ts';
import { SYSTEM_ACTOR } from './workflow/access.ts';

const TODAY = '2026-12-03';

describe.each(testEngines())('owed reports over all demo data on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let all: Commitment[];
  let regions: string[];
  const byId = new Map<string, Commitment>();
  /** a period `p` of commitment `id` may be missing only if it ends on or after the day it was owed from */
  const owed = (id: string, p: string) => periodRange(p).end >= owedFrom(byId.get(id)!);

  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => TODAY);
    await loadDemoData(ctx);
    regions = (await db.query<{ region_code: string }>('select distinct region_code from plan order by 1')).map((r) => r.region_code);
    all = await listCommitments(db, { regionCodes: regions });
    for (const c of all) byId.set(c.id, c);
  }, 600_000);
  afterAll(async () => db?.close());

  it('the demo has a task assigned after it started, with periods due before its 交办 that were never reported', () => {
    const late = all.filter((c) => c.assignedOn !== null && c.assignedOn > c.startDate && c.state !== 'draft');
    expect(late.length).toBeGreaterThan(0);
    const unowedPast = late.flatMap((c) => periodsInWindow(c.startDate, c.deadline, c.reportingFrequency).filter((p) => !owed(c.id, p) && reportDueDate(p, ctx.config) < TODAY));
    expect(unowedPast.length).toBeGreaterThan(0);
    // every assigned demo commitment knows its 交办日期; drafts have none
    for (const c of all) expect(c.assignedOn === null, c.title).toBe(c.state === 'draft');
  });

  it('lists and department lists: no missing period precedes assignment or start', async () => {
    let missing = 0;
    for (const regionCode of regions) {
      const items = await listEvaluatedCommitments(db, ctx, { regionCodes: [regionCode], asOf: TODAY });
      for (const c of items) {
        for (const p of c.evaluation.missingPeriods) expect(owed(c.id, p), `${c.title} ${p}`).toBe(true);
        missing += c.evaluation.missingPeriods.length;
      }
      const depts = new Set(items.map((c) => c.leadDepartmentId).filter((d): d is string => d !== null));
      for (const departmentId of depts) {
        for (const c of await listEvaluatedCommitments(db, ctx, { regionCodes: [regionCode], departmentId, asOf: TODAY }))
          for (const p of c.evaluation.missingPeriods) expect(owed(c.id, p), `${c.title} ${p}`).toBe(true);
      }
    }
    expect(missing).toBeGreaterThan(0); // the rule is exercised: the demo has real 逾期未报送
  });

  it('督办单, 催办 and 临近提醒: none for a period that ended before assignment', async () => {
    let urged = 0;
    for (const regionCode of regions) {
      for (const s of await wantedSlips(db, ctx, regionCode, TODAY)) {
        if (s.period !== null) expect(owed(s.commitmentId, s.period), `${s.reason}`).toBe(true);
        if (s.level === 'red') expect(s.reason).not.toMatch(/2026年[1-6]月进展逾期/);
      }
      for (const r of await dueReminders(db, ctx, regionCode, TODAY)) {
        for (const i of r.items) expect(owed(i.commitmentId, i.period), `${i.title} ${i.period}`).toBe(true);
        if (r.kind === 'urge') urged += r.items.length;
      }
    }
    expect(urged).toBeGreaterThan(0);
  });

  it('督查通报 of every month of the current year: 逾期未报送 names only owed periods', async () => {
    for (let m = 1; m <= 11; m++) {
      const period = `2026-${String(m).padStart(2, '0')}`;
      const { data } = await bulletinDocument(ctx, { actor: SYSTEM_ACTOR, regionCode: '140802', period });
      for (const c of data.commitments)
        for (const r of c.reportsMissing ?? []) for (const p of r.periods) expect(owed(r.commitmentId, p), `${period} ${c.title} ${p}`).toBe(true);
    }
  });
});
