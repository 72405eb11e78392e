-- A write to a district nobody has read yet left no trace: its trigger marked an existing
-- region_summary row dirty, and there was none. A first reader beginning meanwhile inserted the
-- row clean, evaluated without the write (not committed yet), and kept figures that missed it —
-- clean, so read as current until the next write. Now a write inserts the district's row when it
-- has none (dirty, never stored), so the first reader's insert waits for the writer's commit like
-- any recomputation, and sees its data. Marks only where a recomputation has begun (generation > 0,
-- as before a row existed only then): a district nobody reads collects none.
create function region_summary_touch(codes text[]) returns void language plpgsql as $$
begin
  insert into region_summary as s (region_code, dirty)
    select distinct code, true from unnest(codes) as c(code) order by 1
  on conflict (region_code) do update set dirty = true;
end $$;

create or replace function region_summary_mark_commitments() returns trigger language plpgsql as $$
begin
  if current_setting('duban.restoring', true) = 'on' then return null; end if; -- a restore replays rows, not writes
  if TG_OP = 'INSERT' then
    perform region_summary_touch(array(select distinct region_code from new_rows));
    insert into region_summary_mark (region_code, commitment_id)
      select distinct n.region_code, x.id from new_rows n cross join lateral (values (n.id), (n.parent_id)) x(id)
      where x.id is not null and exists (select 1 from region_summary s where s.region_code = n.region_code and s.generation > 0)
      on conflict (region_code, commitment_id) do nothing;
  elsif TG_OP = 'DELETE' then
    perform region_summary_touch(array(select distinct region_code from old_rows));
    insert into region_summary_mark (region_code, commitment_id)
      select distinct o.region_code, x.id from old_rows o cross join lateral (values (o.id), (o.parent_id)) x(id)
      where x.id is not null and exists (select 1 from region_summary s where s.region_code = o.region_code and s.generation > 0)
      on conflict (region_code, commitment_id) do nothing;
  else
    perform region_summary_touch(array(select region_code from new_rows union select region_code from old_rows));
    insert into region_summary_mark (region_code, commitment_id)
      select distinct c.region_code, x.id
      from (select region_code, id, parent_id from new_rows union all select region_code, id, parent_id from old_rows) c
        cross join lateral (values (c.id), (c.parent_id)) x(id)
      where x.id is not null and exists (select 1 from region_summary s where s.region_code = c.region_code and s.generation > 0)
      on conflict (region_code, commitment_id) do nothing;
  end if;
  return null;
end $$;

create or replace function region_summary_mark_reports() returns trigger language plpgsql as $$
begin
  if current_setting('duban.restoring', true) = 'on' then return null; end if; -- a restore replays rows, not writes
  if TG_OP = 'INSERT' then
    perform region_summary_touch(array(select distinct region_code from new_rows));
    insert into region_summary_mark (region_code, commitment_id)
      select distinct n.region_code, n.commitment_id from new_rows n where exists (select 1 from region_summary s where s.region_code = n.region_code and s.generation > 0)
      on conflict (region_code, commitment_id) do nothing;
  elsif TG_OP = 'DELETE' then
    perform region_summary_touch(array(select distinct region_code from old_rows));
    insert into region_summary_mark (region_code, commitment_id)
      select distinct o.region_code, o.commitment_id from old_rows o where exists (select 1 from region_summary s where s.region_code = o.region_code and s.generation > 0)
      on conflict (region_code, commitment_id) do nothing;
  else
    perform region_summary_touch(array(select region_code from new_rows union select region_code from old_rows));
    insert into region_summary_mark (region_code, commitment_id)
      select distinct c.region_code, c.commitment_id
      from (select region_code, commitment_id from new_rows union all select region_code, commitment_id from old_rows) c
      where exists (select 1 from region_summary s where s.region_code = c.region_code and s.generation > 0)
      on conflict (region_code, commitment_id) do nothing;
  end if;
  return null;
end $$;
