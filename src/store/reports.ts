import type { Evidence, ProgressReport } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { camel, camelAll, snake } from './rows.ts';
import { conflict } from '../app/errors.ts';

type ReportRow = Omit<ProgressReport, 'evidence'>;

async function withEvidence(q: Queryable, rows: ReportRow[]): Promise<ProgressReport[]> {
  if (!rows.length) return [];
  const ev = camelAll<Evidence & { reportId: string }>(
    await q.query(
      'select id, report_id, filename, content_type, size, sha256 from evidence where report_id = any($1) order by created_at, filename',
      [rows.map((r) => r.id)],
    ),
  );
  const byReport = new Map<string, Evidence[]>();
  for (const { reportId, ...e } of ev) byReport.set(reportId, [...(byReport.get(reportId) ?? []), e]);
  return rows.map((r) => ({ ...r, evidence: byReport.get(r.id) ?? [] }));
}

/** Reports of the given commitments (all of a region when `commitmentIds` is omitted), oldest period first. */
export async function listReports(q: Queryable, regionCodes: string[], commitmentIds?: string[]): Promise<ProgressReport[]> {
  const rows = await q.query(
    `select * from progress_report where region_code = any($1) and ($2::uuid[] is null or commitment_id = any($2))
     order by commitment_id, period, created_at`,
    [regionCodes, commitmentIds ?? null],
  );
  return withEvidence(q, camelAll<ReportRow>(rows));
}

export async function getReport(q: Queryable, id: string): Promise<ProgressReport | undefined> {
  const [row] = await q.query('select * from progress_report where id = $1', [id]);
  return row ? (await withEvidence(q, [camel<ReportRow>(row)]))[0] : undefined;
}

export async function insertReport(q: Queryable, r: Omit<ProgressReport, 'evidence' | 'createdAt' | 'updatedAt' | 'version'> & { idempotencyKey?: string | null; createdAt?: string; updatedAt?: string; version?: number }): Promise<ProgressReport> {
  const cols = Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] !== undefined);
  const [row] = await q.query(
    `insert into progress_report (${cols.map(snake).join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning *`,
    cols.map((k) => (r as Record<string, unknown>)[k]),
  );
  return { ...camel<ReportRow>(row), evidence: [] };
}

const IMMUTABLE = new Set(['id', 'regionCode', 'commitmentId', 'departmentId', 'createdAt', 'updatedAt', 'version', 'evidence']);

/** Optimistic update: throws 409 when the stored version is not `expectedVersion`. */
export async function updateReport(q: Queryable, id: string, expectedVersion: number, patch: Partial<ProgressReport>): Promise<ProgressReport> {
  const cols = Object.keys(patch).filter((k) => !IMMUTABLE.has(k) && (patch as Record<string, unknown>)[k] !== undefined);
  const params: unknown[] = [id, expectedVersion];
  const sets = cols.map((k) => {
    params.push((patch as Record<string, unknown>)[k]);
    return `${snake(k)} = $${params.length}`;
  });
  const [row] = await q.query(
    `update progress_report set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $1 and version = $2 returning *`,
    params,
  );
  if (!row) throw conflict('progress report');
  return (await withEvidence(q, [camel<ReportRow>(row)]))[0];
}

export async function insertEvidence(
  q: Queryable,
  e: Evidence & { regionCode: string; reportId: string; data: Uint8Array },
): Promise<void> {
  await q.query(
    'insert into evidence (id, region_code, report_id, filename, content_type, size, sha256, data) values ($1,$2,$3,$4,$5,$6,$7,$8)',
    [e.id, e.regionCode, e.reportId, e.filename, e.contentType, e.size, e.sha256, e.data],
  );
}

export async function getEvidenceData(q: Queryable, id: string): Promise<(Evidence & { reportId: string; regionCode: string; data: Uint8Array }) | undefined> {
  const [row] = await q.query('select * from evidence where id = $1', [id]);
  return row ? camel(row) : undefined;
}
