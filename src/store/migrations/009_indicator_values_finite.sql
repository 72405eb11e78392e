-- 经济指标: a value or growth of NaN/Infinity is not a figure (issue #11: one made the year summary
-- answer 500). NOT VALID: new writes are checked; rows stored before stay readable and the
-- documents skip them, saying so.
alter table indicator_value add constraint indicator_value_finite
  check (value <> 'NaN'::numeric and yoy_growth not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)) not valid;
