-- 交办日期: the day a commitment was handed to its lead department (the 交办 step, or the day a
-- subtask was split off an assigned task). A report period that ended before it cannot be missed
-- (逾期未报送 counts only periods the department owed). Null for a draft, and for a commitment
-- stored as assigned without the step (then it owes every period from its start).
alter table commitment add column assigned_on date;
-- earlier 交办 steps are in the audit trail: the first one's day on the region's clock (UTC+8)
update commitment c set assigned_on = a.day
  from (select entity_id, min((at at time zone 'UTC') + interval '8 hours')::date as day
        from audit_event where entity = 'commitment' and action = 'commitment.assign' group by entity_id) a
  where a.entity_id = c.id::text and c.state <> 'draft';
