/**
 * The detail page shows an action exactly when the API lets the signed-in user take it: for every
 * lifecycle state and every kind of user (the office, a leader, the lead department, a co-department,
 * another district's office, the city's office), each flag of `allowedActions` — which the web app
 * turns into buttons — is checked against the use case itself on a fresh commitment.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMITMENT_STATES, type CommitmentState } from '../../domain/types.ts';
import type { Db } from '../../store/db.ts';
import { insertReport } from '../../store/reports.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { publishCommitment } from '../commitments/publishCommitment.ts';
import { setMilestones } from '../commitments/setMilestones.ts';
import { splitCommitment } from '../commitments/splitCommitment.ts';
import { updateCommitment } from '../commitments/updateCommitment.ts';
import { createContext, type AppContext } from '../context.ts';
import { recordInstruction } from '../instructions/recordInstruction.ts';
import { replyToInstruction } from '../instructions/replyToInstruction.ts';
import { fileChangeRequest } from '../lifecycle/fileChangeRequest.ts';
import { reviewProgressReport } from '../reports/reviewProgressReport.ts';
import { submitProgressReport } from '../reports/submitProgressReport.ts';
import type { Principal } from '../policies/principal.ts';
import { allowedActions, type AllowedActions } from './allowedActions.ts';
import { SYSTEM_ACTOR } from './access.ts';
import { buildWorld } from './testWorld.ts';

describe.each(testEngines())('detail page actions match the API on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => '2024-06-15');
    w = await buildWorld(db);
  });
  afterAll(async () => db?.close());

  /** Whether the use case lets `actor` do it: true when it succeeds, false when refused (any AppError). */
  const permits = async (run: () => Promise<unknown>): Promise<boolean> => {
    try {
      await run();
      return true;
    } catch (e) {
      if (e instanceof Error && 'status' in e && typeof (e as { status: unknown }).status === 'number') {
        // a refusal for who or when (403, 404, 409; a change request in a state that takes none: 400
        // invalid_change_request), never a malformed request from this test
        const { status, code } = e as unknown as { status: number; code: string };
        expect(status === 400 ? code : status, e.message).toBeOneOf([403, 404, 409, 'invalid_change_request']);
        return false;
      }
      throw e;
    }
  };

  /** Each flag of AllowedActions the detail page turns into a button, as the API call it stands for. */
  const checks: Record<string, { flag(a: AllowedActions): boolean; run(actor: Principal, state: CommitmentState): Promise<unknown> }> = {
    设置节点: {
      flag: (a) => a.milestones,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        return setMilestones(ctx, { actor, id: c.id, input: { version: c.version, template: 'generic' } });
      },
    },
    分解子任务: {
      flag: (a) => a.split,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        return splitCommitment(ctx, { actor, id: c.id, input: { version: c.version, subtasks: [{ title: '子任务' }] } });
      },
    },
    公开: {
      flag: (a) => a.publish,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        return publishCommitment(ctx, { actor, id: c.id, input: { version: c.version, published: true } });
      },
    },
    修改: {
      flag: (a) => a.editable.length > 0,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        return updateCommitment(ctx, { actor, id: c.id, input: { version: c.version, responsibleLeader: '王副区长' } });
      },
    },
    申请变更: {
      flag: (a) => a.requestChange,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        return fileChangeRequest(ctx, { actor, commitmentId: c.id, input: { kind: 'extend', changes: { deadline: '2025-03-31' }, reason: '工期顺延' } });
      },
    },
    录入批示: {
      flag: (a) => a.instruct,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        return recordInstruction(ctx, { actor, commitmentId: c.id, input: { leaderName: '区长', text: '请加快推进' } });
      },
    },
    反馈落实情况: {
      flag: (a) => a.reply,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        const i = await recordInstruction(ctx, { actor: SYSTEM_ACTOR, commitmentId: c.id, input: { leaderName: '区长', text: '请加快推进' } });
        return replyToInstruction(ctx, { actor, instructionId: i.id, input: { text: '已落实' } });
      },
    },
    填报进展: {
      flag: (a) => a.report,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        return submitProgressReport(ctx, { actor, commitmentId: c.id, input: { period: '2024-05', cumulativeValue: '1200', narrative: '按计划推进' } });
      },
    },
    '采纳 / 退回': {
      flag: (a) => a.review,
      run: async (actor, state) => {
        const c = await w.commitment({ state });
        const r = await insertReport(db, {
          id: randomUUID(), regionCode: c.regionCode, commitmentId: c.id, departmentId: w.ids.hr, period: '2024-05', cumulativeValue: '1200', milestonesDone: [],
          narrative: '按计划推进', state: 'submitted', submittedBy: null, submittedAt: '2024-06-03T02:00:00Z', reviewerId: null, reviewComment: null, reviewedAt: null,
        });
        return reviewProgressReport(ctx, { actor, id: r.id, input: { decision: 'accept', version: r.version } });
      },
    },
  };

  const actors = () => ({
    督查室: w.actors.admin, 区领导: w.actors.leader, 牵头单位: w.actors.hrReporter, 配合单位: w.actors.eduReporter,
    其他区县督查室: w.actors.otherAdmin, 市督查室: w.actors.cityAdmin,
  });

  it.each(COMMITMENT_STATES.filter((s) => s !== 'draft'))('in state %s every button shown is one the API allows, and none the API allows is missing', async (state) => {
    const mismatches: string[] = [];
    for (const [who, actor] of Object.entries(actors())) {
      const shown = allowedActions(actor, await w.commitment({ state }));
      for (const [button, check] of Object.entries(checks)) {
        const allowed = await permits(() => check.run(actor, state));
        if (check.flag(shown) !== allowed) mismatches.push(`${who} ${button}: shown ${check.flag(shown)}, API ${allowed ? 'allows' : 'refuses'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('on a draft the same holds (the office sets it up; a change request is for what was assigned)', async () => {
    const mismatches: string[] = [];
    for (const [who, actor] of Object.entries(actors())) {
      const shown = allowedActions(actor, await w.commitment({ state: 'draft' }));
      for (const [button, check] of Object.entries(checks)) {
        const allowed = await permits(() => check.run(actor, 'draft'));
        if (check.flag(shown) !== allowed) mismatches.push(`${who} ${button}: shown ${check.flag(shown)}, API ${allowed ? 'allows' : 'refuses'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
