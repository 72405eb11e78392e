/**
 * Writes one section of bench/RESULTS.md. Each benchmark owns its `## Title` section and replaces
 * only that one, so sections written by other benchmarks stay as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

export const RESULTS_PATH = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/** Replaces (or appends) the section `## title` with `body` (markdown, without the heading). */
export function writeSection(title: string, body: string, path = RESULTS_PATH): void {
  const heading = `## ${title}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# duban benchmark results\n';
  const lines = current.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  const section = [heading, '', body.trim(), ''];
  let next: string[];
  if (start < 0) {
    next = [...lines.slice(0, lines.length - (lines[lines.length - 1] === '' ? 1 : 0)), '', ...section];
  } else {
    let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    if (end < 0) end = lines.length;
    next = [...lines.slice(0, start), ...section, ...lines.slice(end)];
  }
  writeFileSync(path, next.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n'));
}

/** Date, Node version and CPU model, for the head of a results section. */
export function machineLine(): string {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() is enough
  }
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpu} × ${cpus().length} · load average ${loadavg()[0].toFixed(1)}`;
}
