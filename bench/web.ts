/**
 * Web benchmark (section "## Web" of bench/RESULTS.md): the overview's first meaningful render in
 * headless Chromium over loopback — from navigation start until the status counts and the
 * sector chart are drawn, with the browser cache empty (first visit) and warm (return visit) —
 * and the JavaScript shipped, gzip: what the overview and the public page load, and all of it.
 * Skips (saying so) without /usr/bin/chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ensureWebBuilt, haveChromium, launchBrowser, ROOT, signIn, startDemoServer } from '../test/e2e/harness.ts';
import { machineLine, writeSection } from './results.ts';

const DIST = join(ROOT, 'web', 'dist');
const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from navigation start until `ready` holds, and the JS files fetched meanwhile. */
async function timeLoad(page: Page, url: string, ready: string[]): Promise<{ ms: number; scripts: string[] }> {
  const scripts = new Set<string>();
  const onRequest = (r: { url(): string }) => {
    const m = /\/(assets\/[^?]+\.js)$/.exec(r.url());
    if (m) scripts.add(m[1]!);
  };
  page.on('request', onRequest);
  await page.goto(url, { waitUntil: 'commit' });
  for (const sel of ready) await page.waitForSelector(sel, { timeout: 60_000, state: 'attached' });
  const ms = await page.evaluate(() => performance.now());
  page.off('request', onRequest);
  return { ms, scripts: [...scripts] };
}

export default async function webBench(): Promise<void> {
  if (!haveChromium()) return;
  ensureWebBuilt();
  const server = await startDemoServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await signIn(page, server.url, 'yanhu.admin');
    const overviewReady = ['[data-status-card="onTrack"] .ant-statistic-content-value', '[data-chart="按领域完成情况"] svg path'];
    await timeLoad(page, `${server.url}/`, overviewReady); // first run warms the server, not measured

    const cold: number[] = [];
    const warm: number[] = [];
    let overviewScripts: string[] = [];
    for (let i = 0; i < 5; i++) {
      await cdp.send('Network.clearBrowserCache');
      const r = await timeLoad(page, `${server.url}/`, overviewReady);
      cold.push(r.ms);
      overviewScripts = r.scripts;
      warm.push((await timeLoad(page, `${server.url}/`, overviewReady)).ms);
    }
    const publicTimes: number[] = [];
    let publicScripts: string[] = [];
    await page.context().clearCookies();
    for (let i = 0; i < 5; i++) {
      await cdp.send('Network.clearBrowserCache');
      const r = await timeLoad(page, `${server.url}/public?region=140802`, ['[data-testid="public-item"]']);
      publicTimes.push(r.ms);
      publicScripts = r.scripts;
    }

    const allJs = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    const total = allJs.reduce((a, f) => a + gz(join('assets', f)), 0);
    const overviewJs = overviewScripts.reduce((a, f) => a + gz(f), 0);
    const publicJs = publicScripts.reduce((a, f) => a + gz(f), 0);
    const biggest = allJs.map((f) => ({ f, n: gz(join('assets', f)) })).sort((a, b) => b.n - a.n).slice(0, 5);
    const ms = (x: number) => `${Math.round(x)} ms`;
    writeSection('Web', [
      machineLine(),
      '',
      'Headless Chromium on loopback against `duban demo` (PGlite), signed in as `yanhu.admin`. First meaningful render = navigation start until the status counts and the sector chart are drawn; median of 5.',
      '',
      '| measure | value |',
      '|---|---:|',
      `| overview first meaningful render, empty cache | ${ms(median(cold))} (min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))}) |`,
      `| overview first meaningful render, warm cache | ${ms(median(warm))} (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))}) |`,
      `| public page (民生实事, no login) first list, empty cache | ${ms(median(publicTimes))} |`,
      `| JS the overview loads (${overviewScripts.length} files), gzip | ${kb(overviewJs)} |`,
      `| JS the public page loads (${publicScripts.length} files), gzip | ${kb(publicJs)} |`,
      `| all JS shipped (${allJs.length} files, pages split), gzip | ${kb(total)} |`,
      '',
      `Largest chunks (gzip): ${biggest.map((b) => `\`${b.f.replace(/-[\w-]{8}\.js$/, '')}\` ${kb(b.n)}`).join(', ')}.`,
    ].join('\n'));
    console.log(`overview ${ms(median(cold))} cold / ${ms(median(warm))} warm; JS overview ${kb(overviewJs)}, public ${kb(publicJs)}, total ${kb(total)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
