-- Usernames compare in NFKC and lower case (issue #11): "Admin", "ADMIN" and full-width "ａｄｍｉｎ" are
-- one account, "admin". The code stores and looks names up in that form (store/users.ts); the index
-- keeps two accounts from ever differing only so. Existing data: an account whose name collides with
-- an older account's keeps its name with the first 8 characters of its id appended (the office can
-- rename it); then every name is stored in its normal form.
update app_user u set username = u.username || '-' || left(u.id::text, 8)
 where exists (
   select 1 from app_user o
    where o.id <> u.id and lower(normalize(o.username, NFKC)) = lower(normalize(u.username, NFKC))
      and (o.created_at, o.id::text) < (u.created_at, u.id::text));
update app_user set username = lower(normalize(username, NFKC)) where username <> lower(normalize(username, NFKC));
create unique index app_user_username_normalized on app_user (lower(normalize(username, NFKC)));
