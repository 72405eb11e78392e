-- 督办事由 written with the one number style of every document (40%, 10.3个百分点): reasons stored
-- before wrote one decimal always (完成40.0%，落后序时进度（80.0%）40.0个百分点), while the 督办通知单
-- beside them wrote 40%. Only a trailing .0 before % or 个百分点 is dropped.
update supervision_slip
set reason = regexp_replace(reason, '([0-9])\.0(%|个百分点)', '\1\2', 'g')
where reason ~ '[0-9]\.0(%|个百分点)';

-- and a title quoted in the reason has its own double quotes made single, as the bulletin writes it:
-- “建设改造‘四好农村路’30条”, not “建设改造“四好农村路”30条”
update supervision_slip s
set reason = '“' || replace(replace(c.title, '“', '‘'), '”', '’') || '”' || substr(s.reason, char_length(c.title) + 3)
from commitment c
where c.id = s.commitment_id
  and c.title ~ '[“”]'
  and left(s.reason, char_length(c.title) + 2) = '“' || c.title || '”';
