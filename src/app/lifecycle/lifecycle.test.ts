import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../context.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import type { Db } from '../../store/db.ts';
import { getCommitment } from '../../store/commitments.ts';
import { insertEvidence, insertReport } from '../../store/reports.ts';
import { listAudit } from '../../store/audit.ts';
import { buildWorld } from '../workflow/testWorld.ts';
import { assignCommitment } from './assignCommitment.ts';
import { acknowledgeCommitment } from './acknowledgeCommitment.ts';
import { requestClose } from './requestClose.ts';
import { transitionCommitment } from './transitionCommitment.ts';
import { bulkAssign } from './bulkAssign.ts';
import { fileChangeRequest } from './fileChangeRequest.ts';
import { decideChangeRequest } from './decideChangeRequest.ts';
import { listEvaluatedCommitments } from '../evaluatedCommitments.ts';
import { wantedSlips } from '../escalation/runEscalation.ts';
import { splitCommitment } from '../commitments/splitCommitment.ts';

const workPlan = { responsiblePerson: '张科长', steps: [{ title: '制定方案', startDate: '2024-02-01', endDate: '2024-02-28' }] };

describe.each(testEngines())('lifecycle use cases on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => '2024-06-15');
    w = await buildWorld(db);
  });
  afterAll(async () => db?.close());

  it('assign → acknowledge with a work plan → request close with evidence → close, each audited', async () => {
    const c = await w.commitment();
    const assigned = await assignCommitment(ctx, { actor: w.actors.admin, id: c.id, input: { version: c.version, responsibleLeader: '李副区长' } });
    expect(assigned).toMatchObject({ state: 'assigned', responsibleLeader: '李副区长' });
    // only the lead department acknowledges
    await expect(acknowledgeCommitment(ctx, { actor: w.actors.eduReporter, id: c.id, input: { version: assigned.version, workPlan } })).rejects.toMatchObject({ status: 403 });
    const ack = await acknowledgeCommitment(ctx, { actor: w.actors.hrReporter, id: c.id, input: { version: assigned.version, workPlan } });
    expect(ack.state).toBe('acknowledged');
    const [plan] = await db.query('select responsible_person, steps from work_plan where commitment_id = $1', [c.id]);
    expect(plan).toMatchObject({ responsible_person: '张科长', steps: [{ title: '制定方案' }] });

    const report = await insertReport(db, {
      id: randomUUID(), regionCode: '430502', commitmentId: c.id, departmentId: w.ids.hr, period: '2024-05', cumulativeValue: '3600', milestonesDone: [],
      narrative: '', state: 'accepted', submittedBy: null, submittedAt: null, reviewerId: null, reviewComment: null, reviewedAt: null,
    });
    const ev = randomUUID();
    await insertEvidence(db, { id: ev, regionCode: '430502', reportId: report.id, filename: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'x', data: new Uint8Array([1]) });
    await expect(requestClose(ctx, { actor: w.actors.hrReporter, id: c.id, input: { version: ack.version, summary: '已完成', evidenceIds: [randomUUID()] } }))
      .rejects.toMatchObject({ code: 'evidence_not_found' });
    expect((await getCommitment(db, c.id))!.state).toBe('acknowledged'); // nothing half-written
    const req = await requestClose(ctx, { actor: w.actors.hrReporter, id: c.id, input: { version: ack.version, summary: '已完成3600人', evidenceIds: [ev] } });
    expect(req.state).toBe('closeRequested');
    // a reporter cannot close
    await expect(transitionCommitment(ctx, { actor: w.actors.hrReporter, id: c.id, action: 'close', input: { version: req.version } })).rejects.toMatchObject({ status: 403 });
    const closed = await transitionCommitment(ctx, { actor: w.actors.admin, id: c.id, action: 'close', input: { version: req.version, comment: '同意销号' } });
    expect(closed.state).toBe('closed');
    const [cr] = await db.query('select state, decision_comment from close_request where commitment_id = $1', [c.id]);
    expect(cr).toMatchObject({ state: 'approved', decision_comment: '同意销号' });
    const actions = (await listAudit(db, { regionCodes: ['430502'], entity: 'commitment', entityId: c.id })).map((e) => e.action).reverse();
    expect(actions).toEqual(['commitment.assign', 'commitment.acknowledge', 'workPlan.file', 'commitment.requestClose', 'commitment.close']);
  });

  it('交办 records the day: a whole-year task assigned mid-June owes no report for January to May (none missing, none urged)', async () => {
    const c = await w.commitment({ startDate: '2024-01-01', deadline: '2024-12-31' });
    const assigned = await assignCommitment(ctx, { actor: w.actors.admin, id: c.id, input: { version: c.version } });
    expect(assigned.assignedOn).toBe('2024-06-15');
    const evaluated = async (asOf: string) => (await listEvaluatedCommitments(db, ctx, { regionCodes: ['430502'], asOf })).find((x) => x.id === c.id)!;
    const listed = await evaluated('2024-06-15');
    expect(listed.evaluation).toMatchObject({ missingPeriods: [], reportOverdue: false });
    // a month on, June's report (due 5 July) is missing, and only June's
    expect((await evaluated('2024-07-20')).evaluation.missingPeriods).toEqual(['2024-06']);
    const urged = (await wantedSlips(db, ctx, '430502', '2024-07-20')).filter((s) => s.commitmentId === c.id && s.level === 'urge').map((s) => s.period);
    expect(urged).toEqual(['2024-06']);
    // bulk assignment records it too; a subtask split off an assigned task is handed over on the day it is split
    const d = await w.commitment({ startDate: '2024-01-01', deadline: '2024-12-31' });
    const [bulk] = await bulkAssign(ctx, { actor: w.actors.admin, input: { items: [{ id: d.id, version: d.version }] } });
    expect(bulk!.assignedOn).toBe('2024-06-15');
    const [sub] = await splitCommitment(ctx, { actor: w.actors.admin, id: d.id, input: { version: bulk!.version, subtasks: [{ title: '城镇新增就业（一季度后新增）' }] } });
    expect(sub!.assignedOn).toBe('2024-06-15');
  });

  it('refuses a wrong state with 409 and a stale version with 409, changing nothing', async () => {
    const c = await w.commitment({ state: 'assigned' });
    await expect(assignCommitment(ctx, { actor: w.actors.admin, id: c.id, input: { version: c.version } })).rejects.toMatchObject({ status: 409, code: 'invalid_transition' });
    await expect(acknowledgeCommitment(ctx, { actor: w.actors.hrReporter, id: c.id, input: { version: c.version - 1, workPlan } })).rejects.toMatchObject({ status: 409, code: 'version_conflict' });
    await expect(acknowledgeCommitment(ctx, { actor: w.actors.hrReporter, id: c.id, input: { version: c.version, workPlan: { ...workPlan, steps: [{ title: 'x', startDate: '2023-12-01', endDate: '2024-01-31' }] } } }))
      .rejects.toMatchObject({ code: 'step_outside_window' });
    expect(await getCommitment(db, c.id)).toMatchObject({ state: 'assigned', version: c.version });
  });

  it('hides commitments of another region (404) and lets a city office only read', async () => {
    const c = await w.commitment();
    await expect(assignCommitment(ctx, { actor: w.actors.otherAdmin, id: c.id, input: { version: c.version } })).rejects.toMatchObject({ status: 404 });
    await expect(assignCommitment(ctx, { actor: w.actors.cityAdmin, id: c.id, input: { version: c.version } })).rejects.toMatchObject({ status: 403 });
  });

  it('bulk assignment is all or nothing', async () => {
    const a = await w.commitment();
    const b = await w.commitment({ leadDepartmentId: null, coDepartmentIds: [] });
    await expect(bulkAssign(ctx, { actor: w.actors.admin, input: { items: [{ id: a.id, version: a.version }, { id: b.id, version: b.version }] } }))
      .rejects.toMatchObject({ code: 'lead_missing', zh: expect.stringContaining('第2项') });
    expect((await getCommitment(db, a.id))!.state).toBe('draft');
    const done = await bulkAssign(ctx, { actor: w.actors.admin, input: { items: [{ id: a.id, version: a.version }, { id: b.id, version: b.version, leadDepartmentId: w.ids.edu }] } });
    expect(done.map((c) => [c.state, c.leadDepartmentId])).toEqual([['assigned', w.ids.hr], ['assigned', w.ids.edu]]);
  });

  it('an extension takes effect only when the office approves it; a refusal changes nothing', async () => {
    const c = await w.commitment({ state: 'inProgress' });
    const cr = await fileChangeRequest(ctx, { actor: w.actors.hrReporter, commitmentId: c.id, input: { kind: 'extend', changes: { deadline: '2025-06-30' }, reason: '征地延后' } });
    expect(cr.state).toBe('pending');
    expect((await getCommitment(db, c.id))!.deadline).toBe('2024-12-31');
    await expect(fileChangeRequest(ctx, { actor: w.actors.hrReporter, commitmentId: c.id, input: { kind: 'cancel', reason: 'x' } })).rejects.toMatchObject({ code: 'change_request_pending' });
    await expect(decideChangeRequest(ctx, { actor: w.actors.hrReporter, id: cr.id, input: { decision: 'approve', version: cr.version } })).rejects.toMatchObject({ status: 403 });
    const { changeRequest, commitment } = await decideChangeRequest(ctx, { actor: w.actors.admin, id: cr.id, input: { decision: 'approve', version: cr.version } });
    expect(changeRequest.state).toBe('approved');
    expect(commitment.deadline).toBe('2025-06-30');

    const cancel = await fileChangeRequest(ctx, { actor: w.actors.hrReporter, commitmentId: c.id, input: { kind: 'cancel', reason: '政策调整' } });
    const refused = await decideChangeRequest(ctx, { actor: w.actors.admin, id: cancel.id, input: { decision: 'refuse', comment: '继续推进', version: cancel.version } });
    expect(refused.changeRequest.state).toBe('refused');
    expect((await getCommitment(db, c.id))!.state).toBe('inProgress');
    await expect(decideChangeRequest(ctx, { actor: w.actors.admin, id: cancel.id, input: { decision: 'approve', version: refused.changeRequest.version } })).rejects.toMatchObject({ code: 'invalid_change_request' });
  });

  it('refuses an invalid change request (an extension to an earlier date)', async () => {
    const c = await w.commitment({ state: 'inProgress' });
    await expect(fileChangeRequest(ctx, { actor: w.actors.hrReporter, commitmentId: c.id, input: { kind: 'extend', changes: { deadline: '2024-06-30' }, reason: 'x' } }))
      .rejects.toMatchObject({ status: 400, code: 'invalid_change_request' });
  });
});
