/**
 * Every example in the served OpenAPI document is a value its schema accepts — checked here against
 * the zod schemas the server itself parses requests with and describes its answers by, with no
 * field the schema does not know (Redocly's no-invalid-media-type-examples checks them against the
 * document too, in openapi.test.ts). And the operations another system calls most carry examples.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createContext } from '../app/context.ts';
import { openTestDb } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { buildServer } from './app.ts';
import { servedDocument } from './apiTypes.ts';
import { documentedAnswer, documentedRequest, ErrorBody } from './contract.ts';

type Media = { example?: unknown; examples?: Record<string, { summary?: string; value: unknown }> };
type Operation = { operationId: string; requestBody?: { content?: Record<string, Media> }; responses: Record<string, { content?: Record<string, Media> }> };

/** The operations a partner system uses most: each has an example of its request (if it takes JSON) and of its answer. */
const MAIN = [
  'login', 'createToken', 'getMe', 'listCommitments', 'getCommitment', 'createCommitment', 'submitReport', 'reviewReport', 'listReports',
  'sendReminders', 'createWebhook', 'setDepartmentRobots', 'getScopeOverview', 'compareDistricts',
];

describe('examples in the OpenAPI document', () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { example?: unknown }> } };
  beforeAll(async () => {
    db = await openTestDb('pglite');
    app = await buildServer(createContext(db));
    doc = (await servedDocument(app)) as typeof doc;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const operations = () => Object.values(doc.paths).flatMap((ops) => Object.values(ops));
  /** every example of a media type, named */
  const examplesOf = (m: Media | undefined): [string, unknown][] =>
    !m ? [] : [...(m.example !== undefined ? [['example', m.example] as [string, unknown]] : []), ...Object.entries(m.examples ?? {}).map(([name, e]) => [name, e.value] as [string, unknown])];

  /** problems of `value` against `schema`: what the parse refuses, and any field the parse does not keep (one the schema does not know) */
  function check(schema: z.ZodType | undefined, value: unknown, where: string): string[] {
    if (!schema) return [`${where}: no schema to check it against`];
    const parsed = schema.safeParse(value);
    if (!parsed.success) return parsed.error.issues.map((i) => `${where}: ${i.path.join('.')} ${i.message}`);
    try {
      expect(parsed.data).toMatchObject(value as object);
      return [];
    } catch {
      return [`${where}: has a field the schema does not describe (or one the parse changes)`];
    }
  }

  it('every request and answer example is valid for its operation’s schema, with no unknown field', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const op of operations()) {
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        for (const [name, value] of examplesOf(media)) {
          checked++;
          problems.push(...check(type === 'application/json' ? documentedRequest(op.operationId) : undefined, value, `${op.operationId} request ${name}`));
        }
      for (const [status, response] of Object.entries(op.responses))
        for (const media of Object.values(response.content ?? {}))
          for (const [name, value] of examplesOf(media)) {
            checked++;
            problems.push(...check(status.startsWith('2') ? documentedAnswer(op.operationId) : ErrorBody, value, `${op.operationId} ${status} ${name}`));
          }
    }
    for (const [name, schema] of Object.entries(doc.components.schemas))
      if (schema.example !== undefined) {
        checked++;
        problems.push(...check(name === 'Error' ? ErrorBody : undefined, schema.example, `component ${name}`));
      }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(MAIN.length);
  });

  it('the main operations show a request (when they take JSON) and an answer', () => {
    const byId = new Map(operations().map((op) => [op.operationId, op]));
    const missing = MAIN.flatMap((id) => {
      const op = byId.get(id);
      if (!op) return [`${id}: no such operation`];
      const request = op.requestBody?.content?.['application/json'];
      const success = Object.entries(op.responses).find(([s]) => s.startsWith('2'))?.[1].content?.['application/json'];
      return [...(request && !examplesOf(request).length ? [`${id}: no request example`] : []), ...(!examplesOf(success).length ? [`${id}: no answer example`] : [])];
    });
    expect(missing).toEqual([]);
  });
});
