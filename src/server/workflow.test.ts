/** The workflow routes end to end over HTTP, with real sessions: lifecycle, instructions, locks, slips, reminders, assessment. */
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../app/context.ts';
import { buildServer } from './app.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { insertEvidence, insertReport } from '../store/reports.ts';
import { buildWorld } from '../app/workflow/testWorld.ts';
import { makeUser, signIn, type Session } from './testing.ts';
import { assertPeriodOpen } from '../app/periods/periodLock.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../app/reminders/channels.ts';

const SECRET = 'shared-secret-for-test';

/** A webhook receiver on 127.0.0.1 that fails the first `failFirst` deliveries with 503. */
async function receiver(failFirst: number) {
  const got: { body: string; valid: boolean; delivery: string }[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls++;
      if (calls <= failFirst) return void res.writeHead(503).end();
      const valid = verifySignature(SECRET, String(req.headers[TIMESTAMP_HEADER]), body, String(req.headers[SIGNATURE_HEADER]));
      got.push({ body, valid, delivery: String(req.headers['x-duban-delivery']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, got, calls: () => calls, close: () => new Promise((r) => server.close(r)) };
}

describe.each(testEngines())('workflow routes on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let hook: Awaited<ReturnType<typeof receiver>>;
  const s = {} as Record<'admin' | 'leader' | 'hr' | 'edu' | 'other', Session>;
  beforeAll(async () => {
    db = await openTestDb(engine);
    w = await buildWorld(db);
    ctx = createContext(db, undefined, () => '2024-06-15');
    hook = await receiver(2);
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    await makeUser(ctx, { username: 'boss', displayName: '区长', role: 'leader', regionCode: '430502' });
    await makeUser(ctx, { username: 'hr', displayName: '人社局', role: 'reporter', regionCode: '430502', departmentId: w.ids.hr });
    await makeUser(ctx, { username: 'edu', displayName: '教育局', role: 'reporter', regionCode: '430502', departmentId: w.ids.edu });
    await makeUser(ctx, { username: 'other', displayName: '大祥区督查室', role: 'admin', regionCode: '430503' });
    app = await buildServer(ctx, { reminderChannels: async () => ({ webhook: { url: hook.url, secret: SECRET, attempts: 4, backoffMs: 20 } }) });
    for (const [k, u] of [['admin', 'office'], ['leader', 'boss'], ['hr', 'hr'], ['edu', 'edu'], ['other', 'other']] as const) s[k] = await signIn(app, u);
  });
  afterAll(async () => {
    await hook?.close();
    await app?.close();
    await db?.close();
  });

  const post = (who: keyof typeof s, url: string, payload: unknown) => app.inject({ method: 'POST', url: `/api${url}`, headers: s[who], payload: payload as object });
  const get = (who: keyof typeof s | null, url: string) => app.inject({ url: `/api${url}`, headers: who ? s[who] : {} });

  it('assign → acknowledge → request close → close over HTTP; other regions get 404, the public 401/404', async () => {
    const c = await w.commitment();
    expect((await post('other', `/commitments/${c.id}/assign`, { version: c.version })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/commitments/${c.id}/assign`, payload: { version: c.version } })).statusCode).toBe(401);
    expect((await post('hr', `/commitments/${c.id}/assign`, { version: c.version })).statusCode).toBe(403);
    const a = await post('admin', `/commitments/${c.id}/assign`, { version: c.version });
    expect(a.statusCode).toBe(200);
    expect(a.json().state).toBe('assigned');
    const missingPlan = await post('hr', `/commitments/${c.id}/acknowledge`, { version: a.json().version });
    expect(missingPlan.statusCode).toBe(400);
    expect(missingPlan.json().error.zh).toMatch(/输入有误/);
    const ack = await post('hr', `/commitments/${c.id}/acknowledge`, {
      version: a.json().version, workPlan: { responsiblePerson: '张科长', steps: [{ title: '制定方案', startDate: '2024-02-01', endDate: '2024-02-28' }] },
    });
    expect(ack.json()).toMatchObject({ state: 'acknowledged', workPlan: { responsiblePerson: '张科长' } });
    expect((await get('leader', `/commitments/${c.id}/work-plan`)).json().workPlan.steps).toHaveLength(1);

    const r = await insertReport(db, {
      id: randomUUID(), regionCode: '430502', commitmentId: c.id, departmentId: w.ids.hr, period: '2024-05', cumulativeValue: '3600', milestonesDone: [],
      narrative: '', state: 'accepted', submittedBy: null, submittedAt: null, reviewerId: null, reviewComment: null, reviewedAt: null,
    });
    const ev = randomUUID();
    await insertEvidence(db, { id: ev, regionCode: '430502', reportId: r.id, filename: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'x', data: new Uint8Array([1]) });
    const rc = await post('hr', `/commitments/${c.id}/request-close`, { version: ack.json().version, summary: '全年目标已完成', evidenceIds: [ev] });
    expect(rc.json().state).toBe('closeRequested');
    const closed = await post('admin', `/commitments/${c.id}/transitions/close`, { version: rc.json().version, comment: '同意' });
    expect(closed.json().state).toBe('closed');
    const wrong = await post('admin', `/commitments/${c.id}/transitions/close`, { version: closed.json().version });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error).toMatchObject({ code: 'invalid_transition', zh: expect.stringContaining('已办结'), en: expect.stringContaining('closed') });
  });

  it('a change request is filed by the department and takes effect when the office approves it', async () => {
    const c = await w.commitment({ state: 'inProgress' });
    const cr = await post('hr', `/commitments/${c.id}/change-requests`, { kind: 'extend', changes: { deadline: '2025-03-31' }, reason: '资金未到位' });
    expect(cr.statusCode).toBe(201);
    expect((await get('admin', '/change-requests?region=430502&state=pending')).json().items.map((x: { id: string }) => x.id)).toContain(cr.json().id);
    expect((await post('edu', `/change-requests/${cr.json().id}/decision`, { decision: 'approve', version: 1 })).statusCode).toBe(403);
    const d = await post('admin', `/change-requests/${cr.json().id}/decision`, { decision: 'approve', version: cr.json().version });
    expect(d.json().commitment.deadline).toBe('2025-03-31');
  });

  it('imported drafts are confirmed or discarded; publish and split', async () => {
    const source = { documentId: randomUUID(), start: 0, end: 10, sentence: '新增就业3500人', heading: null };
    const a = await w.commitment({ source });
    const b = await w.commitment({ source, title: '误读的句子' });
    expect((await get('admin', '/drafts?region=430502')).json().items.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect((await post('admin', `/commitments/${a.id}/confirm`, { version: a.version, targetValue: '4000' })).json()).toMatchObject({ targetValue: '4000', confirmedAt: expect.any(String) });
    expect((await post('admin', `/commitments/${b.id}/discard`, { version: b.version })).statusCode).toBe(204);
    expect((await get('admin', '/drafts?region=430502')).json().items).toHaveLength(0);
    expect((await get('admin', `/commitments/${b.id}`)).statusCode).toBe(404);

    const p = await w.commitment({ state: 'inProgress' });
    expect((await post('admin', `/commitments/${p.id}/publish`, { version: p.version, published: true })).json().published).toBe(true);
    const split = await post('admin', `/commitments/${p.id}/subtasks`, { version: p.version + 1, subtasks: [{ title: '高校毕业生就业', targetValue: '1500' }, { title: '农村劳动力转移', targetValue: '2000', leadDepartmentId: w.ids.edu }] });
    expect(split.statusCode, split.body).toBe(201);
    expect(split.json().items.map((x: { parentId: string; leadDepartmentId: string }) => [x.parentId, x.leadDepartmentId])).toEqual([[p.id, w.ids.hr], [p.id, w.ids.edu]]);
    // a department's list still rolls parents up from all their subtasks (one led by another department)
    const mine = (await get('hr', '/commitments?region=430502&asOf=2024-06-15')).json().items;
    expect(mine.find((x: { id: string }) => x.id === p.id)).toMatchObject({ subtaskCount: 2 });
    const ms = await app.inject({ method: 'PUT', url: `/api/commitments/${p.id}/milestones`, headers: s.hr, payload: { version: p.version + 1, template: 'generic' } });
    expect(ms.json().milestones.at(-1).dueDate).toBe('2024-12-31');
    const sched = (await get('hr', `/commitments/${p.id}/schedule`)).json();
    expect(sched.slots[0]).toMatchObject({ period: '2024-01', dueDate: '2024-02-05' });
  });

  it('a leader’s instruction notifies the lead department and lists its follow-up', async () => {
    const c = await w.commitment({ state: 'inProgress' });
    const ins = await post('leader', `/commitments/${c.id}/instructions`, { leaderName: '王区长', text: '加快进度，月底前见成效' });
    expect(ins.statusCode).toBe(201);
    expect((await post('hr', `/commitments/${c.id}/instructions`, { leaderName: 'x', text: 'y' })).statusCode).toBe(403);
    const notes = (await get('hr', '/notifications?region=430502')).json().items;
    expect(notes.some((n: { entityId: string; message: string }) => n.entityId === ins.json().id && n.message.includes('王区长'))).toBe(true);
    expect((await get('edu', '/notifications?region=430502')).json().items.some((n: { entityId: string }) => n.entityId === ins.json().id)).toBe(false);
    await post('hr', `/instructions/${ins.json().id}/replies`, { text: '已召开专题会部署' });
    const list = (await get('leader', `/commitments/${c.id}/instructions`)).json().items;
    expect(list[0]).toMatchObject({ text: '加快进度，月底前见成效', followedUp: true, replies: [{ text: '已召开专题会部署', departmentId: w.ids.hr }] });
  });

  it('locks a period (reports can no longer change), unlock needs a reason and is audited', async () => {
    expect((await post('hr', '/period-locks', { region: '430502', period: '2024-05' })).statusCode).toBe(403);
    expect((await post('admin', '/period-locks', { region: '430502', period: '2024-05' })).statusCode).toBe(201);
    expect((await post('admin', '/period-locks', { region: '430502', period: '2024-05' })).statusCode).toBe(409);
    await expect(assertPeriodOpen(db, '430502', '2024-05')).rejects.toMatchObject({ code: 'period_locked', status: 409 });
    await expect(assertPeriodOpen(db, '430503', '2024-05')).resolves.toBeUndefined();
    expect((await post('admin', '/period-locks/unlock', { region: '430502', period: '2024-05' })).statusCode).toBe(400);
    expect((await post('admin', '/period-locks/unlock', { region: '430502', period: '2024-05', reason: '更正统计口径' })).statusCode).toBe(204);
    await expect(assertPeriodOpen(db, '430502', '2024-05')).resolves.toBeUndefined();
    const [audit] = await db.query<{ after: { reason: string } }>(`select after from audit_event where action = 'period.unlock' order by id desc limit 1`);
    expect(audit!.after.reason).toBe('更正统计口径');
  });

  it('opens slips for a missing report, sends signed reminders to a webhook (retrying a failing receiver), closes slips once filed', async () => {
    const region = '430503'; // a clean region: only this commitment
    const [otherAdmin] = [s.other];
    const c = await w.commitment({ regionCode: region, planId: w.ids.otherPlan, leadDepartmentId: w.ids.otherDept, coDepartmentIds: [], state: 'inProgress', startDate: '2024-05-01' });
    const run = await app.inject({ method: 'POST', url: '/api/supervision-slips/run', headers: otherAdmin, payload: { region, asOf: '2024-06-15' } });
    // the May report is missing (催办) and nothing is done yet, behind 序时进度 (黄色督办单)
    expect(run.json().opened.map((x: { level: string; period: string }) => [x.level, x.period])).toEqual([['urge', '2024-05'], ['yellow', null]]);
    const due = (await app.inject({ url: `/api/reminders?region=${region}&asOf=2024-06-15`, headers: otherAdmin })).json();
    expect(due.items).toEqual([expect.objectContaining({ departmentId: w.ids.otherDept, kind: 'urge', items: [expect.objectContaining({ commitmentId: c.id, period: '2024-05' })] })]);

    const sent = (await app.inject({ method: 'POST', url: '/api/reminders/send', headers: otherAdmin, payload: { region, asOf: '2024-06-15' } })).json();
    expect(sent.reminders[0].deliveries).toEqual([
      expect.objectContaining({ channel: 'inApp', status: 'sent' }),
      expect.objectContaining({ channel: 'webhook', status: 'sent', attempts: 3 }),
    ]);
    expect(hook.calls()).toBe(3);
    expect(hook.got).toHaveLength(1);
    expect(hook.got[0]!.valid).toBe(true);
    expect(JSON.parse(hook.got[0]!.body)).toMatchObject({ event: 'duban.reminder', kind: 'urge', departmentId: w.ids.otherDept, items: [{ commitmentId: c.id }] });
    // the same day again: nothing is sent twice
    const again = (await app.inject({ method: 'POST', url: '/api/reminders/send', headers: otherAdmin, payload: { region, asOf: '2024-06-15' } })).json();
    expect(again.reminders[0].deliveries.map((d: { status: string }) => d.status)).toEqual(['skipped', 'skipped']);
    expect(hook.calls()).toBe(3);
    expect((await app.inject({ url: `/api/reminders/sent?region=${region}`, headers: otherAdmin })).json().items).toHaveLength(2);

    await insertReport(db, {
      id: randomUUID(), regionCode: region, commitmentId: c.id, departmentId: w.ids.otherDept, period: '2024-05', cumulativeValue: '1000', milestonesDone: [],
      narrative: '', state: 'submitted', submittedBy: null, submittedAt: '2024-06-16T02:00:00Z', reviewerId: null, reviewComment: null, reviewedAt: null,
    });
    const later = (await app.inject({ method: 'POST', url: '/api/supervision-slips/run', headers: otherAdmin, payload: { region, asOf: '2024-06-16' } })).json();
    expect(later.closed.map((x: { level: string; closedOn: string }) => [x.level, x.closedOn])).toEqual([['urge', '2024-06-16']]);
    // a submitted report does not count before review, so the yellow slip stays
    expect((await app.inject({ url: `/api/supervision-slips?region=${region}&open=true`, headers: otherAdmin })).json().items.map((x: { level: string }) => x.level)).toEqual(['yellow']);
    expect((await get('admin', `/supervision-slips?region=${region}`)).statusCode).toBe(403);
  });

  it('lists filter and sort by status, overdue and 序时进度; the summary counts by sector and department', async () => {
    await w.commitment({ state: 'inProgress', sector: '经济发展', title: '规上工业增加值增长8%' });
    const q = '/commitments?region=430502&asOf=2024-06-15';
    const overdue = (await get('admin', `${q}&overdue=true`)).json().items as { evaluation: { overdue: boolean; status: string } }[];
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((c) => c.evaluation.overdue)).toBe(true);
    const lagging = (await get('admin', `${q}&status=lagging&status=seriouslyLagging`)).json().items as { evaluation: { status: string } }[];
    expect(lagging.every((c) => ['lagging', 'seriouslyLagging'].includes(c.evaluation.status))).toBe(true);
    const byOverdue = (await get('admin', `${q}&sort=overdue&order=desc`)).json().items.map((c: { evaluation: { overdue: boolean } }) => c.evaluation.overdue);
    expect(byOverdue).toEqual([...byOverdue].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
    expect(byOverdue).toContain(false);
    const byExpected = (await get('admin', `${q}&sort=expectedProgress`)).json().items.map((c: { evaluation: { expectedProgress: number } }) => c.evaluation.expectedProgress);
    expect(byExpected).toEqual([...byExpected].sort((a: number, b: number) => a - b));
    const summary = (await get('leader', '/commitments/summary?region=430502&asOf=2024-06-15')).json();
    const sectors = Object.fromEntries(summary.bySector.map((g: { key: string; total: number }) => [g.key, g.total]));
    expect(sectors['经济发展']).toBe(1);
    expect(summary.bySector.reduce((n: number, g: { total: number }) => n + g.total, 0)).toBe(summary.total.total);
    expect(summary.byDepartment.find((g: { key: string }) => g.key === w.ids.hr).total).toBeGreaterThan(0);
  });

  it('ranks departments for a period with score parts', async () => {
    const res = await get('leader', '/assessment?region=430502&period=2024-05');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]).toMatchObject({ rank: 1, departmentName: expect.any(String), parts: { completion: expect.any(Object), timeliness: expect.any(Object), returned: expect.any(Object) } });
    // May's reports fell due on 5 June: timeliness is measured, not empty
    expect(body.items.some((i: { parts: { timeliness: { score: number | null } } }) => i.parts.timeliness.score !== null)).toBe(true);
    expect((await get('hr', '/assessment?region=430502&period=2024-05')).statusCode).toBe(403);
    expect((await get('other', '/assessment?region=430502&period=2024-05')).statusCode).toBe(403);
    expect((await get(null, '/assessment?region=430502&period=2024-05')).statusCode).toBe(401);
    expect((await get('leader', '/assessment?region=430502&period=2024-13')).statusCode).toBe(400);
  });
});
