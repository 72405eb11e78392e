-- A district's own 总览 read from its kept figures while they are current: its counts per lead
-- department are kept too (kind 'department'), and whether its stored 滞后 and 逾期 lists and trend
-- are still those of its data. A district's 总览 that finds its figures stale evaluates today once
-- and keeps today's groups only, its lists and trend marked stale (lists_stale); the next city or
-- province reader, or the daily roll-over, recomputes them.
alter table region_summary_group drop constraint region_summary_group_kind_check;
alter table region_summary_group add constraint region_summary_group_kind_check check (kind in ('total', 'sector', 'livelihood', 'department'));
alter table region_summary add column lists_stale boolean not null default false;
-- the 区县比较 reads each county's total and 民生实事 rows; with a row per department in the table,
-- scanning it for them would grow with the departments of every district
create index region_summary_group_compare on region_summary_group (region_code, plan_id, kind) where kind in ('total', 'livelihood') and key = '';
