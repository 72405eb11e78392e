-- 进展 history as a database rule: every update of a progress report first keeps the row as it
-- was, whichever code path changes it (review, edit, task sheet import). Decimals stay exact text.
create function progress_report_keep_version() returns trigger language plpgsql as $$
begin
  insert into progress_report_history (region_code, report_id, version, snapshot)
  values (old.region_code, old.id, old.version, to_jsonb(old) || jsonb_build_object('cumulative_value', old.cumulative_value::text))
  on conflict (report_id, version) do nothing;
  return new;
end $$;
create trigger progress_report_history_keep before update on progress_report
  for each row execute function progress_report_keep_version();
