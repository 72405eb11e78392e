/** One region's commitments with their reports and evaluations at a date: what the jobs and the ranking read. */
import type { Commitment, ProgressReport } from '../../domain/types.ts';
import type { Queryable } from '../../store/db.ts';
import { listCommitments } from '../../store/commitments.ts';
import { listReports } from '../../store/reports.ts';
import type { AppContext } from '../context.ts';
import { evaluateAll, type EvaluatedCommitment } from '../evaluatedCommitments.ts';

export interface SnapshotItem {
  commitment: EvaluatedCommitment;
  reports: ProgressReport[];
}

/** Every commitment of the regions, evaluated at `asOf`, with its reports. */
export async function loadSnapshot(q: Queryable, ctx: Pick<AppContext, 'config'>, regionCodes: string[], asOf: string): Promise<SnapshotItem[]> {
  const commitments: Commitment[] = await listCommitments(q, { regionCodes });
  const reports = await listReports(q, regionCodes);
  const evaluated = evaluateAll(commitments, reports, asOf, ctx);
  const by = new Map<string, ProgressReport[]>();
  for (const r of reports) by.set(r.commitmentId, [...(by.get(r.commitmentId) ?? []), r]);
  return commitments.map((c) => ({ commitment: evaluated.get(c.id)!, reports: by.get(c.id) ?? [] }));
}
