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

create function mark_region_summary_dirty() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    update region_summary set dirty = true where region_code = old.region_code;
  end if;
  if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.region_code is distinct from old.region_code) then
    update region_summary set dirty = true where region_code = new.region_code;
  end if;
  return null;
end $$;

create trigger commitment_marks_summary after insert or update or delete on commitment
  for each row execute function mark_region_summary_dirty();
create trigger progress_report_marks_summary after insert or update or delete on progress_report
  for each row execute function mark_region_summary_dirty();
