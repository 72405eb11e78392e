-- Wrong-password counters (sign-in per typed username and client address, password change per
-- account), kept here so that every instance serving this database counts the same failures and a
-- restart forgets none (they lived in each process's memory before). One row per key, written by
-- one upsert per failure (no lost increments when instances fail at the same moment), deleted by a
-- success or, once expired (15 minutes without failure), by the next sweep (src/app/auth/throttle.ts).
create table login_failure (
  -- the account's region when the typed name (or the password change) names an account; '000000'
  -- (no region) for a name that matches no account: the counter is kept before the password is
  -- checked, and the same for both, so nothing tells whether the account exists
  region_code text not null,
  kind text not null check (kind in ('login', 'password')),
  -- SHA-256 of the key (kind, normalised username, client address; or kind, account id): what
  -- people type into the username box (now and then their password) is not stored, nor backed up
  key_hash text not null,
  failures integer not null check (failures > 0),
  last_failed_at timestamptz not null,
  primary key (region_code, key_hash)
);
create index login_failure_last on login_failure (last_failed_at);
