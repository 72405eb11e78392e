/**
 * Earlier versions of progress reports (进展 history). The database keeps them: a trigger
 * (006_report_history.sql) stores the row as it was before every update.
 */
import type { ProgressReport } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel } from './rows.ts';

export interface ReportVersion {
  version: number;
  /** the report as it was (without its evidence list) */
  snapshot: Omit<ProgressReport, 'evidence'>;
  replacedAt: string;
}

/** All earlier versions of a report, oldest first. */
export async function listReportVersions(q: Queryable, reportId: string): Promise<ReportVersion[]> {
  const rows = await q.query<{ version: number; snapshot: Record<string, unknown>; replaced_at: string }>(
    'select version, snapshot, replaced_at from progress_report_history where report_id = $1 order by version',
    [reportId],
  );
  return rows.map((r) => {
    const { idempotencyKey: _k, ...snapshot } = camel<Omit<ProgressReport, 'evidence'> & { idempotencyKey?: string }>(r.snapshot);
    return { version: r.version, snapshot, replacedAt: r.replaced_at };
  });
}
