import { z } from 'zod';
import { Period, RegionCode, ReportState, Uuid } from '../../domain/types.ts';
import type { ProgressReport } from '../../domain/types.ts';
import { camel } from '../../store/rows.ts';
import type { AppContext } from '../context.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import { principalOf, type Principal } from '../policies/principal.ts';
import { reportPolicy } from '../policies/reports.ts';
import { requireReadRegions } from '../policies/scope.ts';
import type { WorkflowActor } from '../workflow/access.ts';

export const ListRegionReportsQuery = z.object({
  region: RegionCode,
  state: ReportState.optional().describe('e.g. submitted: the review queue / 待审核'),
  period: Period.optional(),
  department: Uuid.optional().describe('reports on commitments this department leads or helps'),
  commitment: Uuid.optional(),
});
export type ListRegionReportsQuery = z.input<typeof ListRegionReportsQuery>;

/** A listed report with what a reviewer needs beside it: the commitment's title and unit, the evidence's names. */
export type ListedReport = Omit<ProgressReport, 'evidence'> & {
  commitmentTitle: string;
  unit: string | null;
  evidence: { id: string; filename: string }[];
};

/** A row as read: the report, its commitment's scope, and `~key` (creation instant as text) to page on. */
export type ReportRow = Record<string, unknown> & { id: string; '~key': string };

/**
 * 报送列表: a region's progress reports, newest first by creation (a key that never changes, so
 * paging neither repeats nor skips), `limit` rows after `after` ([created, id] of the last one
 * given), e.g. the office's review queue (state=submitted) or a department's returned reports.
 * A reporter reads the reports on its own department's commitments whatever `department` it asks
 * for: its department's own, and the others' once accepted (reportPolicy.read). Rows come back as
 * read; `presentReports` applies the policies to the page the caller keeps.
 */
export async function listRegionReports(
  ctx: AppContext,
  o: { actor: WorkflowActor; query: ListRegionReportsQuery; after?: [string, string] | null; limit: number },
): Promise<ReportRow[]> {
  const q = ListRegionReportsQuery.parse(o.query);
  const p: Principal = principalOf(o.actor);
  requireReadRegions(p, [q.region]);
  const reporter = p.role === 'reporter' && !p.system;
  const department = reporter ? p.departmentId : q.department;
  const [afterAt, afterId] = o.after ?? [null, null];
  return ctx.db.query<ReportRow>(
    `select r.*, c.title as commitment_title, c.unit, c.lead_department_id as "~lead", c.co_department_ids as "~co", c.published as "~published",
       coalesce((select json_agg(json_build_object('id', e.id, 'filename', e.filename) order by e.created_at, e.id) from evidence e where e.report_id = r.id), '[]'::json) as evidence,
       to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "~key"
     from progress_report r join commitment c on c.id = r.commitment_id
     where r.region_code = $1 and ($2::text is null or r.state = $2) and ($3::text is null or r.period = $3)
       and ($4::uuid is null or c.lead_department_id = $4 or $4 = any(c.co_department_ids)) and ($5::uuid is null or r.commitment_id = $5)
       and ($6::text is null or (r.created_at, r.id) < ($6::timestamp at time zone 'UTC', $7::uuid))
       and ($9::uuid is null or r.department_id = $9 or r.state = 'accepted')
     order by r.created_at desc, r.id desc limit $8`,
    [q.region, q.state ?? null, q.period ?? null, department ?? null, q.commitment ?? null, afterAt, afterId, o.limit, reporter ? p.departmentId : null],
  );
}

/** The rows of a page the actor may read, as reports (without the idempotency key). */
export function presentReports(actor: WorkflowActor, rows: ReportRow[]): ListedReport[] {
  const p = principalOf(actor);
  const out: ListedReport[] = [];
  for (const row of rows) {
    const c = { regionCode: row.region_code as string, leadDepartmentId: row['~lead'] as string | null, coDepartmentIds: row['~co'] as string[], published: row['~published'] as boolean };
    const { idempotencyKey: _k, ...report } = camel<ListedReport & { idempotencyKey?: unknown }>(row);
    if (commitmentPolicy.readInternal(p, c) && reportPolicy.read(p, report, c)) out.push(report);
  }
  return out;
}
