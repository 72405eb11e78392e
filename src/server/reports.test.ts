import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalForUser } from '../app/auth/principal.ts';
import { assignCommitment } from '../app/lifecycle/assignCommitment.ts';
import { getUser } from '../store/users.ts';
import { updateReport } from '../store/reports.ts';
import { updateCommitment } from '../store/commitments.ts';
import { listReportVersions } from '../store/reportHistory.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { makeUser, signIn, type Session } from './testing.ts';
import { buildWorld, multipartFile, PDF, X, type World } from './world.ts';

describe.each(testEngines())('progress reports on %s', (engine) => {
  let w: World;
  let admin: Session;
  let reporter: Session;
  const inject = (s: Partial<Session>, o: { method?: string; url: string; payload?: unknown; headers?: Record<string, string> }) =>
    w.app.inject({ method: (o.method ?? 'GET') as 'GET', url: o.url, payload: o.payload as object, headers: { ...o.headers, ...s } });
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
    admin = w.sessions.admin as Session;
    reporter = w.sessions.reporter as Session;
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });

  it('assign → submit → return → resubmit → accept moves report and commitment status, keeps history and audits each step', async () => {
    const created = await inject(admin, {
      method: 'POST', url: '/api/commitments',
      payload: { planId: w.plan.X, title: '城镇新增就业1200人', sector: '民生保障', targetValue: '1200', unit: '人', comparator: 'gte', startDate: '2024-01-01', deadline: '2024-12-31', leadDepartmentId: w.dept.X1 },
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    const report = { period: '2024-06', cumulativeValue: '600', narrative: '上半年新增就业600人' };
    const early = await inject(reporter, { method: 'POST', url: `/api/commitments/${c.id}/reports`, payload: report });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('not_reporting');

    const adminPrincipal = await principalForUser(w.db, (await getUser(w.db, w.users.admin))!);
    await assignCommitment(w.ctx, { actor: adminPrincipal, id: c.id, input: { version: c.version } });

    const submitted = await inject(reporter, { method: 'POST', url: `/api/commitments/${c.id}/reports`, payload: report });
    expect(submitted.statusCode).toBe(201);
    const r1 = submitted.json();
    expect(r1).toMatchObject({ state: 'submitted', cumulativeValue: '600', departmentId: w.dept.X1 });
    const status = async () => (await inject(admin, { url: `/api/commitments/${c.id}` })).json().evaluation;
    const before = await status();
    expect(before.completionRate).toBe(0); // only accepted reports count

    const noComment = await inject(admin, { method: 'POST', url: `/api/reports/${r1.id}/review`, payload: { version: r1.version, decision: 'return' } });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.code).toBe('comment_required');
    const returned = await inject(admin, { method: 'POST', url: `/api/reports/${r1.id}/review`, payload: { version: r1.version, decision: 'return', comment: '请补充台账' } });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请补充台账' });

    const stale = await inject(reporter, { method: 'PATCH', url: `/api/reports/${r1.id}`, payload: { version: r1.version, cumulativeValue: '700', submit: true } });
    expect(stale.statusCode).toBe(409);
    const resubmitted = await inject(reporter, { method: 'PATCH', url: `/api/reports/${r1.id}`, payload: { version: returned.json().version, cumulativeValue: '700', narrative: '新增就业700人，台账已补充', submit: true } });
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json().state).toBe('submitted');

    const accepted = await inject(admin, { method: 'POST', url: `/api/reports/${r1.id}/review`, payload: { version: resubmitted.json().version, decision: 'accept' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('accepted');
    const after = await status();
    expect(after.completionRate).toBe(Math.round((700 / 1200) * 1000) / 10);
    expect(after.completionRate).toBeGreaterThan(after.expectedProgress);
    expect(after.status).toBe('onTrack');
    expect(before.status).not.toBe('onTrack');

    // accepted is final
    const edit = await inject(reporter, { method: 'PATCH', url: `/api/reports/${r1.id}`, payload: { version: accepted.json().version, cumulativeValue: '1' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('report_not_editable');
    expect((await inject(admin, { method: 'POST', url: `/api/reports/${r1.id}/review`, payload: { version: accepted.json().version, decision: 'return', comment: 'x' } })).statusCode).toBe(409);

    const detail = (await inject(reporter, { url: `/api/reports/${r1.id}` })).json();
    expect(detail.history.map((h: { snapshot: { state: string; cumulativeValue: string } }) => [h.snapshot.state, h.snapshot.cumulativeValue])).toEqual([
      ['submitted', '600'], ['returned', '600'], ['submitted', '700'],
    ]);
    const audit = (await inject(admin, { url: `/api/audit?entity=commitment&entityId=${c.id}` })).json().items;
    expect(audit.map((e: { action: string }) => e.action).reverse()).toEqual([
      'commitment.create', 'commitment.assign', 'report.submit', 'report.return', 'report.resubmit', 'report.accept',
    ]);
    const acceptEvent = audit.find((e: { action: string }) => e.action === 'report.accept');
    expect(acceptEvent).toMatchObject({ actorId: w.users.admin, actorRole: 'admin', clientAddress: expect.any(String), before: { state: 'submitted' }, after: { state: 'accepted' } });
    // per user
    const byUser = (await inject(admin, { url: `/api/audit?actor=${w.users.reporter}` })).json().items;
    expect(byUser.some((e: { action: string }) => e.action === 'report.resubmit')).toBe(true);
  });

  it('the database keeps every earlier version, whatever code path updates a report', async () => {
    const r = await w.report(await w.commitment('own'), 'submitted', '2024-03');
    await updateReport(w.db, r.id, r.version, { cumulativeValue: '123456789012345.67', narrative: '导入更新' });
    const r2 = (await w.db.query<{ version: number }>('select version from progress_report where id = $1', [r.id]))[0]!;
    await updateReport(w.db, r.id, r2.version, { narrative: '再次更新' });
    const versions = await listReportVersions(w.db, r.id);
    expect(versions.map((v) => [v.version, v.snapshot.cumulativeValue, v.snapshot.narrative])).toEqual([
      [1, '500', '按计划推进'], [2, '123456789012345.67', '导入更新'],
    ]);
  });

  it('a retried submission with the same Idempotency-Key returns the first report and stores one', async () => {
    const c = await w.commitment('own');
    const key = `k-${randomUUID()}`;
    const send = (value: string) => inject(reporter, { method: 'POST', url: `/api/commitments/${c.id}/reports`, headers: { 'idempotency-key': key }, payload: { period: '2024-04', cumulativeValue: value } });
    const [a, b] = await Promise.all([send('400'), send('400')]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    const reused = await send('999');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    const twice = await inject(reporter, { method: 'POST', url: `/api/commitments/${c.id}/reports`, payload: { period: '2024-04', cumulativeValue: '400' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'report_exists', details: { id: a.json().id } });
    expect(await w.db.query('select id from progress_report where commitment_id = $1', [c.id])).toHaveLength(1);
  });

  it('a submission sees changes made since the department last reported: reassignment, period lock', async () => {
    const c = await w.commitment('own');
    const post = (period: string) => inject(reporter, { method: 'POST', url: `/api/commitments/${c.id}/reports`, payload: { period, cumulativeValue: '10' } });
    expect((await post('2024-02')).statusCode).toBe(201);
    await w.db.query(`insert into period_lock (region_code, period) values ($1, '2024-03')`, [c.regionCode]);
    const locked = await post('2024-03');
    await w.db.query(`delete from period_lock where region_code = $1 and period = '2024-03'`, [c.regionCode]); // other tests report for 2024-03
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('period_locked');
    await updateCommitment(w.db, c.id, c.version, { leadDepartmentId: w.dept.X2 });
    expect((await post('2024-04')).statusCode).toBe(404);
    const stored = await w.db.query<{ period: string }>('select period from progress_report where commitment_id = $1 order by period', [c.id]);
    expect(stored.map((r) => r.period)).toEqual(['2024-02']);
  });

  it('checks the period and the value', async () => {
    const c = await w.commitment('own');
    const post = (payload: object) => inject(reporter, { method: 'POST', url: `/api/commitments/${c.id}/reports`, payload });
    expect((await post({ period: '2024-Q2', cumulativeValue: '1' })).json().error.code).toBe('period_invalid');
    expect((await post({ period: '2024-09', cumulativeValue: '1' })).json().error.code).toBe('period_future');
    expect((await post({ period: '2024-03' })).json().error.code).toBe('value_required');
    const bad = await post({ period: '2024-03', cumulativeValue: '1,000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.zh).toMatch(/输入有误/);
    expect((await post({ period: '2024-03', draft: true, narrative: '草稿' })).json().state).toBe('draft');
  });

  it('evidence: allowed types only, content must match, size limit, downloadable only by readers', async () => {
    const c = await w.commitment('own');
    const r = (await inject(reporter, { method: 'POST', url: `/api/commitments/${c.id}/reports`, payload: { period: '2024-05', cumulativeValue: '10', draft: true } })).json();
    const upload = (name: string, type: string, data: Buffer) => w.app.inject({ method: 'POST', url: `/api/reports/${r.id}/evidence`, ...((m) => ({ payload: m.payload, headers: { ...m.headers, ...reporter } }))(multipartFile(name, type, data)) });
    const ok = await upload('就业台账.pdf', 'application/pdf', PDF);
    expect(ok.statusCode).toBe(201);
    const [e] = ok.json().items;
    expect(e).toMatchObject({ filename: '就业台账.pdf', contentType: 'application/pdf', size: PDF.length });
    expect((await upload('x.exe', 'application/x-msdownload', Buffer.from('MZ....'))).statusCode).toBe(415);
    const disguised = await upload('fake.pdf', 'application/pdf', Buffer.from('<html>not a pdf</html>'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.code).toBe('file_content');
    const big = await upload('big.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]));
    expect(big.statusCode).toBe(413);
    expect((await w.db.query('select id from evidence where report_id = $1', [r.id])).length).toBe(1);

    const down = await inject(admin, { url: `/api/evidence/${e.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(PDF)).toBe(true);
    const otherReporter = await makeUser(w.ctx, { username: `x2-${randomUUID().slice(0, 6)}`, displayName: '教育局填报员', role: 'reporter', regionCode: X, departmentId: w.dept.X2 });
    const x2 = await signIn(w.app, (await getUser(w.db, otherReporter))!.username);
    expect((await inject(x2, { url: `/api/evidence/${e.id}` })).statusCode).toBe(404);
    expect((await inject({}, { url: `/api/evidence/${e.id}` })).statusCode).toBe(401);

    const extra = (await upload('多余.pdf', 'application/pdf', PDF)).json().items[0];
    expect((await inject(reporter, { method: 'DELETE', url: `/api/evidence/${extra.id}` })).statusCode).toBe(204);
    await inject(reporter, { method: 'PATCH', url: `/api/reports/${r.id}`, payload: { version: r.version, submit: true } });
    expect((await upload('later.pdf', 'application/pdf', PDF)).statusCode).toBe(409);
    const kept = await inject(reporter, { method: 'DELETE', url: `/api/evidence/${e.id}` });
    expect(kept.statusCode).toBe(409);
    expect(kept.json().error.code).toBe('evidence_kept');
    expect((await inject(reporter, { url: `/api/reports/${r.id}` })).json().evidence.map((x: { id: string }) => x.id)).toEqual([e.id]);
  });

  it('a co-department reporter sees the commitment, reports for itself only, and does not move completion', async () => {
    const c = await w.commitment('own', { coDepartmentIds: [w.dept.X2] });
    const lead = await w.report(c, 'draft', '2024-05');
    const id = await makeUser(w.ctx, { username: `co-${randomUUID().slice(0, 6)}`, displayName: '教育局填报员', role: 'reporter', regionCode: X, departmentId: w.dept.X2 });
    const co = await signIn(w.app, (await getUser(w.db, id))!.username);
    expect((await inject(co, { url: `/api/commitments/${c.id}` })).statusCode).toBe(200);
    const mine = await inject(co, { method: 'POST', url: `/api/commitments/${c.id}/reports`, payload: { period: '2024-05', cumulativeValue: '1200', narrative: '配合开展招聘会3场' } });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().departmentId).toBe(w.dept.X2);
    const theirs = await inject(co, { method: 'PATCH', url: `/api/reports/${lead.id}`, payload: { version: lead.version, narrative: '改别人的' } });
    expect(theirs.statusCode).toBe(404); // a draft of another department is not even visible to it
    await inject(admin, { method: 'POST', url: `/api/reports/${mine.json().id}/review`, payload: { version: mine.json().version, decision: 'accept' } });
    expect((await inject(admin, { url: `/api/commitments/${c.id}` })).json().evaluation.completionRate).toBe(0);
  });

  it('the public sees published commitments and accepted reports only', async () => {
    const pub = await w.commitment('own', { published: true, title: '公开任务' });
    const hidden = await w.commitment('own', { published: false, title: '内部任务' });
    await w.report(pub, 'accepted', '2024-05');
    await w.report(pub, 'submitted', '2024-06');
    await w.report(hidden, 'accepted', '2024-05');
    const res = await w.app.inject({ url: `/api/public/commitments?region=${X}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; latestReport: { period: string } | null }[];
    expect(items.map((i) => i.id)).toContain(pub.id);
    expect(items.map((i) => i.id)).not.toContain(hidden.id);
    expect(items.find((i) => i.id === pub.id)!.latestReport).toMatchObject({ period: '2024-05', cumulativeValue: '500' });
    expect(res.body).not.toContain('submittedBy');
  });

  it('many clients submitting and reviewing at once: stored = acknowledged, no accepted report overwritten', async () => {
    const commitments = await Promise.all(Array.from({ length: 6 }, () => w.commitment('own')));
    const clients: Session[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await makeUser(w.ctx, { username: `load-${i}-${randomUUID().slice(0, 6)}`, displayName: `填报员${i}`, role: 'reporter', regionCode: X, departmentId: w.dept.X1 });
      clients.push(await signIn(w.app, (await getUser(w.db, id))!.username));
    }
    const offices = [admin, await signIn(w.app, 'x-admin')];
    const periods = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
    // every client tries every (commitment, period): 4 × 36 requests for 36 slots, some retried with a key
    const submissions = clients.flatMap((s, ci) =>
      commitments.flatMap((c) =>
        periods.map((p, pi) => inject(s, {
          method: 'POST', url: `/api/commitments/${c.id}/reports`, payload: { period: p, cumulativeValue: String(100 * (pi + 1) + ci) },
          headers: pi % 2 === 0 ? { 'idempotency-key': `${c.id}-${p}-${ci}` } : {},
        })),
      ),
    );
    const results = await Promise.all(submissions);
    const acknowledged = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id as string));
    expect(results.every((r) => r.statusCode === 201 || (r.statusCode === 409 && r.json().error.code === 'report_exists'))).toBe(true);
    const stored = await w.db.query<{ id: string }>('select id from progress_report where commitment_id = any($1)', [commitments.map((c) => c.id)]);
    expect(stored.length).toBe(acknowledged.size);
    expect(stored.length).toBe(commitments.length * periods.length);
    expect(new Set(stored.map((s) => s.id))).toEqual(acknowledged);

    // two offices review every report at once, one accepting and one returning: exactly one wins each
    const reports = (await w.db.query<{ id: string; version: number }>('select id, version from progress_report where commitment_id = any($1)', [commitments.map((c) => c.id)]));
    const reviews = await Promise.all(reports.flatMap((r) => [
      inject(offices[0]!, { method: 'POST', url: `/api/reports/${r.id}/review`, payload: { version: r.version, decision: 'accept' } }),
      inject(offices[1]!, { method: 'POST', url: `/api/reports/${r.id}/review`, payload: { version: r.version, decision: 'return', comment: '请核实' } }),
    ]));
    const wins = reviews.filter((r) => r.statusCode === 200).map((r) => r.json());
    expect(wins.length).toBe(reports.length);
    expect(reviews.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409)).toBe(true);
    const acceptedValues = new Map(wins.filter((r) => r.state === 'accepted').map((r) => [r.id as string, r.cumulativeValue as string]));

    // then every client tries to change every report at once: only returned ones change
    const edits = await Promise.all(wins.flatMap((r) => clients.map((s) =>
      inject(s, { method: 'PATCH', url: `/api/reports/${r.id}`, payload: { version: r.version, cumulativeValue: '1', submit: true } }))));
    expect(edits.filter((e) => e.statusCode === 200).length).toBe(wins.length - acceptedValues.size);
    const final = await w.db.query<{ id: string; state: string; cumulative_value: string }>('select id, state, cumulative_value from progress_report where id = any($1)', [[...acceptedValues.keys()]]);
    for (const row of final) expect([row.state, row.cumulative_value]).toEqual(['accepted', acceptedValues.get(row.id)]);
  });
});
