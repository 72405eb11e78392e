-- Tamper-evident audit trail (issue #11): each region's events form a hash chain. An event carries
-- its place in its region's chain (chain_seq), the hash of its predecessor (prev_hash) and its own
-- hash over prev_hash and its content. The trigger computes them in the transaction that writes the
-- event, holding the region's chain head row (audit_chain) locked until commit, so concurrent writers
-- of one region line up and the chain has no forks. `duban audit verify` and restore recompute it.
alter table audit_event add column chain_seq bigint, add column prev_hash text, add column hash text;

create table audit_chain (
  region_code text primary key,
  last_seq bigint not null,
  last_hash text not null
);

-- the content an event's hash covers (timestamps as epoch seconds: independent of the session time zone)
create function audit_event_hash(prev text, e audit_event) returns text language sql immutable as $$
  select encode(sha256(convert_to(json_build_array(
    prev, e.region_code, e.chain_seq, e.actor_id, e.actor_role, e.action, e.entity, e.entity_id,
    e.before, e.after, e.client_address, extract(epoch from e.at)::text)::text, 'UTF8')), 'hex')
$$;

create function audit_event_chain() returns trigger language plpgsql as $$
declare head audit_chain;
begin
  if new.hash is not null then return new; end if; -- a restore writes the chain as backed up (and verifies it)
  new.at := date_trunc('milliseconds', new.at); -- what a backup (JSON) keeps, so a restored event hashes the same
  insert into audit_chain (region_code, last_seq, last_hash) values (new.region_code, 0, '') on conflict do nothing;
  select * into head from audit_chain where region_code = new.region_code for update;
  new.chain_seq := head.last_seq + 1;
  new.prev_hash := head.last_hash;
  new.hash := audit_event_hash(new.prev_hash, new);
  update audit_chain set last_seq = new.chain_seq, last_hash = new.hash where region_code = new.region_code;
  return new;
end $$;

-- events written before this migration join the chain in id order
alter table audit_event disable trigger audit_event_no_update;
do $$
declare e audit_event; head audit_chain;
begin
  for e in select * from audit_event order by id loop
    e.at := date_trunc('milliseconds', e.at);
    insert into audit_chain (region_code, last_seq, last_hash) values (e.region_code, 0, '') on conflict do nothing;
    select * into head from audit_chain where region_code = e.region_code;
    e.chain_seq := head.last_seq + 1;
    e.prev_hash := head.last_hash;
    e.hash := audit_event_hash(e.prev_hash, e);
    update audit_event set at = e.at, chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = e.hash where id = e.id;
    update audit_chain set last_seq = e.chain_seq, last_hash = e.hash where region_code = e.region_code;
  end loop;
end $$;
alter table audit_event enable trigger audit_event_no_update;

alter table audit_event alter column chain_seq set not null, alter column prev_hash set not null, alter column hash set not null;
create unique index audit_event_chain on audit_event (region_code, chain_seq);
create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain();
