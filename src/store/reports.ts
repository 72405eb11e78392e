import type { Commitment, Evidence, ProgressReport } from '../domain/types.ts';
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

/** What a submission needs to know beyond the commitment, read with it in one statement. */
export interface SubmissionState {
  commitment: Commitment;
  /** the department's report for the period, if any */
  existingReportId: string | null;
  periodLocked: boolean;
  /** the earlier request with this idempotency key, if any */
  idempotent: { requestHash: string; response: unknown } | null;
}

/**
 * Reads, in one statement, a commitment and the state a new report for it
 * depends on: the department's existing report for the period, the period lock and the user's
 * earlier use of the idempotency key. Undefined when the commitment does not exist.
 */
export async function readSubmissionState(
  q: Queryable,
  s: { commitmentId: string; departmentId: string; period: string; userId: string; idempotencyKey: string | null },
): Promise<SubmissionState | undefined> {
  const [row] = await q.query<Record<string, unknown>>(
    `select c.*,
       (select r.id from progress_report r where r.region_code = c.region_code and r.commitment_id = c.id and r.department_id = $2 and r.period = $3) as "~existing",
       exists (select 1 from period_lock l where l.region_code = c.region_code and l.period = $3) as "~locked",
       (select jsonb_build_object('requestHash', k.request_hash, 'response', k.response) from idempotency_key k where k.user_id = $4 and k.key = $5) as "~idempotent"
     from commitment c where c.id = $1`,
    [s.commitmentId, s.departmentId, s.period, s.userId, s.idempotencyKey],
  );
  if (!row) return undefined;
  return {
    commitment: camel<Commitment>(row),
    existingReportId: (row['~existing'] as string | null) ?? null,
    periodLocked: row['~locked'] as boolean,
    idempotent: (row['~idempotent'] as SubmissionState['idempotent']) ?? null,
  };
}

/**
 * Stores a new report, its audit event and (with a key) the idempotent answer in one statement, so
 * all or none of them are written; nothing is written when the period is locked meanwhile, the
 * commitment changed from `commitmentVersion`, or another request took the key first.
 * A second report for the same department and period fails on the table's unique key (23505).
 */
export async function storeNewReport(
  q: Queryable,
  s: {
    report: ProgressReport & { idempotencyKey: string | null };
    commitmentVersion: number;
    audit: { actorId: string | null; actorRole: string | null; action: string; clientAddress: string | null };
    idempotency: { userId: string; key: string; requestHash: string } | null;
  },
): Promise<'stored' | 'locked' | 'changed' | 'keyTaken'> {
  const r = s.report;
  const cols = ['id', 'region_code', 'commitment_id', 'department_id', 'period', 'cumulative_value', 'milestones_done', 'narrative', 'state', 'submitted_by', 'submitted_at', 'idempotency_key', 'created_at', 'updated_at'];
  const types = ['uuid', 'text', 'uuid', 'uuid', 'text', 'numeric', 'uuid[]', 'text', 'text', 'uuid', 'timestamptz', 'text', 'timestamptz', 'timestamptz'];
  const params: unknown[] = [r.id, r.regionCode, r.commitmentId, r.departmentId, r.period, r.cumulativeValue, r.milestonesDone, r.narrative, r.state, r.submittedBy, r.submittedAt, r.idempotencyKey, r.createdAt, r.updatedAt];
  const p = (v: unknown) => `$${params.push(v)}`;
  const locked = 'exists (select 1 from period_lock where region_code = $2 and period = $5)';
  const current = `exists (select 1 from commitment where id = $3 and version = ${p(s.commitmentVersion)})`;
  const open = `not ${locked} and ${current}`;
  const stored = p(JSON.stringify(r)); // the report as answered to a retry and as the audit's `after`
  const key = s.idempotency
    ? `k as (insert into idempotency_key (region_code, user_id, key, request_hash, response)
         select $2::text, ${p(s.idempotency.userId)}::uuid, $12::text, ${p(s.idempotency.requestHash)}::text, ${stored}::jsonb where ${open}
         on conflict (user_id, key) do nothing returning 1),`
    : '';
  const [row] = await q.query<{ stored: boolean; locked: boolean; current: boolean }>(
    `with ${key}
     r as (insert into progress_report (${cols.join(', ')}) select ${types.map((t, i) => `$${i + 1}::${t}`).join(', ')}
           where ${s.idempotency ? 'exists (select 1 from k)' : open} returning id),
     a as (insert into audit_event (region_code, actor_id, actor_role, action, entity, entity_id, after, client_address)
           select $2, ${p(s.audit.actorId)}::uuid, ${p(s.audit.actorRole)}::text, ${p(s.audit.action)}::text, 'report', r.id::text, ${stored}::jsonb, ${p(s.audit.clientAddress)}::text from r)
     select exists (select 1 from r) as stored, ${locked} as locked, ${current} as current`,
    params,
  );
  if (row!.stored) return 'stored';
  if (!row!.current) return 'changed';
  return row!.locked ? 'locked' : 'keyTaken';
}
