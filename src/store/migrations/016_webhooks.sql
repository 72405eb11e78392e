-- Events out (webhooks): an office subscribes URLs of its region to event types; every audited
-- change that is such an event is written to an outbox (webhook_event, one delivery row per
-- subscribed webhook) by a trigger on audit_event — in the transaction of the change, on every path
-- that audits, so an event is sent if and only if its change was committed. A dispatcher posts the
-- pending deliveries, signed, and retries failures with backoff (app/webhooks/dispatch.ts).
create table webhook (
  id uuid primary key,
  region_code text not null references region(code),
  url text not null,
  secret text not null,
  events text[] not null default '{}',    -- event types; empty: every type
  active boolean not null default true,
  description text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index webhook_region on webhook (region_code) where active;

create table webhook_event (
  id uuid primary key,
  region_code text not null,
  type text not null,                     -- report.submitted, commitment.stateChanged, …
  entity text not null,
  entity_id text not null,
  audit_id bigint not null,               -- the audit event it came from
  data jsonb,                             -- the entity after the change
  occurred_at timestamptz not null default now()
);

create table webhook_delivery (
  id uuid primary key,
  region_code text not null,
  webhook_id uuid not null references webhook(id) on delete cascade,
  event_id uuid not null references webhook_event(id),
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  last_error text,                        -- e.g. HTTP 503, or the network error
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_history on webhook_delivery (webhook_id, created_at desc);

create function webhook_outbox() returns trigger language plpgsql as $$
declare
  t text;
  ev uuid;
begin
  if current_setting('duban.restoring', true) = 'on' then
    return null; -- a restore replays history: nothing new happened
  end if;
  t := case
    when new.action = 'report.accept' then 'report.accepted'
    when new.action = 'report.return' then 'report.returned'
    when new.entity = 'report' and new.after->>'state' = 'submitted' and (new.before is null or new.before->>'state' is distinct from 'submitted') then 'report.submitted'
    when new.entity = 'commitment' and new.before is not null and new.after is not null and new.before->>'state' is distinct from new.after->>'state' then 'commitment.stateChanged'
    when new.action = 'supervisionSlip.open' then 'supervisionSlip.opened'
    when new.action = 'supervisionSlip.close' then 'supervisionSlip.closed'
    when new.action = 'instruction.create' then 'instruction.recorded'
  end;
  if t is null or not exists (select 1 from webhook w where w.region_code = new.region_code and w.active and (cardinality(w.events) = 0 or t = any(w.events))) then
    return null;
  end if;
  ev := gen_random_uuid();
  insert into webhook_event (id, region_code, type, entity, entity_id, audit_id, data, occurred_at)
    values (ev, new.region_code, t, new.entity, new.entity_id, new.id, new.after, new.at);
  insert into webhook_delivery (id, region_code, webhook_id, event_id)
    select gen_random_uuid(), new.region_code, w.id, ev from webhook w
    where w.region_code = new.region_code and w.active and (cardinality(w.events) = 0 or t = any(w.events));
  return null;
end $$;
create trigger audit_event_webhooks after insert on audit_event
  for each row execute function webhook_outbox();

-- Group robots a department reads its reminders in (催办到群): a 钉钉/政务钉钉 custom robot (webhook URL
-- with access_token, and its 加签 secret) and a 企业微信 group robot (webhook URL with key). Kept apart
-- from `department`, whose rows are public: these URLs and the secret are credentials.
create table department_robot (
  department_id uuid primary key references department(id) on delete cascade,
  region_code text not null,
  dingtalk_url text,
  dingtalk_secret text,
  wecom_url text,
  updated_at timestamptz not null default now()
);
