/** Earlier versions of progress reports: a snapshot is kept before every change (进展 history). */
import type { ProgressReport } from '../domain/types.ts';
import type { Queryable } from './db.ts';

export interface ReportVersion {
  version: number;
  snapshot: ProgressReport;
  replacedBy: string | null;
  replacedAt: string;
}

/** Keeps `before` (the report as it was) as version `before.version`. */
export async function keepReportVersion(q: Queryable, before: ProgressReport, replacedBy: string | null): Promise<void> {
  await q.query(
    'insert into progress_report_history (region_code, report_id, version, snapshot, replaced_by) values ($1, $2, $3, $4, $5)',
    [before.regionCode, before.id, before.version, JSON.stringify(before), replacedBy],
  );
}

/** All earlier versions of a report, oldest first. */
export async function listReportVersions(q: Queryable, reportId: string): Promise<ReportVersion[]> {
  const rows = await q.query<{ version: number; snapshot: ProgressReport; replaced_by: string | null; replaced_at: string }>(
    'select version, snapshot, replaced_by, replaced_at from progress_report_history where report_id = $1 order by version',
    [reportId],
  );
  return rows.map((r) => ({ version: r.version, snapshot: r.snapshot, replacedBy: r.replaced_by, replacedAt: r.replaced_at }));
}
