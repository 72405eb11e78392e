/**
 * A past period's documents from the web app, as a newcomer gets them: on 总览 pick the year and a
 * past month, download the 工作纪实 (dated by default the day after December's reports were due) and,
 * with 文件选项 (成文日期, 发文字号), the 督查通报 — each of that period, none dated today.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { haveChromium, pickOption, shot, signIn, type RunningServer, useDemoPage } from './harness.ts';

const hasBrowser = haveChromium();
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });

describe.skipIf(!hasBrowser)('a past period\'s documents from 总览 in Chromium', () => {
  let server: RunningServer;
  let page: Page;
  useDemoPage('documents', (s) => ({ server, page } = s));

  /** Downloads the Word file of the menu under `button`; its name and text. */
  async function word(button: RegExp): Promise<{ name: string; text: string }> {
    await page.getByRole('button', { name: button }).hover();
    const item = page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').filter({ hasText: 'Word' });
    await poll(() => item.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
    const path = await download.path();
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(path) });
    await poll(() => page.locator('.ant-dropdown:visible').count()).toBe(0);
    return { name: download.suggestedFilename(), text: value };
  }

  it('2024年: the 工作纪实 dated after its last reports, the October 督查通报 with the date and 文号 given', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    await page.goto(`${server.url}/overview`);
    await pickOption(page, page, '年度', '2024年', { exact: true });
    await poll(() => page.getByRole('button', { name: /下载工作纪实（2024）/ }).count()).toBe(1);

    const summary = await word(/下载工作纪实/);
    expect(summary.name).toMatch(/^盐湖区2024年.*工作纪实.*\.docx$/);
    expect(summary.text).toContain('盐湖区2024年政府工作报告');
    // the default 成文日期: the day after December's reports were due, not today
    expect(summary.text).toMatch(/2025年1月\d{1,2}日\s*$/);
    expect(summary.text).not.toContain('截至2024年');

    await pickOption(page, page, '通报月份', '2024年10月');
    await page.getByRole('button', { name: /文件选项/ }).click();
    const date = page.getByLabel('成文日期');
    await date.click();
    await date.fill('2024-11-08');
    await date.press('Enter');
    await page.getByLabel('发文字号').fill('盐督通〔2024〕10号');
    await page.getByRole('button', { name: /文件选项/ }).click();
    await shot(page, 'documents-01-options');
    const bulletin = await word(/下载督查通报/);
    expect(bulletin.name).toMatch(/^盐湖区2024年10月.*督查通报.*\.docx$/);
    for (const part of ['截至2024年10月底', '盐督通〔2024〕10号', '2024年11月8日印发']) expect(bulletin.text).toContain(part);
    expect(bulletin.text).not.toMatch(/2026年/);
  });

  it('目标任务 → 导出Excel: a workbook that prints — A4 landscape one page wide, title and header on every page, figures as numbers', async () => {
    await page.goto(`${server.url}/commitments`);
    const button = page.getByRole('button', { name: /导出Excel/ });
    await poll(() => button.isEnabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^目标任务_盐湖区_.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(String(ws.getCell('A1').value)).toMatch(/^盐湖区目标任务清单（截至\d{4}年\d{1,2}月\d{1,2}日）$/);
    const header = (ws.getRow(2).values as string[]).slice(1);
    expect(header).toContain('完成率\n（%）');
    const rate = header.indexOf('完成率\n（%）') + 1;
    const rates = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(3 + i).getCell(rate).value).filter((v) => v !== null);
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.every((v) => typeof v === 'number')).toBe(true);
  });
});
