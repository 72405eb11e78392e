-- The rest of a city's or province's 总览 kept per district beside its counts (region_summary_group),
-- recomputed with them (a write marks the district dirty; the roll-over job and readers recompute):
-- its lagging and overdue commitments as the overview lists them, and its monthly trend (each
-- month-end of a plan's year evaluated), so the overview reads rows instead of evaluating every
-- commitment of every district per request.
create table region_summary_item (
  region_code text not null references region(code),
  plan_id uuid not null references plan(id) on delete cascade,
  commitment_id uuid not null,
  -- 滞后 or 严重滞后 / 逾期 (either kind)
  behind boolean not null,
  overdue boolean not null,
  -- percentage points behind 序时进度; null when it has no completion rate
  lag double precision,
  -- id, title, lead department, sector and evaluation, as the lists show them
  item jsonb not null,
  primary key (region_code, commitment_id)
);
-- the lists read the most behind first, across the districts asked for
create index region_summary_item_behind on region_summary_item (lag desc nulls last, commitment_id) where behind;
create index region_summary_item_overdue on region_summary_item (lag desc nulls last, commitment_id) where overdue;

create table region_summary_trend (
  region_code text not null references region(code),
  plan_id uuid not null references plan(id) on delete cascade,
  month_end date not null,
  total integer not null,
  -- 滞后 + 严重滞后
  behind integer not null,
  rate_sum double precision not null,
  rate_count integer not null,
  primary key (region_code, plan_id, month_end)
);

-- the scope's kept sums are per plan year now (the 总览 shows one year)
delete from scope_summary;
update region_summary set dirty = true;

-- the generation whose figures are stored: a district neither written to since nor recomputed in
-- vain (a recomputation that began and never stored) keeps its trend's past month-ends on a new day
alter table region_summary add column stored_generation bigint not null default 0;
