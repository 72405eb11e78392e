/**
 * Response headers and request limits, with the well-kept Fastify plugins:
 * - @fastify/helmet on every response: a Content-Security-Policy the built web app works under
 *   (scripts and connections only from this origin; inline styles allowed because antd and
 *   echarts set them at run time), frame-ancestors 'none' + X-Frame-Options DENY, nosniff,
 *   Referrer-Policy no-referrer. No upgrade-insecure-requests and no HSTS includeSubDomains: an
 *   office may serve duban over plain HTTP on its intranet, beside other sites of its domain.
 * - @fastify/rate-limit on /api: per signed-in account (per client address for the public)
 *   `DUBAN_RATE_LIMIT` requests a minute (600); sign-in attempts per client address
 *   `DUBAN_LOGIN_RATE_LIMIT` a minute (30). `0` turns a limit off. Client addresses are the ones
 *   Fastify derives (X-Forwarded-For believed only from DUBAN_TRUST_PROXY). In memory: each process
 *   counts its own, so with several instances nginx's limit_req per address is the shared limit
 *   and these are the second line (docs/deployment.md §3); a store in the database would cost a
 *   write per request. The wrong-password backoff is in the database (src/app/auth/throttle.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../app/errors.ts';

export interface RateLimits {
  /** requests per window per signed-in account, or per client address for the public (0: off) */
  max: number;
  /** sign-in attempts per window per client address (0: off) */
  loginMax: number;
  windowMs: number;
}

const count = (value: string | undefined, fallback: number): number => {
  const n = value === undefined || value.trim() === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`a rate limit must be a whole number ≥ 0 (0 turns it off), not "${value}"`);
  return n;
};

export const rateLimitsFromEnv = (env = process.env): RateLimits => ({
  max: count(env.DUBAN_RATE_LIMIT, 600),
  loginMax: count(env.DUBAN_LOGIN_RATE_LIMIT, 30),
  windowMs: 60_000,
});

declare module 'fastify' {
  interface FastifyInstance {
    /** the sign-in route's own limit (false: none) */
    loginRateLimit: { max: number; timeWindow: number; keyGenerator: (req: FastifyRequest) => string } | false;
  }
}

const limited = (_req: FastifyRequest, c: { ttl: number }) => {
  const seconds = Math.max(1, Math.ceil(c.ttl / 1000));
  return new AppError('rate_limited', `请求过于频繁，请${seconds}秒后再试`, `too many requests; retry in ${seconds} s`, 429, { retryAfterSeconds: seconds });
};

export async function registerSecurity(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  app.decorate('loginRateLimit', limits.loginMax > 0 ? { max: limits.loginMax, timeWindow: limits.windowMs, keyGenerator: (req: FastifyRequest) => `login:${req.ip}` } : false);
  if (limits.max === 0 && limits.loginMax === 0) return;
  await app.register(rateLimit, {
    global: limits.max > 0,
    max: limits.max,
    timeWindow: limits.windowMs,
    // runs after the authentication hook: a signed-in account has its own allowance wherever it
    // connects from, so an office behind one NAT address is not one client
    keyGenerator: (req) => (req.actor?.id ? `user:${req.actor.id}` : `addr:${req.ip}`),
    // the web app's files and /health are cheap and not limited
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: limited,
  });
}
