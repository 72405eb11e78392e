import { describe, expect, it } from 'vitest';
import { runInHeading, SECTOR_KEYWORDS, sectorOf } from './draftHints.ts';

const REGION_SECTORS = ['乡村振兴', '城市建设', '文化旅游', '民生保障', '生态环境', '经济发展'];

describe('sectorOf', () => {
  it('never takes a year for a sector: a plan lead-in or a year heading gives none', () => {
    for (const heading of ['2026年，我们将重点抓好以下工作：', '二、2026年主要目标任务', '2026年', '（二）2025年度', '2026年工作安排']) {
      for (const sectors of [REGION_SECTORS, Object.keys(SECTOR_KEYWORDS), ['2026年重点工作', '民生保障'], []]) {
        const sector = sectorOf(heading, sectors);
        expect(sector, `${heading} in ${sectors.join(',')}`).not.toMatch(/\d/);
      }
    }
    expect(sectorOf('2026年，我们将重点抓好以下工作：', REGION_SECTORS)).toBe('');
  });
  it('reads the sector of a heading among the region’s sectors', () => {
    expect(sectorOf('三、办好民生实事', REGION_SECTORS)).toBe('民生保障');
    expect(sectorOf('稳岗扩就业', REGION_SECTORS)).toBe('民生保障');
    expect(sectorOf('扩大有效投资', REGION_SECTORS)).toBe('经济发展');
    expect(sectorOf('（四）2026年乡村振兴重点任务', REGION_SECTORS)).toBe('乡村振兴');
  });
});

describe('runInHeading', () => {
  it('takes the short phrase an item opens with, and nothing from an item without one', () => {
    expect(runInHeading('（一）稳岗扩就业。全年城镇新增就业')).toBe('稳岗扩就业');
    expect(runInHeading('二、扩大有效投资：全年完成固定资产投资')).toBe('扩大有效投资');
    expect(runInHeading('1.新建社区食堂')).toBeNull();
    expect(runInHeading('全年城镇新增就业')).toBeNull();
    expect(runInHeading('（三）新建城市书房5个，改造提升农贸市场')).toBeNull();
  });
});
