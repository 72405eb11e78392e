/** An ECharts chart drawn as SVG (sharp, searchable text), with an accessible label. */
import type { EChartsCoreOption } from 'echarts/core';
import { echarts, ReactEChartsCore } from './charts.ts';

/**
 * The fonts charts measure their labels with: a real font list, not 'inherit' (ECharts measures text
 * on a canvas, where 'inherit' falls back to a Latin default and Chinese legend names then overlap
 * their colour swatches).
 */
const CHART_FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/** A page's legend with room between its items and their swatches. */
function legendSpacing(option: EChartsCoreOption): EChartsCoreOption {
  const legend = (option as { legend?: unknown }).legend;
  if (!legend || Array.isArray(legend) || typeof legend !== 'object') return {};
  return { legend: { itemGap: 16, itemWidth: 14, itemHeight: 10, ...(legend as object) } };
}

export function Chart({ option, height = 300, label, onClick }: { option: EChartsCoreOption; height?: number; label: string; onClick?: (p: { name: string; seriesName?: string; dataIndex: number }) => void }) {
  return (
    <div role="img" aria-label={label} data-chart={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ textStyle: { fontFamily: CHART_FONT }, legend: { itemGap: 16 }, animation: false, ...option, ...legendSpacing(option) }}
        style={{ height }}
        opts={{ renderer: 'svg' }}
        notMerge
        onEvents={onClick ? { click: onClick } : undefined}
      />
    </div>
  );
}
