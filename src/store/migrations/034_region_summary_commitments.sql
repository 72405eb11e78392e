-- A district's 总览 right after a write re-evaluates only the commitments the write changed, not
-- all of them. Each supervised top-level commitment's evaluation of the day is kept (its group
-- keys and counted flags), valid for the district's kept day and configuration (region_summary's
-- as_of and config_hash: it is stored with the groups, in the same transaction); its 滞后 / 逾期
-- list row is region_summary_item as before. The groups are added up from these rows in SQL.
create table region_summary_commitment (
  region_code text not null references region(code),
  commitment_id uuid not null,
  plan_id uuid not null references plan(id) on delete cascade,
  sector text not null,
  -- the lead department's id, '' when none (the department group's key)
  lead text not null,
  livelihood boolean not null,
  status text not null check (status in ('notStarted', 'onTrack', 'lagging', 'seriouslyLagging', 'completed', 'exceeded')),
  overdue boolean not null,
  report_overdue boolean not null,
  deadline_overdue boolean not null,
  -- completed, exceeded or closed (办结)
  done boolean not null,
  -- the completion rate capped at 100, null without one
  rate double precision,
  primary key (region_code, commitment_id)
);

-- Which commitments changed since their kept evaluation: a write marks the commitments it touched
-- and their parents (a report its commitment); the reader walks up to the top-level ones. A
-- recomputation takes (deletes) the marks in the transaction that begins it, under the district
-- row's lock, which every marking write holds first: a write is either taken and seen by that
-- recomputation's evaluation, or marks anew after it. A commitment already marked costs a write
-- one index lookup (on conflict do nothing): the month-end rush writes each commitment many times
-- between two reads. No foreign key to region: the write path only inserts, and only for districts
-- that have kept figures (a region_summary row).
create table region_summary_mark (
  region_code text not null,
  commitment_id uuid not null,
  primary key (region_code, commitment_id)
);

-- The district's row first (its lock orders a write against a recomputation that takes the
-- marks, as before: one update per statement and district), then the marks (a commitment's own
-- id and its parent's, a report's commitment); a restore replays rows, not writes.
create function region_summary_mark_commitments() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    update region_summary set dirty = true where region_code in (select distinct region_code from new_rows);
    if current_setting('duban.restoring', true) = 'on' then return null; end if;
    insert into region_summary_mark (region_code, commitment_id)
      select distinct n.region_code, x.id from new_rows n cross join lateral (values (n.id), (n.parent_id)) x(id)
      where x.id is not null and exists (select 1 from region_summary s where s.region_code = n.region_code)
      on conflict (region_code, commitment_id) do nothing;
  elsif TG_OP = 'DELETE' then
    update region_summary set dirty = true where region_code in (select distinct region_code from old_rows);
    if current_setting('duban.restoring', true) = 'on' then return null; end if;
    insert into region_summary_mark (region_code, commitment_id)
      select distinct o.region_code, x.id from old_rows o cross join lateral (values (o.id), (o.parent_id)) x(id)
      where x.id is not null and exists (select 1 from region_summary s where s.region_code = o.region_code)
      on conflict (region_code, commitment_id) do nothing;
  else
    update region_summary set dirty = true where region_code in (select region_code from new_rows union select region_code from old_rows);
    if current_setting('duban.restoring', true) = 'on' then return null; end if;
    insert into region_summary_mark (region_code, commitment_id)
      select distinct c.region_code, x.id
      from (select region_code, id, parent_id from new_rows union all select region_code, id, parent_id from old_rows) c
        cross join lateral (values (c.id), (c.parent_id)) x(id)
      where x.id is not null and exists (select 1 from region_summary s where s.region_code = c.region_code)
      on conflict (region_code, commitment_id) do nothing;
  end if;
  return null;
end $$;

create function region_summary_mark_reports() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    update region_summary set dirty = true where region_code in (select distinct region_code from new_rows);
    if current_setting('duban.restoring', true) = 'on' then return null; end if;
    insert into region_summary_mark (region_code, commitment_id)
      select distinct n.region_code, n.commitment_id from new_rows n where exists (select 1 from region_summary s where s.region_code = n.region_code)
      on conflict (region_code, commitment_id) do nothing;
  elsif TG_OP = 'DELETE' then
    update region_summary set dirty = true where region_code in (select distinct region_code from old_rows);
    if current_setting('duban.restoring', true) = 'on' then return null; end if;
    insert into region_summary_mark (region_code, commitment_id)
      select distinct o.region_code, o.commitment_id from old_rows o where exists (select 1 from region_summary s where s.region_code = o.region_code)
      on conflict (region_code, commitment_id) do nothing;
  else
    update region_summary set dirty = true where region_code in (select region_code from new_rows union select region_code from old_rows);
    if current_setting('duban.restoring', true) = 'on' then return null; end if;
    insert into region_summary_mark (region_code, commitment_id)
      select distinct c.region_code, c.commitment_id
      from (select region_code, commitment_id from new_rows union all select region_code, commitment_id from old_rows) c
      where exists (select 1 from region_summary s where s.region_code = c.region_code)
      on conflict (region_code, commitment_id) do nothing;
  end if;
  return null;
end $$;

drop trigger commitment_insert_marks_summary on commitment;
drop trigger commitment_update_marks_summary on commitment;
drop trigger commitment_delete_marks_summary on commitment;
drop trigger progress_report_insert_marks_summary on progress_report;
drop trigger progress_report_update_marks_summary on progress_report;
drop trigger progress_report_delete_marks_summary on progress_report;
create trigger commitment_insert_marks_summary after insert on commitment
  referencing new table as new_rows for each statement execute function region_summary_mark_commitments();
create trigger commitment_update_marks_summary after update on commitment
  referencing new table as new_rows old table as old_rows for each statement execute function region_summary_mark_commitments();
create trigger commitment_delete_marks_summary after delete on commitment
  referencing old table as old_rows for each statement execute function region_summary_mark_commitments();
create trigger progress_report_insert_marks_summary after insert on progress_report
  referencing new table as new_rows for each statement execute function region_summary_mark_reports();
create trigger progress_report_update_marks_summary after update on progress_report
  referencing new table as new_rows old table as old_rows for each statement execute function region_summary_mark_reports();
create trigger progress_report_delete_marks_summary after delete on progress_report
  referencing old table as old_rows for each statement execute function region_summary_mark_reports();

-- figures kept before this have no commitment rows: evaluated whole at their next read
update region_summary set dirty = true, as_of = null;
