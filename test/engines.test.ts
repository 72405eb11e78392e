/**
 * package.json's `engines.node` is what the installed dependencies need: every package in the
 * lock file accepts the lowest Node version we declare, except the few listed below, whose
 * declared engine is stricter than what they use (each with the reason it still runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; os?: string[]; cpu?: string[] }>;
};

/**
 * Declared `>=22` but loaded by `require()` of an ES module (Node ≥ 20.19 does that unflagged) or
 * using only `node:crypto`: they run on 20.19+, and the whole test suite runs on Node 20 to prove it.
 */
const KNOWN_STRICTER: Record<string, string> = {
  cookie: 'ESM-only; required by light-my-request and @fastify/cookie through require(esm), Node ≥ 20.19',
  nanoid: 'bundled by docx; ESM using node:crypto only',
};

describe('Node version', () => {
  const lowest = semver.minVersion(pkg.engines.node)!.version;

  it('every dependency accepts the lowest Node version package.json declares, or is a documented exception', () => {
    const refused: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      const range = !p.engines || Array.isArray(p.engines) ? undefined : p.engines.node;
      if (!path || !range || (p.os && !p.os.includes('linux')) || (p.cpu && !p.cpu.includes(process.arch))) continue;
      const name = path.replace(/^.*node_modules\//, '');
      if (!semver.satisfies(lowest, range) && !KNOWN_STRICTER[name]) refused.push(`${name}@${p.version} needs node ${range}`);
    }
    expect(refused).toEqual([]);
  });

  it('the README states the same minimum', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`Node.js ${lowest.replace(/\.0$/, '')}+`);
  });

  it('this Node satisfies package.json', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});
