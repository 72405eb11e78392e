-- 销号 by hand: the office's note on closing a 督办单 (null when the slip closed itself because its
-- cause went away). Who closed it and when is in the audit trail.
alter table supervision_slip add column close_note text;
