-- 左右 targets: the comparator `approx` (met within the configured tolerance around the target).
alter table commitment drop constraint if exists commitment_comparator_check;
alter table commitment add constraint commitment_comparator_check check (comparator in ('gte', 'lte', 'eq', 'range', 'approx'));
