/** Sign-in, sessions, password change, accounts (offices) and API tokens. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword } from '../../app/auth/changePassword.ts';
import { createApiToken, revokeApiToken } from '../../app/auth/apiTokens.ts';
import { login } from '../../app/auth/login.ts';
import { logout } from '../../app/auth/logout.ts';
import { AppError } from '../../app/errors.ts';
import { requireReadRegions, requireSignedIn, forbidden } from '../../app/policies/scope.ts';
import { userPolicy } from '../../app/policies/users.ts';
import { createUser } from '../../app/users/createUser.ts';
import { CreateUserInput } from '../../app/users/input.ts';
import { resetPassword } from '../../app/users/resetPassword.ts';
import { setUserActive } from '../../app/users/setUserActive.ts';
import { RegionCode, Uuid } from '../../domain/types.ts';
import { getUser, listApiTokens, listUsers, presentUser } from '../../store/users.ts';
import { clearSessionCookies, setSessionCookies } from '../auth.ts';
import { byFields, page, PageParams } from '../paging.ts';

export function registerAuthRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.post('/auth/login', {
    config: { rateLimit: api.loginRateLimit },
    schema: {
      tags: ['auth'], summary: 'Sign in: sets the session cookie and the readable duban_csrf cookie / 登录',
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
    },
  }, async (req, reply) => {
    const s = await login(ctx, { ...req.body, clientAddress: req.ip, throttle: api.loginThrottle });
    setSessionCookies(req, reply, s);
    return { user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt };
  });

  r.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out / 退出登录' } }, async (req, reply) => {
    if (req.sessionId) await logout(ctx, { actor: req.actor, sessionId: req.sessionId });
    clearSessionCookies(req, reply);
    return reply.status(204).send();
  });

  r.get('/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user / 当前用户' } }, async (req) => {
    requireSignedIn(req.actor);
    const user = await getUser(ctx.db, req.actor.id!);
    return { user: user && presentUser(user), via: req.authVia, readableRegions: req.actor.regionCodes };
  });

  // the web app's first question: 200 either way, so a signed-out browser logs no failed request
  r.get('/auth/session', { schema: { tags: ['auth'], summary: 'The signed-in user, or null when signed out / 当前会话' } }, async (req) => {
    if (!req.actor.id) return { user: null, via: null, readableRegions: [] };
    const user = await getUser(ctx.db, req.actor.id);
    return { user: user && presentUser(user), via: req.authVia, readableRegions: req.actor.regionCodes };
  });

  r.post('/auth/password', {
    schema: { tags: ['auth'], summary: 'Change your password (ends your other sessions) / 修改密码', body: z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }) },
  }, async (req, reply) => {
    if (req.authVia === 'token') throw forbidden('令牌不能修改密码', 'an API token cannot change the password');
    await changePassword(ctx, { actor: req.actor, ...req.body, keepSessionId: req.sessionId, throttle: api.loginThrottle });
    return reply.status(204).send();
  });

  r.post('/users', { schema: { tags: ['users'], summary: 'Create an account; returns its one-time initial password once / 新建账号', body: CreateUserInput } }, async (req, reply) => {
    const created = await createUser(ctx, { actor: req.actor, input: req.body });
    return reply.status(201).send(created);
  });

  r.get('/users', { schema: { tags: ['users'], summary: 'Accounts of a region (offices) / 账号列表', querystring: z.object({ region: RegionCode.optional() }).extend(PageParams.shape) } }, async (req) => {
    const region = req.query.region ?? req.actor.regionCode;
    requireReadRegions(req.actor, region ? [region] : []);
    if (!region || !userPolicy.list(req.actor, region)) throw forbidden('仅督查室可管理账号', 'only the office manages accounts');
    return page((await listUsers(ctx.db, [region])).map(presentUser), req.query, byFields('username', 'username', 'id'));
  });

  r.post('/users/:id/reset-password', { schema: { tags: ['users'], summary: 'New one-time password, lifts a lock / 重置密码', params: z.object({ id: Uuid }) } }, async (req) =>
    resetPassword(ctx, { actor: req.actor, id: req.params.id }),
  );

  r.patch('/users/:id', {
    schema: { tags: ['users'], summary: 'Disable or re-enable an account (ends its sessions, stops its tokens) / 停用、启用账号', params: z.object({ id: Uuid }), body: z.object({ active: z.boolean(), version: z.number().int() }) },
  }, async (req) => setUserActive(ctx, { actor: req.actor, id: req.params.id, ...req.body }));

  r.get('/tokens', { schema: { tags: ['auth'], summary: 'Your API tokens / 我的接口令牌', querystring: PageParams } }, async (req) => {
    requireSignedIn(req.actor);
    return page(await listApiTokens(ctx.db, req.actor.id!), req.query, byFields('created', 'createdAt', 'id'));
  });

  r.post('/tokens', { schema: { tags: ['auth'], summary: 'Create an API token acting as you; the secret is shown once / 新建接口令牌', body: z.object({ name: z.string().trim().min(1).max(100) }) } }, async (req, reply) => {
    const { token, record } = await createApiToken(ctx, { actor: req.actor, name: req.body.name });
    return reply.status(201).send({ ...record, token });
  });

  r.delete('/tokens/:id', { schema: { tags: ['auth'], summary: 'Revoke an API token / 吊销令牌', params: z.object({ id: Uuid }) } }, async (req) =>
    revokeApiToken(ctx, { actor: req.actor, id: req.params.id }),
  );
}
