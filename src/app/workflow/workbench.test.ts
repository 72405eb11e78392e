/**
 * The reads behind the workbenches (工作台) and the rules the detail page's buttons follow: the
 * review queue, 办结申请 to decide, 批示 awaiting reply and a leader's own, one-department 催办,
 * what may be edited after 交办, and which actions each role is offered.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../context.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import type { Db } from '../../store/db.ts';
import { getCommitment } from '../../store/commitments.ts';
import { insertEvidence, insertReport } from '../../store/reports.ts';
import type { ProgressReport } from '../../domain/types.ts';
import { COMMITMENT_FIELDS, editableFields, TRANSITIONS } from '../../domain/lifecycle.ts';
import { buildWorld } from './testWorld.ts';
import { allowedActions } from './allowedActions.ts';
import { listRegionReports, presentReports, type ListRegionReportsQuery } from '../reports/listRegionReports.ts';
import type { Principal } from '../policies/principal.ts';
import { listCloseRequests, type ListCloseRequestsQuery } from '../lifecycle/listCloseRequests.ts';
import { requestClose } from '../lifecycle/requestClose.ts';
import { transitionCommitment } from '../lifecycle/transitionCommitment.ts';
import { recordInstruction } from '../instructions/recordInstruction.ts';
import { replyToInstruction } from '../instructions/replyToInstruction.ts';
import { listRegionInstructions, type ListRegionInstructionsQuery } from '../instructions/listRegionInstructions.ts';
import { sendReminders } from '../reminders/sendReminders.ts';
import { updateCommitment } from '../commitments/updateCommitment.ts';

describe.each(testEngines())('workbench reads on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => '2024-06-15');
    w = await buildWorld(db);
  });
  afterAll(async () => db?.close());

  /** One page of the region's reports as the actor reads them. */
  const listReports = async (actor: Principal, query: ListRegionReportsQuery) => presentReports(actor, await listRegionReports(ctx, { actor, query, limit: 1000 }));
  /** One page of close requests and of instructions as the actor reads them. */
  const closeRequests = async (o: { actor: Principal; query: ListCloseRequestsQuery }) => (await listCloseRequests(ctx, { ...o, limit: 1000 })).items;
  const regionInstructions = async (o: { actor: Principal; query: ListRegionInstructionsQuery }) => (await listRegionInstructions(ctx, { ...o, limit: 1000 })).items;

  const report = (commitmentId: string, departmentId: string, period: string, state: ProgressReport['state']) =>
    insertReport(db, {
      id: randomUUID(), regionCode: '430502', commitmentId, departmentId, period, cumulativeValue: '100', milestonesDone: [], narrative: `${period} 进展`,
      state, submittedBy: null, submittedAt: null, reviewerId: null, reviewComment: state === 'returned' ? '请补充台账' : null, reviewedAt: null,
    });

  it('the review queue: submitted reports with title, unit and evidence; a reporter sees only its department’s, another region none', async () => {
    const hrTask = await w.commitment({ state: 'inProgress', title: '人社任务' });
    const eduTask = await w.commitment({ state: 'inProgress', title: '教育任务', leadDepartmentId: w.ids.edu, coDepartmentIds: [] });
    const a = await report(hrTask.id, w.ids.hr, '2024-05', 'submitted');
    await insertEvidence(db, { id: randomUUID(), regionCode: '430502', reportId: a.id, filename: '台账.pdf', contentType: 'application/pdf', size: 1, sha256: 'x', data: new Uint8Array([1]) });
    const b = await report(eduTask.id, w.ids.edu, '2024-05', 'submitted');
    await report(hrTask.id, w.ids.hr, '2024-04', 'accepted');
    const returned = await report(eduTask.id, w.ids.edu, '2024-04', 'returned');

    const queue = await listReports(w.actors.admin, { region: '430502', state: 'submitted' });
    expect(queue.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    const first = queue.find((r) => r.id === a.id)!;
    expect(first).toMatchObject({ commitmentTitle: '人社任务', unit: '人', state: 'submitted', evidence: [{ filename: '台账.pdf' }] });
    expect(first).not.toHaveProperty('idempotencyKey');
    expect(queue.find((r) => r.id === b.id)!.evidence).toEqual([]);

    // 人社局 leads hrTask and helps nothing of 教育局: only its own; asking for another department changes nothing
    const hr = await listReports(w.actors.hrReporter, { region: '430502', state: 'submitted', department: w.ids.edu });
    expect(hr.map((r) => r.id)).toEqual([a.id]);
    // 教育局 helps hrTask (co-department) and leads eduTask
    const edu = await listReports(w.actors.eduReporter, { region: '430502', state: 'returned' });
    expect(edu.map((r) => [r.id, r.reviewComment])).toEqual([[returned.id, '请补充台账']]);
    await expect(listReports(w.actors.otherAdmin, { region: '430502' })).rejects.toMatchObject({ status: 403 });
    // the city office reads its districts
    expect((await listReports(w.actors.cityAdmin, { region: '430502', state: 'submitted' })).length).toBeGreaterThanOrEqual(2);
  });

  it('close requests to decide, with the evidence’s names; decided ones leave the pending list', async () => {
    const c = await w.commitment({ state: 'inProgress', title: '待办结任务' });
    const r = await report(c.id, w.ids.hr, '2024-05', 'accepted');
    const ev = randomUUID();
    await insertEvidence(db, { id: ev, regionCode: '430502', reportId: r.id, filename: '验收单.pdf', contentType: 'application/pdf', size: 1, sha256: 'x', data: new Uint8Array([1]) });
    const asked = await requestClose(ctx, { actor: w.actors.hrReporter, id: c.id, input: { version: c.version, summary: '全部完成', evidenceIds: [ev] } });
    const pending = await closeRequests({ actor: w.actors.admin, query: { region: '430502', state: 'pending' } });
    expect(pending.filter((x) => x.commitmentId === c.id)).toEqual([
      expect.objectContaining({ commitmentTitle: '待办结任务', summary: '全部完成', state: 'pending', leadDepartmentId: w.ids.hr, evidence: [{ id: ev, filename: '验收单.pdf' }] }),
    ]);
    // another department's reporter does not see it; the lead department does
    expect((await closeRequests({ actor: w.actors.eduReporter, query: { region: '430502', state: 'pending' } })).some((x) => x.commitmentId === c.id)).toBe(true); // co-department
    const other = await w.commitment({ state: 'inProgress', leadDepartmentId: w.ids.edu, coDepartmentIds: [] });
    const r2 = await report(other.id, w.ids.edu, '2024-05', 'accepted');
    const ev2 = randomUUID();
    await insertEvidence(db, { id: ev2, regionCode: '430502', reportId: r2.id, filename: 'b.pdf', contentType: 'application/pdf', size: 1, sha256: 'y', data: new Uint8Array([1]) });
    await requestClose(ctx, { actor: w.actors.eduReporter, id: other.id, input: { version: other.version, summary: '完成', evidenceIds: [ev2] } });
    expect((await closeRequests({ actor: w.actors.hrReporter, query: { region: '430502' } })).some((x) => x.commitmentId === other.id)).toBe(false);

    await transitionCommitment(ctx, { actor: w.actors.admin, id: c.id, action: 'rejectClose', input: { version: asked.version, comment: '请补充验收报告' } });
    const after = await closeRequests({ actor: w.actors.admin, query: { region: '430502', commitment: c.id } });
    expect(after.map((x) => [x.state, x.decisionComment])).toEqual([['refused', '请补充验收报告']]);
    expect((await closeRequests({ actor: w.actors.admin, query: { region: '430502', state: 'pending' } })).some((x) => x.commitmentId === c.id)).toBe(false);
  });

  it('instructions: the office’s awaiting-reply list, a leader’s own, a department’s; a reply takes it off the waiting list', async () => {
    const c = await w.commitment({ state: 'inProgress', title: '批示任务' });
    const byLeader = await recordInstruction(ctx, { actor: w.actors.leader, commitmentId: c.id, input: { leaderName: '王区长', text: '加快进度' } });
    const byOffice = await recordInstruction(ctx, { actor: w.actors.admin, commitmentId: c.id, input: { leaderName: '李书记', text: '月底前见效' } });
    const waiting = await regionInstructions({ actor: w.actors.admin, query: { region: '430502', awaitingReply: true } });
    expect(waiting.filter((i) => i.commitmentId === c.id).map((i) => i.id).sort()).toEqual([byLeader.id, byOffice.id].sort());
    const mine = await regionInstructions({ actor: w.actors.leader, query: { region: '430502', mine: true } });
    expect(mine.map((i) => i.id)).toEqual([byLeader.id]);
    expect(mine[0]).toMatchObject({ commitmentTitle: '批示任务', leadDepartmentId: w.ids.hr, replies: [], followedUp: false });

    await replyToInstruction(ctx, { actor: w.actors.hrReporter, instructionId: byLeader.id, input: { text: '已召开推进会' } });
    const mineAfter = await regionInstructions({ actor: w.actors.leader, query: { region: '430502', mine: true } });
    expect(mineAfter[0]).toMatchObject({ followedUp: true, replies: [{ departmentId: w.ids.hr, text: '已召开推进会' }] });
    const stillWaiting = await regionInstructions({ actor: w.actors.hrReporter, query: { region: '430502', awaitingReply: true } });
    expect(stillWaiting.map((i) => i.id)).toEqual([byOffice.id]);
    // a department that neither leads nor helps sees none of them
    const d = await w.commitment({ state: 'inProgress', leadDepartmentId: w.ids.edu, coDepartmentIds: [] });
    await recordInstruction(ctx, { actor: w.actors.leader, commitmentId: d.id, input: { leaderName: '王区长', text: '教育' } });
    expect((await regionInstructions({ actor: w.actors.hrReporter, query: { region: '430502' } })).some((i) => i.commitmentId === d.id)).toBe(false);
    await expect(regionInstructions({ actor: w.actors.otherAdmin, query: { region: '430502' } })).rejects.toMatchObject({ status: 403 });
  });

  it('催办 of the departments named only, and only the kind asked for', async () => {
    const day = createContext(db, undefined, () => '2024-08-20');
    await w.commitment({ state: 'inProgress', title: '人社逾期', startDate: '2024-05-01' });
    await w.commitment({ state: 'inProgress', title: '教育逾期', startDate: '2024-05-01', leadDepartmentId: w.ids.edu, coDepartmentIds: [] });
    const all = await sendReminders(day, { actor: w.actors.admin, regionCode: '430502', dryRun: true });
    expect(new Set(all.reminders.map((r) => r.departmentId))).toEqual(new Set([w.ids.hr, w.ids.edu]));
    const one = await sendReminders(day, { actor: w.actors.admin, regionCode: '430502', departmentIds: [w.ids.edu], kinds: ['urge'] });
    expect(one.reminders.map((r) => [r.departmentId, r.kind])).toEqual([[w.ids.edu, 'urge']]);
    const rows = await db.query<{ department_id: string }>(`select distinct department_id from reminder where region_code = '430502' and as_of = '2024-08-20'`);
    expect(rows.map((r) => r.department_id)).toEqual([w.ids.edu]);
  });

  it('after 交办 the office edits wording and organisation, not what the department is measured against', async () => {
    const c = await w.commitment({ state: 'inProgress' });
    const ok = await updateCommitment(ctx, { actor: w.actors.admin, id: c.id, input: { version: c.version, title: '城镇新增就业3500人以上（含返乡）', responsibleLeader: '李副区长' } });
    expect(ok.title).toContain('返乡');
    await expect(updateCommitment(ctx, { actor: w.actors.admin, id: c.id, input: { version: ok.version, targetValue: '3000' } })).rejects.toMatchObject({ status: 409, zh: expect.stringContaining('调整') });
    await expect(updateCommitment(ctx, { actor: w.actors.admin, id: c.id, input: { version: ok.version, deadline: '2025-03-31' } })).rejects.toMatchObject({ status: 409 });
    // sending an unchanged value along is no edit
    expect((await updateCommitment(ctx, { actor: w.actors.admin, id: c.id, input: { version: ok.version, targetValue: c.targetValue, sector: '就业' } })).sector).toBe('就业');
    expect((await getCommitment(db, c.id))!.targetValue).toBe(c.targetValue);
    // the lead department may change until it has 签收; a draft everything; closed nothing
    const assigned = await w.commitment({ state: 'assigned' });
    expect((await updateCommitment(ctx, { actor: w.actors.admin, id: assigned.id, input: { version: assigned.version, leadDepartmentId: w.ids.edu, coDepartmentIds: [] } })).leadDepartmentId).toBe(w.ids.edu);
    const closed = await w.commitment({ state: 'closed' });
    await expect(updateCommitment(ctx, { actor: w.actors.admin, id: closed.id, input: { version: closed.version, title: 'x' } })).rejects.toMatchObject({ status: 409 });
    expect(editableFields('draft')).toEqual(COMMITMENT_FIELDS);
    for (const s of ['acknowledged', 'inProgress', 'closeRequested'] as const) {
      expect(editableFields(s)).not.toContain('targetValue');
      expect(editableFields(s)).not.toContain('deadline');
      expect(editableFields(s)).not.toContain('leadDepartmentId');
    }
  });

  it('offers each role exactly the lifecycle moves the state machine allows it', async () => {
    for (const state of ['draft', 'assigned', 'acknowledged', 'inProgress', 'closeRequested', 'closed', 'cancelled'] as const) {
      const c = { ...(await w.commitment({ state })) };
      const expectFor = (role: string) => TRANSITIONS.filter((t) => t.from.includes(state) && (t.roles as readonly string[]).includes(role)).map((t) => t.action);
      expect(allowedActions(w.actors.admin, c).transitions).toEqual(expectFor('admin'));
      expect(allowedActions(w.actors.hrReporter, c).transitions).toEqual(expectFor('leadReporter'));
      expect(allowedActions(w.actors.leader, c).transitions).toEqual(expectFor('leader'));
      // a co-department, another region's office and the city office act on nothing
      for (const a of [w.actors.eduReporter, w.actors.otherAdmin, w.actors.cityAdmin]) {
        const x = allowedActions(a, c);
        expect([x.transitions, x.editable, x.publish, x.split, x.requestChange, x.decideChange, x.instruct]).toEqual([[], [], false, false, false, false, false]);
      }
      expect(allowedActions(w.actors.leader, c)).toMatchObject({ instruct: true, reply: false, editable: [], decideChange: false });
      expect(allowedActions(w.actors.eduReporter, c).reply).toBe(true);
    }
  });
});
