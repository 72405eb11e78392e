-- Indicator values are edited with optimistic concurrency like every mutable resource.
alter table indicator_value add column version integer not null default 1;
