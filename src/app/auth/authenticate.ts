/** Resolves the secret a request carries (session cookie or bearer token) to the acting principal. */
import type { Db } from '../../store/db.ts';
import { findApiToken, findSession, touchApiToken, touchSession } from '../../store/users.ts';
import type { Principal } from '../policies/principal.ts';
import { principalForUser } from './principal.ts';
import { LOGIN_RULES, sha256 } from './secrets.ts';

const TOUCH_EVERY_MS = 5 * 60_000;

/** The principal of a live session, its id and CSRF token; undefined for an unknown or expired one. */
export async function authenticateSession(db: Db, token: string, clientAddress: string | null): Promise<{ principal: Principal; sessionId: string; csrfToken: string } | undefined> {
  const found = await findSession(db, sha256(token));
  if (!found) return undefined;
  if (Date.now() - new Date(found.session.lastSeenAt).getTime() > TOUCH_EVERY_MS)
    await touchSession(db, found.session.id, new Date(Date.now() + LOGIN_RULES.sessionIdleMs).toISOString());
  return { principal: await principalForUser(db, found.user, clientAddress), sessionId: found.session.id, csrfToken: found.session.csrfToken };
}

/** The principal of an unrevoked API token; undefined otherwise. */
export async function authenticateToken(db: Db, token: string, clientAddress: string | null): Promise<{ principal: Principal; tokenId: string } | undefined> {
  const found = await findApiToken(db, sha256(token));
  if (!found) return undefined;
  if (!found.token.lastUsedAt || Date.now() - new Date(found.token.lastUsedAt).getTime() > TOUCH_EVERY_MS) await touchApiToken(db, found.token.id);
  // a token acts for systems: no interactive password change is possible, so the flag does not apply
  return { principal: { ...(await principalForUser(db, found.user, clientAddress)), mustChangePassword: false }, tokenId: found.token.id };
}
