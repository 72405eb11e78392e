/** Who reads what beyond the authorization matrix: co-departments and other departments' reports; plans. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressReport } from '../domain/types.ts';
import { getUser } from '../store/users.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { signIn, type Session } from './testing.ts';
import { buildWorld, X, type World } from './world.ts';

const STATES: ProgressReport['state'][] = ['draft', 'submitted', 'returned', 'accepted'];

describe.each(testEngines())('reading reports and plans on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });
  const get = (s: Partial<Session>, url: string) => w.app.inject({ url, headers: s });

  it("a co-department's reporter reads the lead department's accepted reports only: not its drafts, reports under review, returned ones or their evidence", async () => {
    // led by X2, X1 (the world's reporter) cooperates
    const c = await w.commitment('otherDept', { coDepartmentIds: [w.dept.X1] });
    const reports = [];
    for (const [i, state] of STATES.entries()) {
      const r = await w.report(c, state, `2024-0${i + 1}`);
      reports.push({ state, id: r.id, evidence: await w.evidence(r) });
    }
    const lead = await signIn(w.app, (await getUser(w.db, await w.user('otherDept')))!.username);
    const co = w.sessions.reporter;
    const admin = w.sessions.admin;
    for (const { state, id, evidence } of reports) {
      const visible = state === 'accepted';
      expect((await get(co, `/api/reports/${id}`)).statusCode, `co-department, ${state} report`).toBe(visible ? 200 : 404);
      expect((await get(co, `/api/evidence/${evidence}`)).statusCode, `co-department, ${state} evidence`).toBe(visible ? 200 : 404);
      for (const s of [lead, admin]) {
        expect((await get(s, `/api/reports/${id}`)).statusCode).toBe(200);
        expect((await get(s, `/api/evidence/${evidence}`)).statusCode).toBe(200);
      }
    }
    expect((await get(co, `/api/reports/${reports[3]!.id}`)).json().history).toEqual([]); // earlier versions stay with the lead
    const states = async (s: Partial<Session>, url: string, pick: (body: { items?: unknown[]; reports?: unknown[] }) => unknown[]) =>
      (pick((await get(s, url)).json()) as { state: string }[]).map((r) => r.state).sort();
    expect(await states(co, `/api/commitments/${c.id}`, (b) => b.reports!)).toEqual(['accepted']);
    expect(await states(co, `/api/reports?region=${X}&commitment=${c.id}`, (b) => b.items!)).toEqual(['accepted']);
    expect(await states(lead, `/api/commitments/${c.id}`, (b) => b.reports!)).toEqual([...STATES].sort());
    expect(await states(admin, `/api/reports?region=${X}&commitment=${c.id}`, (b) => b.items!)).toEqual([...STATES].sort());
    // the co-department's own report stays visible to it in every state
    const own = await w.report({ ...c, leadDepartmentId: w.dept.X1 }, 'draft', '2024-06');
    expect((await get(co, `/api/reports/${own.id}`)).statusCode).toBe(200);
  });

  it('the plans of a region are listed to those who read the region, in GET /api/regions/:code as in GET /api/plans', async () => {
    const planIds = async (s: Partial<Session>) => ((await get(s, `/api/regions/${X}`)).json().plans as { id: string }[]).map((p) => p.id);
    expect(await planIds(w.sessions.public)).toEqual([]);
    expect((await get(w.sessions.public, `/api/plans?region=${X}`)).statusCode).toBe(401);
    for (const who of ['admin', 'reporter', 'cityLeader'] as const) {
      expect(await planIds(w.sessions[who])).toContain(w.plan.X);
      expect(((await get(w.sessions[who], `/api/plans?region=${X}`)).json().items as { id: string }[]).map((p) => p.id)).toContain(w.plan.X);
    }
    // the region itself and its departments stay public (the public page names them)
    expect((await get(w.sessions.public, `/api/regions/${X}`)).json().departments.length).toBeGreaterThan(0);
  });
});
