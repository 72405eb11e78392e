-- A city's or province's 总览 kept whole beside its sums (scope_summary): the monthly trend added
-- up over its districts and the first few of its 滞后 and 逾期 lists, stored in the same
-- transaction under the same version. A steady read of the 总览 then reads these few rows and one
-- freshness row per district, instead of 12 trend rows per district and the lists across all of them.
create table scope_summary_trend (
  scope text not null,
  region_code text not null references region(code),
  version bigint not null,
  month_end date not null,
  total integer not null,
  -- 滞后 + 严重滞后
  behind integer not null,
  rate_sum double precision not null,
  rate_count integer not null,
  primary key (scope, month_end)
);

create table scope_summary_item (
  scope text not null,
  region_code text not null references region(code),
  version bigint not null,
  -- 'behind' (滞后, 严重滞后) or 'overdue' (逾期), the most behind first
  list text not null check (list in ('behind', 'overdue')),
  position integer not null check (position > 0),
  item jsonb not null,
  primary key (scope, list, position)
);

-- sums kept without their lists and trend are added up again, with them
delete from scope_summary;
