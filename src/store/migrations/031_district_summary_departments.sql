-- A district's own 总览 read from its kept figures while they are current: its counts per lead
-- department are kept too (kind 'department'), and whether its stored trend is still that of its
-- data. A district's 总览 that finds its figures stale evaluates today once and keeps today's
-- groups and lists without re-evaluating the trend's month-ends (trend_stale); the next city or
-- province reader, or the daily roll-over, recomputes the trend.
alter table region_summary_group drop constraint region_summary_group_kind_check;
alter table region_summary_group add constraint region_summary_group_kind_check check (kind in ('total', 'sector', 'livelihood', 'department'));
alter table region_summary add column trend_stale boolean not null default false;
