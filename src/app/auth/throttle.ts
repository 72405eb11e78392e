/**
 * Backoff after failed password checks, per key (login: username as typed, normalised, and client
 * address; password change: account). The first `freeFailures` failures cost nothing; each further
 * one doubles the wait before the next attempt is heard (1 s, 2 s, 4 s … at most `maxDelayMs`); a
 * success or `windowMs` without failure forgets the key. An attacker guessing one account from one
 * address gets a few dozen guesses a day; the account's owner at another address, and everyone else
 * behind the attacker's address, are not slowed at all.
 *
 * The counters are in the database (login_failure), so every instance serving it counts the same
 * failures and a restart forgets none; the use cases see only the `FailureBackoff` port.
 */
import type { Db } from '../../store/db.ts';
import { forgetLoginFailure, NO_ACCOUNT_REGION, readLoginFailure, recordLoginFailure, sweepLoginFailures, type LoginFailureKey } from '../../store/loginFailures.ts';
import { LOGIN_RULES, sha256 } from './secrets.ts';

export interface BackoffRules {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

/** A key's failures: the account's region (or none), what is counted, and the key's parts. */
export type FailureKey = LoginFailureKey;

/** What the sign-in and password-change use cases ask of the backoff. */
export interface FailureBackoff {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: FailureKey): Promise<number>;
  /** Counts a failure of `key`. */
  fail(key: FailureKey): Promise<void>;
  /** Forgets `key` after a success. */
  succeed(key: FailureKey): Promise<void>;
}

/** The key of a sign-in: the username as typed (normalised) from a client address, under the account's region when it names one. */
export function loginKey(o: { regionCode: string | null; username: string; clientAddress: string | null }): FailureKey {
  return { regionCode: o.regionCode ?? NO_ACCOUNT_REGION, kind: 'login', keyHash: sha256(`login\u0000${o.username}\u0000${o.clientAddress ?? 'unknown'}`) };
}

/** The key of a password change: the account, wherever its sessions are. */
export function passwordKey(o: { regionCode: string; userId: string }): FailureKey {
  return { regionCode: o.regionCode, kind: 'password', keyHash: sha256(`password\u0000${o.userId}`) };
}

/** The wait left at `now` after `failures`, the last at `lastFailedAt` (pure). */
export function waitAfter(entry: { failures: number; lastFailedAt: number } | undefined, now: number, rules: BackoffRules): number {
  if (!entry || now - entry.lastFailedAt > rules.windowMs || entry.failures < rules.freeFailures) return 0;
  const delay = Math.min(rules.baseDelayMs * 2 ** (entry.failures - rules.freeFailures), rules.maxDelayMs);
  return Math.max(0, entry.lastFailedAt + delay - now);
}

/**
 * The backoff kept in the database: a read before the password is checked, one upsert per failure,
 * a delete per success. Rows expired for `windowMs` are swept by the first failure after
 * `sweepEveryMs` (a minute) in each process, so the table holds about the last 15 minutes' failing
 * keys whatever an attacker sprays.
 */
export class StoredFailureBackoff implements FailureBackoff {
  private lastSweep = Number.NEGATIVE_INFINITY;
  constructor(
    private readonly db: Db,
    private readonly rules: BackoffRules = LOGIN_RULES.backoff,
    private readonly now: () => number = () => Date.now(),
    private readonly sweepEveryMs = 60_000,
  ) {}

  async retryAfter(key: FailureKey): Promise<number> {
    return waitAfter(await readLoginFailure(this.db, key), this.now(), this.rules);
  }

  async fail(key: FailureKey): Promise<void> {
    const now = this.now();
    await recordLoginFailure(this.db, key, now, this.rules.windowMs);
    if (now - this.lastSweep >= this.sweepEveryMs) {
      this.lastSweep = now;
      await sweepLoginFailures(this.db, now - this.rules.windowMs);
    }
  }

  async succeed(key: FailureKey): Promise<void> {
    await forgetLoginFailure(this.db, key);
  }
}
