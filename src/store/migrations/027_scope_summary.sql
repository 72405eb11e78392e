-- A city's or province's 总览 kept as its own few rows: the sum of its districts' kept figures
-- (region_summary_group), valid while the sum of the districts' versions is the one it was added
-- up under. A district's version goes up whenever its figures are stored, so a steady read of a
-- province reads its freshness (one small row per district) and nine rows, not nine per district.
alter table region_summary add column version bigint not null default 0;

create table scope_summary (
  -- the scope: sha256 of its region codes, sorted (a province with all its districts, a city …)
  scope text not null,
  -- a region of the scope (the first code the reader gave, the region asked for): every table carries one
  region_code text not null references region(code),
  version bigint not null,
  kind text not null check (kind in ('total', 'sector')),
  key text not null default '',
  total integer not null,
  not_started integer not null,
  on_track integer not null,
  lagging integer not null,
  seriously_lagging integer not null,
  completed integer not null,
  exceeded integer not null,
  overdue integer not null,
  report_overdue integer not null,
  deadline_overdue integer not null,
  rate_sum double precision not null,
  rate_count integer not null,
  done integer not null,
  primary key (scope, kind, key)
);
