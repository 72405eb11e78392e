-- 兑现核验: the office's confirmation or correction of a commitment's promise check (the matching
-- itself is computed from the recorded facts and the documents on every read).
create table promise_check (
  region_code text not null references region(code),
  commitment_id uuid not null references commitment(id),
  status text not null check (status in ('kept', 'partial', 'missed', 'unmentioned')),
  stated_value numeric,          -- in the commitment's unit
  source jsonb,                  -- { documentId, start, end, sentence } or null
  -- the confirmed stated value is the commitment's 年终结果 where no accepted report gave one
  sets_year_end boolean not null default false,
  note text not null default '',
  confirmed_by uuid references app_user(id),
  confirmed_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (region_code, commitment_id)
);
