import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { openTestDb } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { buildServer } from './app.ts';
import { API_TYPES_FILE, apiTypes, servedDocument } from './apiTypes.ts';
import { API_VERSION, derivedId, OPERATION_IDS, serversFromEnv } from './contract.ts';

type Operation = { operationId?: string; summary?: string; security?: unknown[]; responses: Record<string, unknown> };

describe('the OpenAPI document (the contract)', () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let doc: { info: { version: string }; servers: unknown[]; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    db = await openTestDb('pglite');
    app = await buildServer(createContext(db));
    doc = (await servedDocument(app)) as typeof doc;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));

  it("passes Redocly's recommended rules with no error and no warning (offline)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
      // no telemetry, no update check: the lint reads nothing but the file
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' };
      const run = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--extends', 'recommended', '--format', 'json'], { env, cwd: dir }).catch((e: { stdout: string }) => e);
      const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every operation once, says who may call it and documents its errors as { error: { code, zh, en } }', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(70);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { name, op } of ops) {
      expect(op.summary, name).toMatch(/ \/ /); // English / 中文
      expect(op.security, name).toBeDefined();
      const errors = Object.keys(op.responses).filter((s) => s.startsWith('4'));
      expect(errors.length, name).toBeGreaterThan(0);
      for (const s of errors) expect(JSON.stringify(op.responses[s]), `${name} ${s}`).toContain('#/components/schemas/Error');
    }
    const byId = new Map(ops.map((o) => [o.op.operationId, o.op]));
    expect(byId.get('listRegions')!.security).toEqual([]);
    expect(byId.get('createCommitment')!.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
    expect(byId.get('listCommitments')!.security).toEqual([{ session: [] }, { bearer: [] }]);
  });

  it('describes every success answer with a schema, and names every operation itself (none derived from its path)', () => {
    const untyped = operations().flatMap(({ name, op }) =>
      Object.entries(op.responses as Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>)
        .filter(([status, r]) => status.startsWith('2') && status !== '204' && Object.values(r.content ?? { none: {} }).some((c) => !c.schema || !Object.keys(c.schema).length))
        .map(([status]) => `${name} ${status}`));
    expect(untyped).toEqual([]);
    const named = new Set(Object.values(OPERATION_IDS));
    const derived = operations().filter(({ name, op }) => !named.has(op.operationId!) && op.operationId === derivedId(...(name.split(' ') as [string, string])));
    expect(derived.map((o) => `${o.name} ${o.op.operationId}`)).toEqual([]);
  });

  it('pages every list it reads: an answer with `items` takes `limit` and `cursor` and says `nextCursor`; none answers a bare array', () => {
    const schemas = (doc as unknown as { components: { schemas: Record<string, Schema> } }).components.schemas;
    type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema> };
    const resolve = (s: Schema): Schema => (s.$ref ? resolve(schemas[s.$ref.split('/').pop()!]!) : s);
    const unpaged: string[] = [];
    let lists = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops as Record<string, Operation & { parameters?: { in: string; name: string }[] }>)) {
        const ok = Object.entries(op.responses as Record<string, { content?: Record<string, { schema?: Schema }> }>).find(([status]) => status.startsWith('2'))?.[1];
        const schema = ok?.content?.['application/json']?.schema;
        if (!schema) continue;
        const answer = resolve(schema);
        if (answer.type === 'array') unpaged.push(`${method.toUpperCase()} ${path}: a bare array`);
        if (method !== 'get' || !answer.properties?.items || resolve(answer.properties.items).type !== 'array') continue;
        lists++;
        const query = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
        if (!query.has('limit') || !query.has('cursor') || !answer.properties.nextCursor) unpaged.push(`GET ${path}`);
      }
    expect(unpaged).toEqual([]);
    expect(lists).toBeGreaterThan(30);
  });

  it('carries its version in the document and on every answer', async () => {
    expect(doc.info.version).toBe(API_VERSION);
    const res = await app.inject({ url: '/api/regions' });
    expect(res.headers['x-duban-api-version']).toBe(API_VERSION);
    const missing = await app.inject({ url: '/api/nothing-here' });
    expect(missing.headers['x-duban-api-version']).toBe(API_VERSION);
  });

  it('takes its servers from DUBAN_PUBLIC_URL', () => {
    expect(serversFromEnv({ DUBAN_PUBLIC_URL: 'https://duban.example.gov.cn/, https://10.1.2.3:8443' }).map((s) => s.url)).toEqual(['https://duban.example.gov.cn', 'https://10.1.2.3:8443']);
    expect(serversFromEnv({}).map((s) => s.url)).toEqual(['/']);
  });

  it('web/src/api.gen.ts is what the served document generates (else run `npm run gen:api`)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await apiTypes(doc as unknown as Record<string, unknown>);
    expect(committed === fresh, 'web/src/api.gen.ts is stale: run `npm run gen:api` and commit it').toBe(true);
  });
});
