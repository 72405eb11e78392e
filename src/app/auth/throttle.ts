/** Per-address limit on failed logins (in memory: one server process). */
import { LOGIN_RULES } from './secrets.ts';

export class LoginThrottle {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly max = LOGIN_RULES.addressMaxFailures,
    private readonly windowMs = LOGIN_RULES.addressWindowMs,
    private readonly now = () => Date.now(),
  ) {}

  /** Milliseconds until this address may try again; 0 when it may now. */
  retryAfter(address: string): number {
    const recent = this.recent(address);
    return recent.length >= this.max ? recent[0]! + this.windowMs - this.now() : 0;
  }

  fail(address: string): void {
    this.failures.set(address, [...this.recent(address), this.now()]);
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()].slice(0, 5_000)) this.failures.delete(k);
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(address, list);
    else this.failures.delete(address);
    return list;
  }
}
