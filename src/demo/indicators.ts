/**
 * 经济指标 for the four districts: quarterly cumulative values and year values from 2018 to today,
 * so districts can be compared and ranked period by period.
 *
 * From the corpus (exact): 盐湖区 2023 地区生产总值 (突破400亿元; 403.5 is our reading), 规模以上工业增加值
 * 29.8亿元, 固定资产投资 120亿元 (seed 004); 荷塘区 2018 地区生产总值 219.4亿元 +8%, 规模工业增加值
 * 54.5亿元 +8%, 固定资产投资 168亿元 +8.4%, 社会消费品零售总额 57.9亿元 +9.9%, 一般公共预算(总)收入
 * 8.6亿元 (seed 003); 双清区 2023 前三季度 地区生产总值 156.10亿元 +4.3%, 居民人均可支配收入 28682元 +5.5%,
 * 1–10月 社会消费品零售总额 131.45亿元 +5.8%, 1–11月 固定资产投资 +10.9%, 规模以上工业增加值 +9.7%,
 * 一般公共预算收入 +13.3% (seed 001).
 * Everything else is INVENTED: the other base values, every other year (grown backwards and
 * forwards from those anchors with a deterministic growth series) and the quarterly split.
 */
import { createHash } from 'node:crypto';
import type { IndicatorValue } from '../domain/types.ts';
import { addDays, endOfMonth } from '../domain/dates.ts';

export const INDICATORS = ['地区生产总值', '规模以上工业增加值', '固定资产投资', '社会消费品零售总额', '一般公共预算收入', '居民人均可支配收入'] as const;
type Indicator = (typeof INDICATORS)[number];

const UNIT: Record<Indicator, string> = {
  地区生产总值: '亿元', 规模以上工业增加值: '亿元', 固定资产投资: '亿元', 社会消费品零售总额: '亿元', 一般公共预算收入: '亿元', 居民人均可支配收入: '元',
};
/** cumulative share of the year reached by the end of Q1..Q4 */
const QUARTER_SHARE: Record<Indicator, number[]> = {
  地区生产总值: [0.22, 0.47, 0.72, 1], 规模以上工业增加值: [0.23, 0.48, 0.73, 1], 固定资产投资: [0.2, 0.48, 0.76, 1],
  社会消费品零售总额: [0.24, 0.48, 0.73, 1], 一般公共预算收入: [0.3, 0.55, 0.77, 1], 居民人均可支配收入: [0.29, 0.51, 0.75, 1],
};
/** typical real growth (%) and price effect added to value growth */
const MEAN_GROWTH: Record<Indicator, number> = {
  地区生产总值: 6, 规模以上工业增加值: 7.5, 固定资产投资: 8, 社会消费品零售总额: 6.5, 一般公共预算收入: 5.5, 居民人均可支配收入: 6.5,
};
const PRICE: Record<Indicator, number> = { 地区生产总值: 1.5, 规模以上工业增加值: 1, 固定资产投资: 0, 社会消费品零售总额: 0, 一般公共预算收入: 0, 居民人均可支配收入: 0 };
/** the economy-wide swing of each year (pandemic years low) */
const YEAR_SWING: Record<number, number> = { 2018: 1.5, 2019: 1, 2020: -4, 2021: 2.5, 2022: -2, 2023: -0.5, 2024: -1, 2025: -1.2, 2026: -1.3 };
/** indicator-specific swings: investment slowed after 2022, revenue dipped with the 2022 tax refunds */
const INDICATOR_SWING: Partial<Record<Indicator, Record<number, number>>> = {
  固定资产投资: { 2020: -3, 2022: -3, 2023: -5, 2024: -5, 2025: -6, 2026: -6 },
  一般公共预算收入: { 2020: -3, 2022: -4 },
};

interface Anchor {
  year: number;
  values: Record<Indicator, number>;
  /** known year growth rates at the anchor year */
  growth?: Partial<Record<Indicator, number>>;
}
const ANCHORS: Record<string, Anchor> = {
  '140802': { year: 2023, values: { 地区生产总值: 403.5, 规模以上工业增加值: 29.8, 固定资产投资: 120, 社会消费品零售总额: 185, 一般公共预算收入: 16.2, 居民人均可支配收入: 34500 } },
  '430502': {
    year: 2023,
    values: { 地区生产总值: 216.8, 规模以上工业增加值: 58, 固定资产投资: 95, 社会消费品零售总额: 158.4, 一般公共预算收入: 9.6, 居民人均可支配收入: 38240 },
    growth: { 地区生产总值: 4.3, 规模以上工业增加值: 9.7, 固定资产投资: 10.9, 社会消费品零售总额: 5.8, 一般公共预算收入: 13.3, 居民人均可支配收入: 5.5 },
  },
  '430202': {
    year: 2018,
    values: { 地区生产总值: 219.4, 规模以上工业增加值: 54.5, 固定资产投资: 168, 社会消费品零售总额: 57.9, 一般公共预算收入: 8.6, 居民人均可支配收入: 31500 },
    growth: { 地区生产总值: 8, 规模以上工业增加值: 8, 固定资产投资: 8.4, 社会消费品零售总额: 9.9 },
  },
  '360313': { year: 2023, values: { 地区生产总值: 230, 规模以上工业增加值: 70, 固定资产投资: 110, 社会消费品零售总额: 75, 一般公共预算收入: 14, 居民人均可支配收入: 36000 } },
};

/** Exact corpus values for single periods (override the generated series). */
const EXACT: Array<{ region: string; indicator: Indicator; period: string; value: string | null; growth: number }> = [
  { region: '430502', indicator: '地区生产总值', period: '2023-Q3', value: '156.10', growth: 4.3 },
  { region: '430502', indicator: '居民人均可支配收入', period: '2023-Q3', value: '28682', growth: 5.5 },
  { region: '430502', indicator: '社会消费品零售总额', period: '2023-10', value: '131.45', growth: 5.8 },
  { region: '430502', indicator: '固定资产投资', period: '2023-11', value: null, growth: 10.9 },
  { region: '430502', indicator: '规模以上工业增加值', period: '2023-11', value: null, growth: 9.7 },
  { region: '430502', indicator: '一般公共预算收入', period: '2023-11', value: null, growth: 13.3 },
];

const FIRST_YEAR = 2018;
/** statistics for a quarter come out about three weeks after it ends */
const RELEASE_DAYS = 20;

function noise(...key: (string | number)[]): number {
  const n = parseInt(createHash('sha256').update(key.join('|')).digest('hex').slice(0, 8), 16);
  return (n / 0xffffffff) * 3 - 1.5; // −1.5 … +1.5
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function yearGrowth(region: string, indicator: Indicator, year: number): number {
  const known = ANCHORS[region]!.year === year ? ANCHORS[region]!.growth?.[indicator] : undefined;
  return known ?? round1(MEAN_GROWTH[indicator] + (YEAR_SWING[year] ?? -1) + (INDICATOR_SWING[indicator]?.[year] ?? 0) + noise(region, indicator, year));
}

/** A same-city county with indicators only; its series is the demo district's, rescaled. */
export interface Peer {
  code: string;
  peerOf: string;
  scale: number;
}

/**
 * The indicator values of the demo districts up to `today` (quarters released by then), and of
 * their peers: each peer's series is its district's, scaled by `scale` (per-capita income by 0.85–1.05)
 * with its own growth rates (the district's ±1.5 points). Peers' figures are all INVENTED.
 */
export function buildIndicatorValues(
  regions: readonly string[], today: string, id: (...parts: (string | number)[]) => string, peers: readonly Peer[] = [],
): IndicatorValue[] {
  const rows = districtIndicatorValues(regions, today, id);
  const unit01 = (...key: (string | number)[]) => (noise(...key) + 1.5) / 3;
  for (const peer of peers) {
    for (const r of rows.filter((x) => x.regionCode === peer.peerOf && x.periodType !== 'month')) {
      const factor = r.indicator === '居民人均可支配收入' ? 0.85 + 0.2 * unit01(peer.code, r.indicator) : peer.scale * (0.9 + 0.2 * unit01(peer.code, r.indicator));
      const digits = r.unit === '元' ? 0 : 2;
      rows.push({
        ...r, id: id(peer.code, r.indicator, r.period), regionCode: peer.code,
        value: r.value === null ? null : (Number(r.value) * factor).toFixed(digits),
        yoyGrowth: r.yoyGrowth === null ? null : round1(r.yoyGrowth + noise(peer.code, r.indicator, r.period.slice(0, 4))),
      });
    }
  }
  return rows;
}

function districtIndicatorValues(regions: readonly string[], today: string, id: (...parts: (string | number)[]) => string): IndicatorValue[] {
  const lastYear = Number(today.slice(0, 4));
  const rows: IndicatorValue[] = [];
  for (const region of regions) {
    const anchor = ANCHORS[region];
    if (!anchor) continue;
    for (const indicator of INDICATORS) {
      // year values, grown forwards and backwards from the anchor
      const valueGrowth = (y: number) => (yearGrowth(region, indicator, y) + PRICE[indicator]) / 100;
      const yearValue = new Map<number, number>([[anchor.year, anchor.values[indicator]]]);
      for (let y = anchor.year + 1; y <= lastYear; y++) yearValue.set(y, yearValue.get(y - 1)! * (1 + valueGrowth(y)));
      for (let y = anchor.year - 1; y >= FIRST_YEAR; y--) yearValue.set(y, yearValue.get(y + 1)! / (1 + valueGrowth(y + 1)));
      const digits = UNIT[indicator] === '元' ? 0 : 2;
      const fmt = (x: number) => x.toFixed(digits);
      const base = { regionCode: region, indicator, unit: UNIT[indicator], cumulative: true };
      for (let y = FIRST_YEAR; y <= lastYear; y++) {
        const g = yearGrowth(region, indicator, y);
        for (let q = 1; q <= 4; q++) {
          if (addDays(endOfMonth(y, q * 3), RELEASE_DAYS) > today) break;
          const period = `${y}-Q${q}`;
          const value = q === 4 ? yearValue.get(y)! : yearValue.get(y)! * QUARTER_SHARE[indicator][q - 1]!;
          const growth = q === 4 ? g : round1(g + noise(region, indicator, period) / 2);
          rows.push({ ...base, id: id(region, indicator, period), period, periodType: 'quarter', value: fmt(value), yoyGrowth: growth });
        }
        if (addDays(`${y}-12-31`, RELEASE_DAYS) <= today) {
          rows.push({ ...base, id: id(region, indicator, String(y)), period: String(y), periodType: 'year', value: fmt(yearValue.get(y)!), yoyGrowth: g });
        }
      }
    }
  }
  for (const e of EXACT) {
    if (!regions.includes(e.region)) continue;
    const row = rows.find((r) => r.regionCode === e.region && r.indicator === e.indicator && r.period === e.period);
    if (row) Object.assign(row, { value: e.value, yoyGrowth: e.growth });
    else rows.push({ id: id(e.region, e.indicator, e.period), regionCode: e.region, indicator: e.indicator, period: e.period, periodType: 'month', cumulative: true, value: e.value, unit: UNIT[e.indicator], yoyGrowth: e.growth });
  }
  return rows;
}
