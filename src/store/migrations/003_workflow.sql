-- Supervision workflow records: 办理方案, 办结申请, 变更申请, 领导批示 and their follow-up,
-- notifications, 期次锁定, 督办单 and 催办 reminders. Every table carries region_code.

-- Drafts created by report import wait for an office to confirm them (confirmed_at set) or discard them.
alter table commitment add column confirmed_at timestamptz;

-- Where a department's reminders are e-mailed (催办 by SMTP); null: in-app and webhook only.
alter table department add column email text;

-- 办理方案: the lead department's plan, filed when it acknowledges (签收) the commitment.
create table work_plan (
  commitment_id uuid primary key references commitment(id),
  region_code text not null references region(code),
  department_id uuid not null references department(id),
  responsible_person text not null,             -- 责任人
  contact text,
  steps jsonb not null default '[]',            -- [{ title, startDate, endDate, responsiblePerson }]
  filed_by uuid,
  filed_at timestamptz not null default now()
);

-- 办结申请: the department's request to close, with its summary and evidence.
create table close_request (
  id uuid primary key,
  region_code text not null references region(code),
  commitment_id uuid not null references commitment(id),
  summary text not null,
  evidence_ids uuid[] not null default '{}',
  state text not null default 'pending' check (state in ('pending', 'approved', 'refused')),
  requested_by uuid,
  requested_at timestamptz not null default now(),
  decided_by uuid,
  decided_at timestamptz,
  decision_comment text
);
create index close_request_commitment on close_request (region_code, commitment_id);

-- 变更申请 调整/延期/取消: effective only once approved.
create table change_request (
  id uuid primary key,
  region_code text not null references region(code),
  commitment_id uuid not null references commitment(id),
  kind text not null check (kind in ('adjust', 'extend', 'cancel')),
  changes jsonb not null default '{}',
  reason text not null,
  state text not null default 'pending' check (state in ('pending', 'approved', 'refused')),
  requested_by uuid,
  requested_at timestamptz not null default now(),
  decided_by uuid,
  decided_at timestamptz,
  decision_comment text,
  version integer not null default 1
);
create index change_request_commitment on change_request (region_code, commitment_id);

-- 领导批示 and the departments' replies (落实情况).
create table instruction (
  id uuid primary key,
  region_code text not null references region(code),
  commitment_id uuid not null references commitment(id),
  leader_name text not null,
  text text not null,
  issued_on date not null,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index instruction_commitment on instruction (region_code, commitment_id);

create table instruction_reply (
  id uuid primary key,
  region_code text not null references region(code),
  instruction_id uuid not null references instruction(id),
  department_id uuid references department(id),
  text text not null,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index instruction_reply_instruction on instruction_reply (region_code, instruction_id);

-- In-app notices to a department (a new instruction, a reminder).
create table notification (
  id uuid primary key,
  region_code text not null references region(code),
  department_id uuid references department(id),
  kind text not null,
  entity text not null,
  entity_id text not null,
  message text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_department on notification (region_code, department_id, created_at);

-- 期次锁定: a reporting period frozen before its bulletin. Unlocking deletes the row (audited).
create table period_lock (
  region_code text not null references region(code),
  period text not null,
  locked_by uuid,
  locked_at timestamptz not null default now(),
  primary key (region_code, period)
);

-- 督办单 / 提醒: the escalation ladder, opened and closed by the escalation job.
create table supervision_slip (
  id uuid primary key,
  region_code text not null references region(code),
  commitment_id uuid not null references commitment(id),
  department_id uuid references department(id),
  level text not null check (level in ('dueSoon', 'urge', 'yellow', 'red')),
  period text,
  reason text not null,
  opened_on date not null,
  closed_on date
);
create index supervision_slip_open on supervision_slip (region_code, commitment_id) where closed_on is null;
-- one open slip per commitment, level and period
create unique index supervision_slip_unique_open on supervision_slip (commitment_id, level, coalesce(period, '')) where closed_on is null;

-- 催办: each reminder sent (or attempted) to a department through a channel.
create table reminder (
  id uuid primary key,
  region_code text not null references region(code),
  department_id uuid references department(id),
  kind text not null check (kind in ('dueSoon', 'urge')),
  as_of date not null,
  channel text not null,                        -- webhook | email | none
  recipient text,
  items jsonb not null default '[]',            -- [{ commitmentId, title, period, dueDate }]
  status text not null check (status in ('sent', 'failed')),
  attempts integer not null default 0,
  error text,
  sent_at timestamptz not null default now()
);
create index reminder_region on reminder (region_code, as_of);
