-- duban core schema. Every table carries region_code: a province-wide deployment can
-- distribute these tables by region_code on Citus (see docs/storage.md).

create table region (
  code text primary key,                 -- 行政区划代码 GB/T 2260
  name text not null,
  level text not null check (level in ('province', 'city', 'county', 'township')),
  parent_code text references region(code)
);

create table department (
  id uuid primary key,
  region_code text not null references region(code),
  name text not null,
  short_name text,
  unique (region_code, name)
);

create table app_user (
  id uuid primary key,
  region_code text not null references region(code),
  username text not null unique,
  display_name text not null,
  role text not null check (role in ('admin', 'reporter', 'leader', 'public')),
  department_id uuid references department(id),
  password_hash text,
  must_change_password boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  check (role <> 'reporter' or department_id is not null)
);

create table work_report (
  id uuid primary key,
  region_code text not null references region(code),
  plan_id uuid,
  filename text not null,
  sha256 text not null,
  text text not null,
  created_at timestamptz not null default now(),
  unique (region_code, sha256)
);

create table plan (
  id uuid primary key,
  region_code text not null references region(code),
  year integer not null,
  title text not null,
  source_document_id uuid references work_report(id),
  unique (region_code, year)
);

create table commitment (
  id uuid primary key,
  region_code text not null references region(code),
  plan_id uuid not null references plan(id),
  parent_id uuid references commitment(id),
  title text not null,
  sector text not null default '',
  kind text not null check (kind in ('quantitative', 'milestone', 'qualitative')),
  livelihood boolean not null default false,
  target_value numeric,
  target_value_max numeric,
  unit text,
  comparator text check (comparator in ('gte', 'lte', 'eq', 'range')),
  baseline_value numeric,
  start_date date not null,
  deadline date not null,
  lead_department_id uuid references department(id),
  co_department_ids uuid[] not null default '{}',
  responsible_leader text,
  milestones jsonb not null default '[]',
  weight double precision not null default 1,
  reporting_frequency text not null default 'monthly',
  state text not null default 'draft',
  published boolean not null default false,
  source jsonb,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (deadline >= start_date)
);
create index commitment_plan on commitment (region_code, plan_id);
create index commitment_lead on commitment (region_code, lead_department_id);

create table progress_report (
  id uuid primary key,
  region_code text not null references region(code),
  commitment_id uuid not null references commitment(id),
  department_id uuid not null references department(id),
  period text not null,
  cumulative_value numeric,
  milestones_done uuid[] not null default '{}',
  narrative text not null default '',
  state text not null default 'draft' check (state in ('draft', 'submitted', 'accepted', 'returned')),
  submitted_by uuid,
  submitted_at timestamptz,
  reviewer_id uuid,
  review_comment text,
  reviewed_at timestamptz,
  idempotency_key text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (region_code, commitment_id, department_id, period)
);
create index progress_report_commitment on progress_report (region_code, commitment_id);

create table evidence (
  id uuid primary key,
  region_code text not null references region(code),
  report_id uuid not null references progress_report(id),
  filename text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  data bytea not null,
  created_at timestamptz not null default now()
);
create index evidence_report on evidence (region_code, report_id);

create table project (
  id uuid primary key,
  region_code text not null references region(code),
  year integer not null,
  name text not null,
  lead_department_id uuid references department(id),
  total_investment numeric not null default 0,          -- 万元
  planned_investment_year numeric not null default 0,   -- 万元
  completed_investment_year numeric not null default 0, -- 万元
  stage text not null check (stage in ('planning', 'signed', 'started', 'building', 'completed', 'operating')),
  stage_dates jsonb not null default '{}',
  version integer not null default 1,
  unique (region_code, year, name)
);

create table indicator_value (
  id uuid primary key,
  region_code text not null references region(code),
  indicator text not null,
  period text not null,
  period_type text not null check (period_type in ('month', 'quarter', 'year')),
  cumulative boolean not null default true,
  value numeric,
  unit text not null,
  yoy_growth double precision,
  unique (region_code, indicator, period)
);

create table recorded_fact (
  id uuid primary key,
  region_code text not null references region(code),
  year integer not null,
  subject text not null,
  value numeric not null,
  unit text not null,
  qualifier text,
  source jsonb
);
create index recorded_fact_region_year on recorded_fact (region_code, year);

-- 留痕: append-only. The application may insert; UPDATE and DELETE are refused by trigger.
create table audit_event (
  id bigint generated always as identity primary key,
  region_code text not null,
  actor_id uuid,
  actor_role text,
  action text not null,
  entity text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  client_address text,
  at timestamptz not null default now()
);
create index audit_event_entity on audit_event (region_code, entity, entity_id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only (留痕不可修改)' using errcode = 'P0001';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
