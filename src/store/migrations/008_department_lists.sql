-- A department's list (lead or co-department) and its subtask trees read a few rows by index
-- instead of scanning the region's commitments.
create index commitment_co_departments on commitment using gin (co_department_ids);
create index commitment_parent on commitment (region_code, parent_id);
