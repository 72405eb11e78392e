-- Accounts, sessions, API tokens, idempotency keys and progress report history (issue 4).

alter table app_user add column active boolean not null default true;
alter table app_user add column version integer not null default 1;
alter table app_user add column password_changed_at timestamptz;

-- A signed-in browser. Only the SHA-256 of the cookie token is stored.
create table user_session (
  id uuid primary key,
  region_code text not null references region(code),
  user_id uuid not null references app_user(id) on delete cascade,
  token_hash text not null unique,
  csrf_token text not null,
  client_address text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user on user_session (region_code, user_id);

-- A token for system-to-system use (Authorization: Bearer). Only the SHA-256 is stored.
create table api_token (
  id uuid primary key,
  region_code text not null references region(code),
  user_id uuid not null references app_user(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_user on api_token (region_code, user_id);

-- The first answer to a request sent with an Idempotency-Key, replayed to retries.
create table idempotency_key (
  region_code text not null,
  user_id uuid not null,
  key text not null,
  request_hash text not null,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);

-- Every earlier version of a progress report (进展 history): a snapshot before each change.
create table progress_report_history (
  id bigint generated always as identity primary key,
  region_code text not null,
  report_id uuid not null references progress_report(id) on delete cascade,
  version integer not null,
  snapshot jsonb not null,
  replaced_by uuid,
  replaced_at timestamptz not null default now(),
  unique (report_id, version)
);
create index progress_report_history_report on progress_report_history (region_code, report_id);
