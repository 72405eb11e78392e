/**
 * Resolves the secret a request carries (session cookie or bearer token) to the acting principal.
 * A resolved credential is kept in memory for a few seconds (DUBAN_AUTH_CACHE_MS, default 10 s;
 * 0 turns it off), so a client sending many requests costs one lookup, not one per request, and
 * a steady client's lookups happen in the background, before its entry expires. Every
 * change that ends or alters a credential in this process (logout, revocation, password change or
 * reset, deactivation) calls `forgetCredentials` after it commits, so it takes effect at once here;
 * another server process sharing the database sees it within the cache time.
 */
import type { Db } from '../../store/db.ts';
import { findApiToken, findSession, touchApiToken, touchSession } from '../../store/users.ts';
import type { Principal } from '../policies/principal.ts';
import { principalForUser } from './principal.ts';
import { LOGIN_RULES, sha256 } from './secrets.ts';

const TOUCH_EVERY_MS = 5 * 60_000;
const CACHE_MS = Number(process.env.DUBAN_AUTH_CACHE_MS ?? 10_000);

type SessionAuth = { principal: Principal; sessionId: string; csrfToken: string };
type TokenAuth = { principal: Principal; tokenId: string };

const cache = new Map<string, { value: SessionAuth | TokenAuth; until: number; refreshing?: boolean }>();
/** bumped by every forget: a lookup that started before it must not fill the cache */
let generation = 0;

/** Drops every cached credential; call after a committed change to sessions, tokens or accounts. */
export function forgetCredentials(): void {
  generation++;
  cache.clear();
}

/**
 * The cached value for `key`, or `load`'s (cached when found and no forget happened meanwhile).
 * An entry past half its time is looked up again in the background when used, so a client
 * sending steadily never waits for a lookup (which would queue for the database behind everyone
 * else's requests); an entry still expires `CACHE_MS` after the lookup that made it began.
 */
async function cached<T extends SessionAuth | TokenAuth>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) {
    if (hit.until - now < CACHE_MS / 2 && !hit.refreshing) {
      hit.refreshing = true;
      lookUp(key, load).catch(() => (hit.refreshing = false)); // it expires as usual; the next use tries again
    }
    return hit.value as T;
  }
  return lookUp(key, load);
}

async function lookUp<T extends SessionAuth | TokenAuth>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const started = generation;
  const at = Date.now();
  const value = await load();
  if (value && CACHE_MS > 0 && started === generation) {
    if (cache.size >= 100_000) cache.clear(); // bounded: many distinct credentials within the cache time
    cache.set(key, { value, until: at + CACHE_MS });
  } else if (!value) cache.delete(key);
  return value;
}

/**
 * The principal a secret stands for, with this request's client address (recorded in the audit
 * trail): from the cache, or `load` given the secret's hash.
 */
async function resolve<T extends SessionAuth | TokenAuth>(kind: 's' | 't', token: string, clientAddress: string | null, load: (hash: string) => Promise<T | undefined>): Promise<T | undefined> {
  const hash = sha256(token);
  const found = await cached(`${kind}:${hash}`, () => load(hash));
  return found && { ...found, principal: { ...found.principal, clientAddress } };
}

/** The principal of a live session, its id and CSRF token; undefined for an unknown or expired one. */
export function authenticateSession(db: Db, token: string, clientAddress: string | null): Promise<SessionAuth | undefined> {
  return resolve('s', token, clientAddress, async (hash) => {
    const found = await findSession(db, hash);
    if (!found) return undefined;
    if (Date.now() - new Date(found.session.lastSeenAt).getTime() > TOUCH_EVERY_MS)
      await touchSession(db, found.session.id, new Date(Date.now() + LOGIN_RULES.sessionIdleMs).toISOString());
    return { principal: await principalForUser(db, found.user), sessionId: found.session.id, csrfToken: found.session.csrfToken };
  });
}

/** The principal of an unrevoked API token; undefined otherwise. */
export function authenticateToken(db: Db, token: string, clientAddress: string | null): Promise<TokenAuth | undefined> {
  return resolve('t', token, clientAddress, async (hash) => {
    const found = await findApiToken(db, hash);
    if (!found) return undefined;
    if (!found.token.lastUsedAt || Date.now() - new Date(found.token.lastUsedAt).getTime() > TOUCH_EVERY_MS) await touchApiToken(db, found.token.id);
    // a token acts for systems: no interactive password change is possible, so the flag does not apply
    return { principal: { ...(await principalForUser(db, found.user)), mustChangePassword: false }, tokenId: found.token.id };
  });
}

/** Runs a change to sessions, tokens or accounts (its transaction), then forgets cached credentials. */
export async function changingCredentials<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    forgetCredentials();
  }
}
