/**
 * Authentication for every request: a session cookie (browsers) or `Authorization: Bearer` API
 * token (systems) becomes `request.actor`; no credentials means the public. State-changing
 * requests authenticated by cookie must carry the session's CSRF token in `x-csrf-token` (the
 * readable `duban_csrf` cookie holds it: double submit); bearer requests are exempt.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateSession, authenticateToken } from '../app/auth/authenticate.ts';
import { StoredFailureBackoff, type FailureBackoff } from '../app/auth/throttle.ts';
import { AppError } from '../app/errors.ts';
import { PUBLIC, type Principal } from '../app/policies/principal.ts';

export const SESSION_COOKIE = 'duban_session';
export const CSRF_COOKIE = 'duban_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** who acts: set for every request (the public when not signed in) */
    actor: Principal;
    /** how the actor was established */
    authVia: 'session' | 'token' | null;
    /** the session of a cookie-authenticated request */
    sessionId: string | null;
  }
  interface FastifyInstance {
    /** backoff after wrong passwords (login, password change), counted in the database for every instance */
    loginThrottle: FailureBackoff;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user with a one-time password may still use. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/session', '/api/auth/password', '/api/auth/logout']);

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function registerAuth(app: FastifyInstance): void {
  app.decorate<FailureBackoff>('loginThrottle', new StoredFailureBackoff(app.ctx.db));
  app.decorateRequest('actor', null as unknown as Principal);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (req) => {
    req.actor = { ...PUBLIC, clientAddress: req.ip };
    if (!req.url.startsWith('/api/')) return; // health, OpenAPI document, web app files
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const found = m ? await authenticateToken(app.ctx.db, m[1]!, req.ip) : undefined;
      if (!found) throw new AppError('invalid_token', '令牌无效或已吊销', 'the API token is invalid or revoked', 401);
      req.actor = found.principal;
      req.authVia = 'token';
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token || req.routeOptions.url === '/api/auth/login') return; // logging in opens a new session
    const found = await authenticateSession(app.ctx.db, token, req.ip);
    if (!found) return; // an expired cookie: the public
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, found.csrfToken))
        throw new AppError('csrf_failed', '请求缺少有效的 CSRF 令牌，请刷新页面后重试', 'missing or wrong CSRF token; reload the page and retry', 403);
    }
    req.actor = found.principal;
    req.authVia = 'session';
    req.sessionId = found.sessionId;
    if (found.principal.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(req.routeOptions.url ?? ''))
      throw new AppError('password_change_required', '请先修改初始密码', 'change your initial password first', 403);
  });
}

/** Whether the request reached us over TLS (directly or through a proxy's x-forwarded-proto). */
const overTls = (req: FastifyRequest): boolean => req.protocol === 'https';

export function setSessionCookies(req: FastifyRequest, reply: FastifyReply, s: { sessionToken: string; csrfToken: string }): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: overTls(req) };
  reply.setCookie(SESSION_COOKIE, s.sessionToken, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(req: FastifyRequest, reply: FastifyReply): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: overTls(req) };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}
