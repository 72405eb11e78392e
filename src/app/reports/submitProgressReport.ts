import { randomUUID } from 'node:crypto';
import type { Commitment, ProgressReport } from '../../domain/types.ts';
import type { Actor } from '../../store/audit.ts';
import { readSubmissionState, storeNewReport, type SubmissionState } from '../../store/reports.ts';
import { sha256 } from '../auth/secrets.ts';
import type { AppContext } from '../context.ts';
import { periodLocked } from '../periods/periodLock.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import { principalOf } from '../policies/principal.ts';
import { reportPolicy } from '../policies/reports.ts';
import { authorize, requireSignedIn } from '../policies/scope.ts';
import { SubmitReportInput } from './input.ts';
import { checkReportable, checkReportContent } from './rules.ts';

/**
 * A department's progress report (进展报送) for one period of a commitment: submitted for review,
 * or kept as a draft. Only reporters of the lead or a co-department may, for their own department;
 * one report per department and period (409 `report_exists` for a second). With an
 * `idempotencyKey`, a retried request returns the first answer (`replayed: true`) and stores nothing.
 */
export async function submitProgressReport(
  ctx: AppContext,
  options: { actor: Actor; commitmentId: string; input: SubmitReportInput; idempotencyKey?: string },
): Promise<{ report: ProgressReport; replayed: boolean }> {
  const actor = principalOf(options.actor);
  requireSignedIn(actor);
  const input = SubmitReportInput.parse(options.input);
  const key = options.idempotencyKey;
  if (key !== undefined && !/^[\x21-\x7e]{8,200}$/.test(key))
    throw new AppError('idempotency_key_invalid', 'Idempotency-Key 须为8至200个可见ASCII字符', 'Idempotency-Key must be 8 to 200 visible ASCII characters');
  const requestHash = sha256(JSON.stringify([options.commitmentId, input]));
  const departmentId = actor.departmentId ?? NO_DEPARTMENT;
  // One read (the commitment with the report, lock and key state), checks here, one write that
  // stores report, audit event and idempotent answer together or not at all. The write re-checks
  // the lock and the commitment's version; if either moved meanwhile, the request starts over.
  // The first try skips the read when this process read the commitment before: it assumes no
  // report, lock or earlier key (the write checks all three) and, on any disagreement, reads.
  const recent = recentCommitments(ctx.db);
  /** The checks on a commitment and what the read found (nothing, on the optimistic try), in the order their errors take precedence. */
  const decide = (c: Commitment | undefined, state: Omit<SubmissionState, 'commitment'>) => {
    if (!c || !commitmentPolicy.readInternal(actor, c)) throw notFound('commitment', '目标任务');
    authorize(actor, reportPolicy.submit(actor, c), true, ['commitment', '目标任务']);
    if (state.idempotent) return replay(state.idempotent, requestHash);
    checkReportable(c, input.period, ctx.today());
    if (state.periodLocked) throw periodLocked(input.period);
    checkReportContent(c, { ...input, departmentId }, !input.draft);
    if (state.existingReportId) throw reportExists(state.existingReportId);
    return undefined;
  };
  for (let attempt = 1; ; attempt++) {
    const optimistic = attempt === 1 ? recent.get(options.commitmentId) : undefined;
    let c: Commitment;
    if (optimistic) {
      c = optimistic;
      try {
        decide(c, NOTHING_FOUND);
      } catch {
        continue;
      }
    } else {
      const state = await readSubmissionState(ctx.db, { commitmentId: options.commitmentId, departmentId, period: input.period, userId: actor.id!, idempotencyKey: key ?? null });
      if (state) {
        if (recent.size >= 10_000) recent.clear();
        recent.set(state.commitment.id, state.commitment);
      }
      const replayed = decide(state?.commitment, state ?? NOTHING_FOUND);
      if (replayed) return replayed;
      c = state!.commitment;
    }
    const now = new Date().toISOString();
    const report: ProgressReport & { idempotencyKey: string | null } = {
      id: randomUUID(), regionCode: c.regionCode, commitmentId: c.id, departmentId, period: input.period,
      cumulativeValue: input.cumulativeValue, milestonesDone: input.milestonesDone, narrative: input.narrative,
      state: input.draft ? 'draft' : 'submitted', submittedBy: actor.id, submittedAt: input.draft ? null : now,
      reviewerId: null, reviewComment: null, reviewedAt: null, idempotencyKey: key ?? null, version: 1, createdAt: now, updatedAt: now, evidence: [],
    };
    let outcome;
    try {
      outcome = await storeNewReport(ctx.db, {
        report, commitmentVersion: c.version,
        audit: { actorId: actor.id, actorRole: actor.role, action: input.draft ? 'report.draft' : 'report.submit', clientAddress: actor.clientAddress ?? null },
        idempotency: key === undefined ? null : { userId: actor.id!, key, requestHash },
      });
    } catch (e) {
      // a report for the period exists: the read says which; two first submissions racing for the
      // same period: the database's unique key decides
      if ((e as { code?: string }).code === '23505') {
        if (optimistic) continue;
        throw reportExists(null);
      }
      throw e;
    }
    if (outcome === 'stored') return { report, replayed: false };
    if (optimistic) continue;
    if (outcome === 'locked') throw periodLocked(input.period);
    if (attempt === 3) throw conflict('commitment');
    // 'keyTaken' (a concurrent retry with the same key stored first) or 'changed': read again
  }
}

/** Commitments as submissions last read them, per database (the write checks their version). */
const recentByDb = new WeakMap<object, Map<string, Commitment>>();
function recentCommitments(db: object): Map<string, Commitment> {
  let m = recentByDb.get(db);
  if (!m) recentByDb.set(db, (m = new Map()));
  return m;
}

/** The optimistic try's assumption: no report for the period, no lock, no earlier use of the key. */
const NOTHING_FOUND: Omit<SubmissionState, 'commitment'> = { existingReportId: null, periodLocked: false, idempotent: null };

/** A department no commitment has: a non-reporter reads no department's report state (and is refused). */
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

function replay(earlier: { requestHash: string; response: unknown }, requestHash: string): { report: ProgressReport; replayed: true } {
  if (earlier.requestHash !== requestHash)
    throw new AppError('idempotency_key_reused', '该 Idempotency-Key 已用于另一请求', 'this Idempotency-Key was used for a different request', 422);
  return { report: earlier.response as ProgressReport, replayed: true };
}

const reportExists = (id: string | null) =>
  new AppError('report_exists', '本单位该期次已有报送，请修改原报送', 'your department already has a report for this period; edit it instead', 409, { id });
