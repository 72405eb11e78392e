/** Passwords (argon2id) and bearer secrets (random, stored as SHA-256). */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

/** Login rules (README "Sign in", docs/decisions.md "Hardening"). */
export const LOGIN_RULES = {
  /**
   * Failed password checks per account and client address (login) or per account (password
   * change): 5 free, then a wait doubling from 1 s up to 15 min before the next is heard; a key is
   * forgotten after a success or 15 minutes without failure.
   */
  backoff: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 15 * 60_000 },
  /** a session ends after 12 hours without use */
  sessionIdleMs: 12 * 60 * 60_000,
  /** live sessions per account (DUBAN_MAX_SESSIONS); signing in once more ends the oldest */
  maxSessions: Math.max(1, Number(process.env.DUBAN_MAX_SESSIONS ?? 10) || 10),
} as const;

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: Algorithm.Argon2id });

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    await verify(DUMMY_HASH, password).catch(() => false); // same cost whether or not the account exists
    return false;
  }
  return verify(stored, password).catch(() => false);
}
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$JeeR7LV5ahUP6x1VaMxe8g$QoabrcRakZNaQnE6Ek1ydVztMF4+/VhICzHAtWfubXY';

/** At least 8 characters with a letter and a digit, at most 200. */
export function checkPasswordRules(password: string): void {
  if (password.length < 8 || password.length > 200 || !/[A-Za-z]/.test(password) || !/\d/.test(password))
    throw new AppError('weak_password', '密码至少8位，须同时包含字母和数字', 'the password needs at least 8 characters with letters and digits');
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
/** A one-time initial password: 12 characters without look-alikes (0/O, 1/l/I), with a letter and a digit. */
export function generateInitialPassword(): string {
  for (;;) {
    const p = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/\d/.test(p) && /[A-Za-z]/.test(p)) return p;
  }
}

/** A new bearer secret with a recognisable prefix (`dbs_` session, `dbt_` API token). */
export const newSecret = (prefix: 'dbs_' | 'dbt_' | 'csrf_'): string => prefix + randomBytes(32).toString('base64url');

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
