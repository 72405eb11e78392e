/** The job-run table: claims that make a scheduled job run once per region and day across instances. */
import type { Queryable } from './db.ts';
import { camelAll } from './rows.ts';

export interface JobRun {
  job: string;
  regionCode: string;
  day: string;
  status: 'running' | 'succeeded' | 'failed';
  attempts: number;
  instance: string;
  startedAt: string;
  finishedAt: string | null;
  leaseUntil: string;
  retryAt: string | null;
  result: unknown;
  error: string | null;
}

/**
 * Claims the run of `job` for a region and day at `now`: a new row, a failed one whose retry time
 * has come, or a running one whose lease expired. Returns the attempt number, or null when another
 * claim holds or already finished it. The unique key serializes concurrent claims: on PostgreSQL the
 * second waits for the first to commit and then sees its row.
 */
export async function claimJobRun(q: Queryable, c: { job: string; regionCode: string; day: string; now: Date; leaseMs: number; instance: string }): Promise<number | null> {
  const rows = await q.query<{ attempts: number }>(
    `insert into job_run (job, region_code, day, status, attempts, instance, started_at, lease_until)
     values ($1, $2, $3, 'running', 1, $4, $5, $6)
     on conflict (job, region_code, day) do update
       set status = 'running', attempts = job_run.attempts + 1, instance = excluded.instance, started_at = excluded.started_at,
           lease_until = excluded.lease_until, finished_at = null, retry_at = null, error = null, result = null
       where (job_run.status = 'failed' and job_run.retry_at <= excluded.started_at)
          or (job_run.status = 'running' and job_run.lease_until <= excluded.started_at)
     returning attempts`,
    [c.job, c.regionCode, c.day, c.instance, c.now.toISOString(), new Date(c.now.getTime() + c.leaseMs).toISOString()],
  );
  return rows[0]?.attempts ?? null;
}

/** Records the end of a claimed run (only if the claim is still this instance's attempt). */
export async function finishJobRun(
  q: Queryable,
  f: { job: string; regionCode: string; day: string; instance: string; attempts: number; now: Date; ok: boolean; result?: unknown; error?: string; retryAt?: Date | null },
): Promise<void> {
  await q.query(
    `update job_run set status = $6, finished_at = $7, result = $8, error = $9, retry_at = $10
     where job = $1 and region_code = $2 and day = $3 and instance = $4 and attempts = $5 and status = 'running'`,
    [f.job, f.regionCode, f.day, f.instance, f.attempts, f.ok ? 'succeeded' : 'failed', f.now.toISOString(),
      f.result === undefined ? null : JSON.stringify(f.result), f.error ?? null, f.retryAt ? f.retryAt.toISOString() : null],
  );
}

/** Regions whose run of `job` on `day` needs no claim: succeeded, or failed for good. */
export async function settledRegions(q: Queryable, job: string, day: string): Promise<Set<string>> {
  const rows = await q.query<{ region_code: string }>(
    `select region_code from job_run where job = $1 and day = $2 and (status = 'succeeded' or (status = 'failed' and retry_at is null))`,
    [job, day],
  );
  return new Set(rows.map((r) => r.region_code));
}

/** The latest run of each job in a region, and of the whole-database jobs named (wherever recorded). */
export async function latestJobRuns(q: Queryable, regionCode: string, globalJobs: string[] = []): Promise<JobRun[]> {
  return camelAll<JobRun>(
    await q.query(`select distinct on (job) * from job_run where region_code = $1 or job = any($2) order by job, day desc, started_at desc`, [regionCode, globalJobs]),
  );
}

/** Regions that have commitments: the ones the daily jobs run for. */
export async function regionsWithCommitments(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ code: string }>(`select code from region r where exists (select 1 from commitment c where c.region_code = r.code) order by code`);
  return rows.map((r) => r.code);
}
