-- Webhooks an office edits, disables and re-enables, and removes: `active` now means enabled and
-- `removed_at` marks a removed subscription (its delivery history stays). Before this migration a
-- removed webhook was only made inactive, so those become removed.
alter table webhook add column removed_at timestamptz;
update webhook set removed_at = now() where not active;
drop index webhook_region;
create index webhook_region on webhook (region_code) where removed_at is null;
-- a test delivery (ping) the office sends from the web app comes from no audit event
alter table webhook_event alter column audit_id drop not null;
