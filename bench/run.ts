/**
 * `npm run bench`: runs every benchmark section module in bench/ in name order, in one process.
 * A section module is any bench/*.ts with a default export `async () => void` that writes its own
 * section of bench/RESULTS.md (see results.ts). `npm run bench -- extract` runs only the named ones.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'run.ts' && f !== 'results.ts')
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
  .sort();

let failed = 0;
for (const f of files) {
  const mod = await import(pathToFileURL(join(dir, f)).href);
  if (typeof mod.default !== 'function') continue;
  console.log(`\n=== bench/${f}`);
  try {
    await mod.default();
  } catch (err) {
    failed++;
    console.error(`bench/${f} failed: ${(err as Error).stack ?? err}`);
  }
}
process.exit(failed ? 1 : 0);
