/** Security headers on every response, and the per-client request limits (src/server/security.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createContext } from '../app/context.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { upsertRegion } from '../store/regions.ts';
import { buildServer } from './app.ts';
import { rateLimitsFromEnv } from './security.ts';
import { makeUser, signIn, TEST_PASSWORD } from './testing.ts';

const HOUR = 3_600_000; // a window no test run outlasts: the counts never reset mid-test

describe.each(testEngines())('security headers and request limits on %s', (engine) => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openTestDb(engine);
    await upsertRegion(db, { code: '430502', name: '双清区', level: 'county', parentCode: null });
    const ctx = createContext(db);
    for (const username of ['office', 'leader', 'other'])
      await makeUser(ctx, { username, displayName: username, role: username === 'office' ? 'admin' : 'leader', regionCode: '430502' });
    app = await buildServer(ctx, { rateLimits: { max: 5, loginMax: 3, windowMs: HOUR } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('every response carries the security headers: success, 404, 401, 400 and the health check', async () => {
    const responses = [
      await app.inject({ url: '/health' }),
      await app.inject({ url: '/api/nothing-here', remoteAddress: '10.1.0.1' }),
      await app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer dbt_forged' }, remoteAddress: '10.1.0.2' }),
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: {}, remoteAddress: '10.1.0.3' }),
      await app.inject({ url: '/openapi.json' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 404, 401, 400, 200]);
    for (const r of responses) {
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests'); // intranets serve plain HTTP
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('the public is limited per client address; the web app files and /health are not limited', async () => {
    const get = (ip: string) => app.inject({ url: '/api/regions', remoteAddress: ip });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await get('10.2.0.1')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await get('10.2.0.1');
    expect(refused.json().error).toMatchObject({ code: 'rate_limited', zh: expect.stringContaining('请求过于频繁') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get('10.2.0.2')).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expect((await app.inject({ url: '/health', remoteAddress: '10.2.0.1' })).statusCode).toBe(200);
  });

  it('a signed-in account has its own allowance wherever it connects from (one NAT address is not one client)', async () => {
    const office = await signIn(app, 'office');
    const leader = await signIn(app, 'leader');
    const me = (headers: Record<string, string>, ip: string) => app.inject({ url: '/api/auth/me', headers, remoteAddress: ip });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await me(office, `10.3.0.${i}`)).statusCode);
    codes.push((await me(office, '10.3.0.9')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await me(leader, '10.3.0.1')).statusCode).toBe(200);
  });

  it('sign-in attempts have a stricter limit per client address, the right password included', async () => {
    const login = (ip: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: 'other', password } });
    const codes = [(await login('10.4.0.1', 'x')).statusCode, (await login('10.4.0.1', 'y')).statusCode, (await login('10.4.0.1', 'z')).statusCode];
    codes.push((await login('10.4.0.1', TEST_PASSWORD)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await login('10.4.0.2', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('behind a trusted proxy each forwarded client counts on its own; a client cannot pick its address by header', async () => {
    const via = (remoteAddress: string, forwarded: string) => app.inject({ url: '/api/regions', remoteAddress, headers: { 'x-forwarded-for': forwarded } });
    for (let i = 0; i < 5; i++) expect((await via('127.0.0.1', '203.0.113.7')).statusCode).toBe(200);
    expect((await via('127.0.0.1', '203.0.113.7')).statusCode).toBe(429);
    expect((await via('127.0.0.1', '203.0.113.8')).statusCode).toBe(200);
    const direct = [];
    for (let i = 0; i < 6; i++) direct.push((await via('10.5.0.1', `198.51.100.${i}`)).statusCode);
    expect(direct).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('limits come from the environment; 0 turns one off; nonsense is refused', () => {
    expect(rateLimitsFromEnv({})).toEqual({ max: 600, loginMax: 30, windowMs: 60_000 });
    expect(rateLimitsFromEnv({ DUBAN_RATE_LIMIT: '0', DUBAN_LOGIN_RATE_LIMIT: '5' })).toMatchObject({ max: 0, loginMax: 5 });
    expect(() => rateLimitsFromEnv({ DUBAN_RATE_LIMIT: 'lots' })).toThrow(/whole number/);
  });
});
