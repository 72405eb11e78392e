/** An ECharts chart drawn as SVG (sharp, searchable text), with an accessible label. */
import type { EChartsCoreOption } from 'echarts/core';
import { echarts, ReactEChartsCore } from './charts.ts';

export function Chart({ option, height = 300, label, onClick }: { option: EChartsCoreOption; height?: number; label: string; onClick?: (p: { name: string; seriesName?: string; dataIndex: number }) => void }) {
  return (
    <div role="img" aria-label={label} data-chart={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ textStyle: { fontFamily: 'inherit' }, animation: false, ...option }}
        style={{ height }}
        opts={{ renderer: 'svg' }}
        notMerge
        onEvents={onClick ? { click: onClick } : undefined}
      />
    </div>
  );
}
