-- 总览 per district, kept for city and province overviews (which add districts up instead of
-- evaluating every commitment). A write to a region's commitments or reports marks its row dirty
-- (triggers below); a reader recomputes a dirty row, or one of another day, before using it.
-- `generation` orders recomputations: a slower one that started earlier cannot overwrite a newer.
create table region_summary (
  region_code text primary key references region(code),
  dirty boolean not null default true,
  generation bigint not null default 0,
  as_of date,
  config_hash text,
  summary jsonb
);

-- Statement-level with transition tables: a bulk load marks each region once, not once per row.
create function region_summary_dirty_new() returns trigger language plpgsql as $$
begin
  update region_summary set dirty = true where region_code in (select distinct region_code from new_rows);
  return null;
end $$;
create function region_summary_dirty_old() returns trigger language plpgsql as $$
begin
  update region_summary set dirty = true where region_code in (select distinct region_code from old_rows);
  return null;
end $$;
create function region_summary_dirty_both() returns trigger language plpgsql as $$
begin
  update region_summary set dirty = true
    where region_code in (select region_code from new_rows union select region_code from old_rows);
  return null;
end $$;

create trigger commitment_insert_marks_summary after insert on commitment
  referencing new table as new_rows for each statement execute function region_summary_dirty_new();
create trigger commitment_update_marks_summary after update on commitment
  referencing new table as new_rows old table as old_rows for each statement execute function region_summary_dirty_both();
create trigger commitment_delete_marks_summary after delete on commitment
  referencing old table as old_rows for each statement execute function region_summary_dirty_old();
create trigger progress_report_insert_marks_summary after insert on progress_report
  referencing new table as new_rows for each statement execute function region_summary_dirty_new();
create trigger progress_report_update_marks_summary after update on progress_report
  referencing new table as new_rows old table as old_rows for each statement execute function region_summary_dirty_both();
create trigger progress_report_delete_marks_summary after delete on progress_report
  referencing old table as old_rows for each statement execute function region_summary_dirty_old();
