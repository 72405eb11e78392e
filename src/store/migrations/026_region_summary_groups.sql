-- Kept district figures as rows of counts, one per district, plan and group (the total, each
-- sector, its 民生实事), so a city's or a province's 总览 and the 区县比较 add them up in SQL and
-- read a handful of rows whatever the number of districts. They replace the JSON summary (14 kB a
-- district, read whole and parsed per request: the province's cost grew with its districts).
-- region_summary keeps the freshness (dirty, day, configuration, generation) per district.
create table region_summary_group (
  region_code text not null references region(code),
  plan_id uuid not null references plan(id) on delete cascade,
  -- 'total', 'sector' (key: the sector's name) or 'livelihood' (民生实事)
  kind text not null check (kind in ('total', 'sector', 'livelihood')),
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
  -- completion rates (each capped at 100) added up, and how many there are: averages of sums
  rate_sum double precision not null,
  rate_count integer not null,
  -- completed, exceeded or closed (办结)
  done integer not null,
  primary key (region_code, plan_id, kind, key)
);

alter table region_summary drop column summary;
update region_summary set dirty = true;
