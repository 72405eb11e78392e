import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const duban = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'duban.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

describe('duban command line', () => {
  it('--help lists every command module', () => {
    const help = execFileSync(process.execPath, [join(root, 'bin', 'duban.mjs'), '--help'], { encoding: 'utf8' });
    const modules = readdirSync(join(import.meta.dirname, 'commands')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(modules.length).toBeGreaterThan(8);
    for (const m of modules) expect(help).toMatch(new RegExp(`^  ${m.replace('.ts', '')}\\s`, 'm'));
  });

  it('an unknown command or option exits non-zero with the reason', () => {
    const unknown = duban('frobnicate');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const option = duban('export', '--bogus');
    expect(option.status).not.toBe(0);
    expect(option.stderr).toMatch(/unknown option --bogus/);
  });
});
