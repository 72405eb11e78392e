-- A city's or province's version of what its 区县比较 shows, so a steady read asks one row whether
-- anything below it changed instead of walking every county's freshness (a row per county). It goes
-- up, in the writer's transaction, for the region written to and every region above it when:
--   * a write to commitments or reports finds a district's kept figures clean (a district already
--     marked dirty has raised it since it was last recomputed; later writes leave it be, so the
--     month-end rush pays one more statement, not a lock on the province's row per report);
--   * a region, a plan or an indicator value changes (rare writes: every time).
-- The clean/dirty check locks the district's region_summary row first, as the marking trigger
-- after it does: a recomputation beginning meanwhile waits for the writer's commit and so sees
-- its data, so no write is left out of both a recomputation and the version.
create table scope_version (
  region_code text primary key references region(code) on delete cascade,
  version bigint not null default 0
);
insert into scope_version (region_code) select code from region;

-- The regions `codes` and every region above them, their versions raised (locked in code order,
-- as every caller does, so two writers cannot wait for each other).
create function raise_scope_versions(codes text[]) returns void language plpgsql as $$
begin
  with recursive up as (
    select code, parent_code from region where code = any(codes)
    union select r.code, r.parent_code from region r join up on r.code = up.parent_code)
  insert into scope_version as v (region_code, version)
    select code, 1 from up order by code
  on conflict (region_code) do update set version = v.version + 1;
end $$;

-- commitments and reports: the districts whose kept figures were clean (locked, then read)
create function scope_version_on_first_write() returns trigger language plpgsql as $$
declare
  clean text[];
begin
  select array_agg(s.region_code) into clean
    from (select region_code, dirty from region_summary
          where region_code in (select region_code from changed_rows) order by region_code for update) s
    where not s.dirty;
  if clean is not null then perform raise_scope_versions(clean); end if;
  return null;
end $$;

-- regions, plans, indicator values: always (a region's own row and those above it)
create function scope_version_on_write() returns trigger language plpgsql as $$
begin
  perform raise_scope_versions(array(select distinct region_code from changed_rows));
  return null;
end $$;

-- Named to fire before the *_marks_summary triggers of the same event (alphabetical order), which
-- mark the districts dirty. Updates pass their new rows: a row's region never changes.
create trigger commitment_insert_bumps_scope after insert on commitment
  referencing new table as changed_rows for each statement execute function scope_version_on_first_write();
create trigger commitment_update_bumps_scope after update on commitment
  referencing new table as changed_rows for each statement execute function scope_version_on_first_write();
create trigger commitment_delete_bumps_scope after delete on commitment
  referencing old table as changed_rows for each statement execute function scope_version_on_first_write();
create trigger progress_report_insert_bumps_scope after insert on progress_report
  referencing new table as changed_rows for each statement execute function scope_version_on_first_write();
create trigger progress_report_update_bumps_scope after update on progress_report
  referencing new table as changed_rows for each statement execute function scope_version_on_first_write();
create trigger progress_report_delete_bumps_scope after delete on progress_report
  referencing old table as changed_rows for each statement execute function scope_version_on_first_write();

create trigger plan_insert_bumps_scope after insert on plan
  referencing new table as changed_rows for each statement execute function scope_version_on_write();
create trigger plan_update_bumps_scope after update on plan
  referencing new table as changed_rows for each statement execute function scope_version_on_write();
create trigger plan_delete_bumps_scope after delete on plan
  referencing old table as changed_rows for each statement execute function scope_version_on_write();
create trigger indicator_value_insert_bumps_scope after insert on indicator_value
  referencing new table as changed_rows for each statement execute function scope_version_on_write();
create trigger indicator_value_update_bumps_scope after update on indicator_value
  referencing new table as changed_rows for each statement execute function scope_version_on_write();
create trigger indicator_value_delete_bumps_scope after delete on indicator_value
  referencing old table as changed_rows for each statement execute function scope_version_on_write();

-- a region: itself and those above it (renamed, moved, added), its old parents too when moved; a
-- removed region's parents
create function scope_version_on_region_write() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform raise_scope_versions(array(select parent_code from changed_rows where parent_code is not null));
  elsif tg_op = 'UPDATE' then
    perform raise_scope_versions(array(select code from changed_rows union select parent_code from old_rows where parent_code is not null));
  else
    perform raise_scope_versions(array(select code from changed_rows));
  end if;
  return null;
end $$;
create trigger region_insert_bumps_scope after insert on region
  referencing new table as changed_rows for each statement execute function scope_version_on_region_write();
create trigger region_update_bumps_scope after update on region
  referencing new table as changed_rows old table as old_rows for each statement execute function scope_version_on_region_write();
create trigger region_delete_bumps_scope after delete on region
  referencing old table as changed_rows for each statement execute function scope_version_on_region_write();
