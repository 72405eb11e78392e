/**
 * Completion passes through the office's review (issue #11 item 5): a lead department that marks
 * milestones done with PUT …/milestones, or drops the open ones, does not move the completion
 * rate; a milestone reported done in a progress report counts once the office accepts the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { buildWorld } from '../app/workflow/testWorld.ts';
import { buildMilestone } from '../domain/factories.ts';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildServer } from './app.ts';
import { makeUser, signIn, type Session } from './testing.ts';

describe.each(testEngines())('milestone completion on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let admin: Session;
  let hr: Session;
  beforeAll(async () => {
    db = await openTestDb(engine);
    w = await buildWorld(db);
    const ctx = createContext(db, undefined, () => '2024-06-15');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    await makeUser(ctx, { username: 'hr', displayName: '人社局', role: 'reporter', regionCode: '430502', departmentId: w.ids.hr });
    app = await buildServer(ctx);
    admin = await signIn(app, 'office');
    hr = await signIn(app, 'hr');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const put = (who: Session, id: string, payload: object) => app.inject({ method: 'PUT', url: `/api/commitments/${id}/milestones`, headers: who, payload });
  const read = async (id: string) => {
    const items = (await app.inject({ url: '/api/commitments?region=430502&asOf=2024-06-15', headers: admin })).json().items as { id: string; version: number; evaluation: { completionRate: number | null } }[];
    const c = items.find((x) => x.id === id)!;
    return { completionRate: c.evaluation.completionRate, version: c.version };
  };

  it('a lead department cannot mark milestones done or drop open ones; an accepted report and the office can', async () => {
    const m1 = buildMilestone('完成选址', '2024-03-31');
    const m2 = buildMilestone('主体完工', '2024-09-30');
    const c = await w.commitment({ kind: 'milestone', targetValue: null, unit: null, state: 'inProgress', milestones: [m1, m2] });
    expect((await read(c.id)).completionRate).toBe(0);

    // the path: PUT with done dates → refused, nothing changes
    const claimed = await put(hr, c.id, { version: c.version, milestones: [{ ...m1, doneDate: '2024-06-01' }, { ...m2, doneDate: '2024-06-01' }] });
    expect(claimed.statusCode).toBe(403);
    expect(claimed.json().error).toMatchObject({ code: 'milestone_done_needs_review', zh: expect.stringContaining('审核'), en: expect.stringContaining('progress report') });
    expect(await read(c.id)).toMatchObject({ completionRate: 0, version: c.version });

    // reported done in a progress report: counts only once accepted
    const report = await app.inject({ method: 'POST', url: `/api/commitments/${c.id}/reports`, headers: hr, payload: { period: '2024-05', milestonesDone: [m1.id], narrative: '选址已完成' } });
    expect(report.statusCode, report.body).toBe(201);
    expect((await read(c.id)).completionRate).toBe(0);
    const accepted = await app.inject({ method: 'POST', url: `/api/reports/${report.json().id}/review`, headers: admin, payload: { decision: 'accept', version: report.json().version } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await read(c.id)).completionRate).toBe(50);

    // dropping the open milestone would make it 100%: refused
    const dropped = await put(hr, c.id, { version: c.version, milestones: [m1] });
    expect(dropped.statusCode).toBe(403);
    expect(dropped.json().error.code).toBe('milestone_change_raises_completion');
    expect((await read(c.id)).completionRate).toBe(50);

    // planning stays the department's: a new due date, a renamed step
    const replanned = await put(hr, c.id, { version: c.version, milestones: [m1, { ...m2, title: '主体工程完工', dueDate: '2024-10-31' }] });
    expect(replanned.statusCode, replanned.body).toBe(200);
    expect((await read(c.id)).completionRate).toBe(50);

    // the office is the reviewer: it may record a milestone done
    const office = await put(admin, c.id, { version: replanned.json().version, milestones: [m1, { ...m2, title: '主体工程完工', dueDate: '2024-10-31', doneDate: '2024-06-10' }] });
    expect(office.statusCode, office.body).toBe(200);
    expect((await read(c.id)).completionRate).toBe(100);
  });
});
