import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/duban.mjs');
const dir = mkdtempSync(join(tmpdir(), 'duban-cli-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'extract', ...args], { encoding: 'utf8' });

describe('duban extract', () => {
  const file = join(dir, 'report.txt');
  writeFileSync(file, '全年新增城镇就业3120人，力争明年新增学位1200个以上。');

  it('prints one JSON object per line, with options before or after the files', () => {
    const after = run(file, '--json');
    const before = run('--json', file);
    expect(after.status).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    const lines = after.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.value, l.unit])).toEqual([
      ['result', 3120, '人'],
      ['target', 1200, '个'],
    ]);
    for (const l of lines) expect(typeof l.start).toBe('number');
  });

  it('prints a readable table without --json', () => {
    const r = run(file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('3120人');
    expect(r.stdout).toContain('目标');
  });

  it('reads the document as the kind --kind names, and refuses an unknown kind naming the choices', () => {
    const news = join(dir, 'news.txt');
    writeFileSync(news, '本报讯（记者 林夏）今年全区为群众办好这些事\n1.新建社区食堂6个。\n2.改造农村公路35公里。\n');
    const kinds = (...args: string[]) => run(news, '--json', '--year', '2025', ...args).stdout.trim().split('\n').map((l) => JSON.parse(l)).map((l) => `${l.kind}${l.livelihood ? ' 民生实事' : ''}`);
    expect(kinds()).toEqual(['result', 'result']);
    expect(kinds('--kind', 'list')).toEqual(['target 民生实事', 'target 民生实事']);
    expect(kinds('--kind', '民生实事')).toEqual(['target 民生实事', 'target 民生实事']);
    const table = run(news, '--kind', 'list');
    expect(table.stdout).toContain('民生实事清单');
    const bad = run(news, '--kind', 'poem');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('poem');
    expect(bad.stderr).toContain('summary');
  });

  it('fails with the file name for a binary file', () => {
    const bad = join(dir, 'photo.jpg');
    writeFileSync(bad, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    const r = run(bad, '--json');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('photo.jpg');
  });
});
