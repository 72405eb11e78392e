/**
 * End-to-end harness: builds the web app when web/dist is missing or older than its sources,
 * starts `duban demo` on a free port over a fresh PGlite data directory, and launches Debian's
 * Chromium through playwright-core. Without /usr/bin/chromium the tests skip — loudly.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
export const DEMO_PASSWORD = 'duban2024';
/**
 * How long a browser test may wait for \`duban demo\` to load and serve: generous, because a busy
 * 2-core machine (another suite running) loads the demo in minutes; a quick machine is not slowed.
 */
export const START_TIMEOUT_MS = 600_000;
// the tests wait up to 60 s for what a click changes (expect.poll): a write took over 20 s to show while
// two copies of the suite and other work loaded this 2-core machine (load 20) — a limit, not a speed goal

/** Whether a browser is available; says why not, once, on the console. */
export function haveChromium(): boolean {
  if (existsSync(CHROMIUM)) {
    try {
      if (!execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim())
        console.warn('\n*** e2e: no Chinese font installed (fc-list :lang=zh is empty): screenshots will show boxes. `apt-get install -y fonts-noto-cjk` ***\n');
    } catch { /* no fontconfig tools: nothing to say */ }
    return true;
  }
  console.warn(`\n*** e2e SKIPPED: no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH) to run the browser tests. ***\n`);
  return false;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether web/dist is newer than every source of the web app and the domain files it bundles. */
function webBuilt(): boolean {
  const built = join(ROOT, 'web', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'web', 'src')),
    ...['web/index.html', 'web/public.html', 'web/vite.config.ts', 'src/domain/quantity.ts', 'src/domain/types.ts', 'src/domain/schedule.ts', 'src/domain/extract/context.ts', 'src/domain/extract/rules.ts'].map((f) => statSync(join(ROOT, f)).mtimeMs),
  );
  return existsSync(built) && statSync(built).mtimeMs >= sources;
}

/**
 * Builds web/dist unless it is up to date. Test files run two at a time: the first to take the
 * lock (a directory, made atomically) builds, the others wait for it and find the build done — two
 * builds at once emptied each other's output (ENOENT on a compressed asset). A lock left by a
 * killed run is taken over after 10 minutes.
 */
export function ensureWebBuilt(): void {
  const lock = join(ROOT, 'web', '.build-lock');
  for (;;) {
    if (webBuilt()) return;
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    try {
      if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
    } catch {
      // released meanwhile
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250); // a synchronous pause (ensureWebBuilt is synchronous)
  }
  try {
    if (webBuilt()) return;
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** `duban demo` (loads the sample data, then serves) on a free port over a fresh PGlite directory. */
export async function startDemoServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'duban.mjs'), 'demo', '--port', String(port)], {
    cwd: ROOT,
    // the daily jobs stay off: a run at start-up would change the data under the tests' feet; default request limits
    env: { ...process.env, DUBAN_DATA: dataDir, DATABASE_URL: '', NO_COLOR: '1', DUBAN_SCHEDULER: 'off', DUBAN_RATE_LIMIT: '', DUBAN_LOGIN_RATE_LIMIT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS - 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`duban demo exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${url}/health`)).ok && log.includes('serving')) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`duban demo did not start in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh Chromium profile (its own user-data directory), headless, with the flags that work here. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'duban-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    // the app turns Ant Design's motion off for users who ask for reduced motion: a closing dropdown
    // then never covers the dialog under it, which on a busy machine made clicks land on it
    reducedMotion: 'reduce',
  });
  // a click's navigation or a locator's wait may take long on a busy 2-core machine (two copies of the
  // suite at load 20: a link's navigation passed Playwright's default of 30 s); a wait is for what the
  // page shows, never a speed goal
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Signs in through the login form and waits to leave it. The page the previous user was on is
 * left first: its requests still loading would otherwise be answered 401 once the cookies are
 * cleared (a console error, seen when two copies of the suite ran on a busy machine).
 */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto('about:blank');
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Picks an option of an Ant Design select: opens the field (found by its label inside `scope`),
 * types `search` when given, clicks the first option containing `text`, and waits until the field
 * shows it and, for a single choice, the list has closed — so the next click reaches the form.
 */
export async function pickOption(page: Page, scope: Page | Locator, field: string, text: string, opts: { search?: string; exact?: boolean } = {}): Promise<void> {
  const input = scope.getByLabel(field, { exact: opts.exact });
  const select = scope.locator('.ant-select').filter({ has: page.getByLabel(field, { exact: opts.exact }) }).first();
  await input.click();
  if (opts.search) await input.fill(opts.search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  await expect.poll(() => select.innerText(), { timeout: 60_000, interval: 100 }).toContain(text);
  if (!(await select.evaluate((el) => el.classList.contains('ant-select-multiple'))))
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 60_000, interval: 100 }).toBe(0);
}

/**
 * A describe block's browser: the demo server, Chromium and one page, started before its tests and
 * closed after them. A console error or warning, or an uncaught page error, fails the test it happens
 * in; a failed test leaves a screenshot `FAILED-<label>-<test>`. `ready` receives the server and page.
 */
export function useDemoPage(label: string, ready: (s: { server: RunningServer; page: Page }) => void): void {
  let server: RunningServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page | undefined;
  const consoleErrors: string[] = [];
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    ready({ server, page });
  }, START_TIMEOUT_MS);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(page, `FAILED-${label}-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => {});
    expect(consoleErrors, 'console errors').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
