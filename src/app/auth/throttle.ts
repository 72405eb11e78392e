/**
 * Backoff after failed password checks, per key (login: account name + client address; password
 * change: account). The first `freeFailures` failures cost nothing; each further one doubles the
 * wait before the next attempt is heard (1 s, 2 s, 4 s … at most `maxDelayMs`); a success or
 * `windowMs` without failure forgets the key. An attacker guessing one account from one address
 * gets a few dozen guesses a day; the account's owner at another address, and everyone else
 * behind the attacker's address, are not slowed at all. In memory: one server process.
 */
import { LOGIN_RULES } from './secrets.ts';

export interface BackoffRules {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export class FailureBackoff {
  private entries = new Map<string, { failures: number; last: number }>();
  constructor(
    private readonly rules: BackoffRules = LOGIN_RULES.backoff,
    private readonly now = () => Date.now(),
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const e = this.live(key);
    if (!e || e.failures < this.rules.freeFailures) return 0;
    const delay = Math.min(this.rules.baseDelayMs * 2 ** (e.failures - this.rules.freeFailures), this.rules.maxDelayMs);
    return Math.max(0, e.last + delay - this.now());
  }

  fail(key: string): void {
    const failures = (this.live(key)?.failures ?? 0) + 1;
    this.entries.delete(key); // re-inserted last: the map stays in order of last failure
    this.entries.set(key, { failures, last: this.now() });
    if (this.entries.size > 100_000) for (const k of [...this.entries.keys()].slice(0, 50_000)) this.entries.delete(k);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string) {
    const e = this.entries.get(key);
    if (e && this.now() - e.last > this.rules.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
}
