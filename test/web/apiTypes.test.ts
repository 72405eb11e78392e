/**
 * The web app reads the API through the types generated from its OpenAPI document (web/src/api.gen.ts,
 * via model.ts), never through a shape written by hand or a server module's type: a change of the
 * contract then fails `tsc -p web` instead of a page at run time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = new URL('../../web/src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) && n !== 'api.gen.ts' ? [p] : [];
  });

describe('the web app’s API answer types', () => {
  it('every call names its answer by a generated type, none by an inline shape or a server type', () => {
    const found: string[] = [];
    for (const f of files(WEB)) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        const at = `${relative(WEB, f)}:${i + 1}`;
        // useApi<{ items: … }>, api<{ … }>, apiAll<{ … }>: an answer shape written by hand
        if (/\b(useApi|api|apiAll)<\s*\{/.test(line)) found.push(`${at} inline answer type: ${line.trim().slice(0, 100)}`);
        // a type taken from the server's own modules instead of the contract
        if (/import type .* from '(\.\.\/)+src\/(app|server|store)\//.test(line)) found.push(`${at} server type: ${line.trim().slice(0, 100)}`);
      });
    }
    expect(found).toEqual([]);
  });
});
