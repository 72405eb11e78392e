/**
 * The HTTP server: Fastify with zod validation and an OpenAPI document at /openapi.json.
 * Routes are thin: parse input, call a use case or repository, present JSON.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import zhCN from 'zod/v4/locales/zh-CN.js';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../app/errors.ts';
import { API_VERSION, documentRoute, finishDocument, SECURITY_SCHEMES, serversFromEnv, type OpenApiDocument } from './contract.ts';
import type { AppContext } from '../app/context.ts';
import { registerReadRoutes } from './routes/read.ts';
import { registerCommitmentRoutes } from './routes/commitments.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerAuth } from './auth.ts';
import { rateLimitsFromEnv, registerSecurity, type RateLimits } from './security.ts';
import { registerLifecycleRoutes } from './routes/lifecycle.ts';
import { registerSupervisionRoutes } from './routes/supervision.ts';
import { registerEconomyRoutes } from './routes/economy.ts';
import { channelsFromEnv, type ReminderChannels } from '../app/reminders/channels.ts';
import { registerReportRoutes } from './routes/reports.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerWorkReportRoutes } from './routes/workReports.ts';
import { registerIndicatorPeerRoutes } from './routes/indicatorPeers.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerWebhookRoutes } from './routes/webhooks.ts';
import { registerHonourRoutes } from './routes/honours.ts';
import { registerRobotRoutes } from './routes/robots.ts';
import { registerPromiseCheckRoutes } from './routes/promiseChecks.ts';
import { registerJobRoutes } from './routes/jobs.ts';
import { createMetrics, isDatabaseUnavailable, registerObservability, requestIdOptions, type Metrics } from './observability.ts';
import { calendarFromEnv, createScheduler, dailyJobs, type Scheduler } from '../app/jobs/scheduler.ts';
import { registerAdminRoutes } from './routes/admin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    metrics: Metrics;
  }
}

export interface ServerOptions {
  /** Fastify's logger: true for JSON lines on stdout (`duban serve`), or its options (tests pass a stream) */
  logger?: boolean | { level?: string; stream?: NodeJS.WritableStream };
  /** folder of the built web app to serve at / (optional) */
  webRoot?: string;
  /** where POST /api/reminders/send delivers (default: from the environment, see app/reminders/channels.ts) */
  reminderChannels?: () => Promise<ReminderChannels>;
  /** the scheduled jobs GET /api/jobs reports on (default: the daily jobs configured by the environment; `duban serve` starts its timer) */
  scheduler?: Scheduler;
  /** request limits (default: from DUBAN_RATE_LIMIT and DUBAN_LOGIN_RATE_LIMIT, see security.ts) */
  rateLimits?: RateLimits;
}

/** The request body of an upload route in the OpenAPI document (the handlers take file parts under any name). */
const MULTIPART_FILES = {
  type: 'object',
  properties: { files: { type: 'array', items: { type: 'string', format: 'binary' }, description: '文件：证明材料至多5个、每个10MB；导入只读第一个 / files: up to 5 evidence files of 10 MB each; an import reads the first' } },
  required: ['files'],
};

const ZH = zhCN();
/** A validation message in Chinese: our own messages are already bilingual; zod's own come from its zh-CN locale. */
function zhIssue(v: { keyword: string; message?: string; params: Record<string, unknown> }): string {
  if (v.message && /[\u4e00-\u9fff]/.test(v.message)) return v.message;
  const text = ZH.localeError?.({ ...v.params, code: v.keyword, message: v.message, path: [] } as never);
  return (typeof text === 'string' ? text : text?.message) ?? v.message ?? '格式不正确';
}

/** Builds the server around an application context; the caller listens or injects. */
export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  // X-Forwarded-For/-Proto are believed only from a proxy on this machine (or DUBAN_TRUST_PROXY:
  // addresses/CIDRs): otherwise any client could pick the address the login limit and audit see.
  const app = Fastify({ logger: options.logger ?? false, ...requestIdOptions, bodyLimit: 20 * 1024 * 1024, trustProxy: process.env.DUBAN_TRUST_PROXY ?? 'loopback' });
  app.decorate('ctx', ctx);
  app.decorate('metrics', createMetrics(ctx));
  registerObservability(app, ctx, app.metrics);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  // evidence files and imports: 10 MB per file, 5 files per request
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 5, fields: 20 } });
  await registerSecurity(app, options.rateLimits ?? rateLimitsFromEnv()); // headers on every response, even an auth refusal
  registerAuth(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'duban 督办 API',
        description: '政府工作报告目标任务督查督办 / supervision of work-report commitments. Lists page by cursor (`limit`, `cursor` → `nextCursor`); errors are `{ error: { code, zh, en } }`; versions: see `x-duban-api-version`.',
        version: API_VERSION,
        license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      },
      servers: serversFromEnv(),
      // browsers: the session cookie plus the x-csrf-token header on writes; systems: an API token
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: (route) => {
      const out = jsonSchemaTransform({ ...route, schema: documentRoute({ method: route.route.method, url: route.url, schema: route.schema as Record<string, unknown> }) as typeof route.schema });
      // uploads are read by their handlers (not validated as a body): describe their form for the document
      const consumes = (route.schema as { consumes?: string[] } | undefined)?.consumes;
      return consumes?.includes('multipart/form-data') ? { ...out, schema: { ...out.schema, body: MULTIPART_FILES } } : out;
    },
    transformObject: (doc) => finishDocument(jsonSchemaTransformObject(doc) as OpenApiDocument),
  });
  // every answer names the API version it follows
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-duban-api-version', API_VERSION);
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (err.status === 429 && retry) reply.header('retry-after', String(retry));
      if (err.status >= 500) {
        req.log.error({ err }, 'request failed');
        if (err.status === 503) reply.header('retry-after', '5');
        return reply.status(err.status).send({ error: { code: err.code, message: `${err.message} (request ${req.id})`, zh: err.zh, en: err.en, requestId: req.id } });
      }
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, zh: err.zh, en: err.en, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => `${v.instancePath || '/'} ${v.message}`).join('; ');
      // the Chinese message says the same in Chinese (zod's zh-CN locale), not "Invalid UUID"
      const zhIssues = err.validation.map((v) => `${v.instancePath || '/'} ${zhIssue(v)}`).join('；');
      return reply.status(400).send({
        error: { code: 'invalid_input', message: `输入有误 / invalid input: ${issues}`, zh: `输入有误：${zhIssues}`, en: `invalid input: ${issues}`, details: err.validation },
      });
    }
    const e = err as { statusCode?: number; message: string; code?: string };
    if (e.statusCode && e.statusCode < 500) {
      return reply.status(e.statusCode).send({ error: { code: e.code ?? 'bad_request', message: `请求有误 / ${e.message}`, zh: '请求有误', en: e.message } });
    }
    // every 5xx is logged with the request id, and the answer carries it for the user to quote
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send({ error: { code: 'unavailable', message: `数据库暂时不可用，请稍后重试 / database unavailable, retry shortly (request ${req.id})`, zh: '数据库暂时不可用，请稍后重试', en: 'the database is unavailable for a moment; retry shortly', requestId: req.id } });
    }
    req.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: `服务器内部错误 / internal server error (request ${req.id})`, zh: `服务器内部错误（请求编号 ${req.id}）`, en: `internal server error (request ${req.id})`, requestId: req.id } });
  });
  app.setNotFoundHandler((req, reply) => {
    // the web app's client-side routes fall back to its page (the public page has its own, lighter one)
    if (options.webRoot && req.method === 'GET' && !req.url.startsWith('/api/') && req.headers.accept?.includes('text/html'))
      return reply.sendFile(/^\/public(\/|\?|$)/.test(req.url) ? 'public.html' : 'index.html');
    reply.status(404).send({ error: { code: 'not_found', message: `无此接口 / no route ${req.method} ${req.url}`, zh: '无此接口', en: `no route ${req.method} ${req.url}` } });
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const reminderChannels = options.reminderChannels ?? (() => channelsFromEnv());
  const scheduler = options.scheduler ?? createScheduler(ctx, { jobs: dailyJobs(process.env, reminderChannels), calendar: calendarFromEnv(process.env) });
  await app.register(async (api) => {
    registerReadRoutes(api);
    registerCommitmentRoutes(api);
    registerAuthRoutes(api);
    registerLifecycleRoutes(api);
    registerSupervisionRoutes(api, { reminderChannels });
    registerEconomyRoutes(api);
    registerReportRoutes(api);
    registerPublicRoutes(api);
    registerAuditRoutes(api);
    registerDocumentRoutes(api);
    registerWebhookRoutes(api);
    registerHonourRoutes(api);
    registerRobotRoutes(api);
    registerWorkReportRoutes(api);
    registerIndicatorPeerRoutes(api);
    registerPromiseCheckRoutes(api);
    registerJobRoutes(api, scheduler);
    registerAdminRoutes(api);
  }, { prefix: '/api' });

  if (options.webRoot) {
    const { default: fastifyStatic } = await import('@fastify/static');
    // the build's hashed files (/assets/name-hash.js) never change: cached for a year; the pages that
    // name them (index.html, public.html) are asked again every time so a new build shows at once.
    // Browsers get the .br/.gz the build wrote next to each file (web/vite.config.ts).
    await app.register(fastifyStatic, {
      root: options.webRoot,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        const rel = path.slice(options.webRoot!.length).replaceAll('\\', '/');
        reply.header('cache-control', rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : /\.html(\.br|\.gz)?$/.test(rel) ? 'no-cache' : 'public, max-age=86400');
      },
    });
  }
  return app;
}
