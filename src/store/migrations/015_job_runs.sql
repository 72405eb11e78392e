-- Scheduled jobs (督办单 update, 催办, …): one row per job, region and Beijing day. The primary key
-- makes a day's run happen once however many instances serve: an instance claims the row (insert,
-- or take over a failed one whose retry time has come or a running one whose lease expired) and
-- only the claimant runs the job.
create table job_run (
  job text not null,
  region_code text not null references region(code),
  day date not null,
  status text not null check (status in ('running', 'succeeded', 'failed')),
  attempts integer not null default 1,
  instance text not null,                 -- host:pid of the claimant
  started_at timestamptz not null,
  finished_at timestamptz,
  lease_until timestamptz not null,       -- a running row older than this was abandoned (instance died)
  retry_at timestamptz,                   -- failed: when the next attempt may start (null: gave up)
  result jsonb,
  error text,
  primary key (job, region_code, day)
);
create index job_run_region on job_run (region_code, job, day desc);
