/**
 * The web app's API types, generated from the served OpenAPI document with openapi-typescript
 * (`npm run gen:api` writes web/src/api.gen.ts; openapi.test.ts fails when the committed file
 * differs from what the document generates).
 */
import openapiTS from 'openapi-typescript';
import type { FastifyInstance } from 'fastify';
import { createContext } from '../app/context.ts';
import type { Db } from '../store/db.ts';
import { buildServer } from './app.ts';

export const API_TYPES_FILE = new URL('../../web/src/api.gen.ts', import.meta.url);

/** The document the server serves at /openapi.json. */
export async function servedDocument(app: FastifyInstance): Promise<Record<string, unknown>> {
  const res = await app.inject({ url: '/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}`);
  return res.json();
}

/** TypeScript types of a document (paths, operations, components). */
export async function apiTypes(doc: Record<string, unknown>): Promise<string> {
  return openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { alphabetize: false });
}

/** The types of the document a server on `db` serves. */
export async function generateApiTypes(db: Db): Promise<string> {
  const app = await buildServer(createContext(db));
  try {
    return await apiTypes(await servedDocument(app));
  } finally {
    await app.close();
  }
}
