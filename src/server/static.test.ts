/**
 * The built web app as the server delivers it: hashed assets compressed (the .br/.gz the build
 * writes) and cached for a year as immutable; the pages naming them never cached.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { openTestDb } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { buildServer } from './app.ts';

const SCRIPT = `console.log(${JSON.stringify('督办'.repeat(2000))});\n`;
const PAGE = `<!doctype html><html><head><script type="module" src="/assets/main-AbC123.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;

describe('static web app delivery', () => {
  let db: Db;
  let dir: string;
  let app: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-web-'));
    mkdirSync(join(dir, 'assets'));
    for (const [name, text] of [['assets/main-AbC123.js', SCRIPT], ['index.html', PAGE]] as const) {
      writeFileSync(join(dir, name), text);
      writeFileSync(join(dir, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(dir, `${name}.gz`), gzipSync(text));
    }
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    db = await openTestDb('pglite');
    app = await buildServer(createContext(db), { webRoot: dir });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a hashed asset brotli-compressed, cached for a year as immutable', async () => {
    const res = await app.inject({ url: '/assets/main-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
  });

  it('sends gzip to a browser without brotli, and the plain file to one without either', async () => {
    const gz = await app.inject({ url: '/assets/main-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({ url: '/assets/main-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never lets a browser keep index.html without asking, at / and at a client-side route', async () => {
    for (const url of ['/', '/index.html', '/commitments/abc']) {
      const res = await app.inject({ url, headers: { accept: 'text/html', 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload).toString() : res.body;
      expect(body, url).toBe(PAGE);
    }
  });

  it('serves the favicon', async () => {
    const res = await app.inject({ url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/svg/);
  });
});
