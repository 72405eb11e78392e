/** 经济指标: each indicator's series with YoY growth, and where the district ranks among its peers (全市第一…). */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Chart } from '../Chart.tsx';
import { columnFormat, formatGrowth, periodLabel } from '../format.ts';
import { useLang, useT } from '../i18n.tsx';
import type { Answer } from '../model.ts';
import { useSession } from '../session.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { DistrictComparison } from '../DistrictComparison.tsx';

const CN_RANK = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十', '第十一', '第十二', '第十三', '第十四', '第十五'];

export default function Indicators() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const [params, setParams] = useSearchParams();
  const own = s.region!;
  const peers = useApi<Answer<'listIndicators'>>('/indicators', { region: own.code });
  const indicators = useMemo(() => [...new Set((peers.data?.items ?? []).map((v) => v.indicator))], [peers.data]);
  const [chosen, setChosen] = useState<string | undefined>(params.get('indicator') ?? undefined);
  const [periodType, setPeriodType] = useState<string | undefined>(undefined);
  const indicator = chosen && indicators.includes(chosen) ? chosen : indicators[0];

  // a city or province: its counties' key indicators side by side, with rank (the region itself reports none)
  if (s.scope.children) {
    return (
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('经济指标')} · {own.name}</Typography.Title>
        <Card size="small" title={`${t('区县比较')}（${s.year}${lang === 'en' ? '' : '年'}）`}><DistrictComparison indicatorsOnly /></Card>
      </div>
    );
  }
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('经济指标')} · {own.name}</Typography.Title>
        <label htmlFor="indicator">{t('指标')}</label>
        <Select id="indicator" aria-label={t('指标')} style={{ minWidth: 220 }} value={indicator} onChange={(v) => { setChosen(v); setParams({ indicator: v }, { replace: true }); }} options={indicators.map((i) => ({ value: i, label: i }))} />
      </Space>
      <DataState loaded={peers} isEmpty={() => indicators.length === 0} empty="暂无经济指标数据">
        {(d) => {
          const ofIndicator = d.items.filter((v) => v.indicator === indicator && v.regionCode === own.code);
          const types = ['month', 'quarter', 'year'].filter((pt) => ofIndicator.some((v) => v.periodType === pt));
          const type = periodType && types.includes(periodType) ? periodType : types.includes('quarter') ? 'quarter' : types[0];
          const fullSeries = ofIndicator.filter((v) => v.periodType === type).sort((a, b) => a.period.localeCompare(b.period));
          const series = fullSeries.slice(-12);
          const seriesValues = columnFormat(fullSeries, (v) => ({ value: v.value, unit: v.unit }));
          const latestPeriod = series.at(-1)?.period;
          const unit = series.at(-1)?.unit ?? '';
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card size="small" title={`${indicator}（${unit}）`} extra={
                  <Select aria-label="期别" size="small" style={{ width: 90 }} value={type} onChange={setPeriodType} options={types.map((pt) => ({ value: pt, label: pt === 'month' ? '按月' : pt === 'quarter' ? '按季' : '按年' }))} />
                }>
                  {series.length ? (
                    <Chart
                      label={`${indicator} 走势`}
                      height={320}
                      option={{
                        tooltip: { trigger: 'axis' },
                        legend: { top: 0 },
                        grid: { left: 60, right: 50, top: 36, bottom: 28 },
                        xAxis: { type: 'category', data: series.map((v) => periodLabel(v.period).replace('第', '').replace('季度', '季')) },
                        yAxis: [{ type: 'value', name: unit }, { type: 'value', name: '同比%', splitLine: { show: false } }],
                        series: [
                          { name: series[0]?.cumulative ? '累计值' : '当期值', type: 'bar', data: series.map((v) => (v.value === null ? null : Number(v.value))), itemStyle: { color: '#b71c1c' }, barMaxWidth: 28 },
                          { name: t('同比增长'), type: 'line', yAxisIndex: 1, data: series.map((v) => v.yoyGrowth), itemStyle: { color: '#0958d9' }, label: { show: true, formatter: '{c}%' } },
                        ],
                      }}
                    />
                  ) : <Empty />}
                </Card>
                <Card size="small" style={{ marginTop: 16 }}>
                  <Table rowKey="id" size="small" dataSource={[...fullSeries].reverse()} pagination={{ pageSize: 8, hideOnSinglePage: true }}
                    columns={[
                      { title: '期别', dataIndex: 'period', render: (p: string, v) => `${periodLabel(p)}${v.cumulative ? '（累计）' : ''}` },
                      { title: '数值', dataIndex: 'value', align: 'right', render: (_: unknown, v) => seriesValues.get(v) },
                      { title: t('同比增长'), dataIndex: 'yoyGrowth', align: 'right', render: (g: number | null) => (g === null ? '—' : <span style={{ color: g >= 0 ? '#a8071a' : '#237804' }}>{formatGrowth(g)}</span>) },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                {indicator && latestPeriod && <PeerRanking region={own.code} name={own.name} indicator={indicator} period={latestPeriod} />}
              </Col>
            </Row>
          );
        }}
      </DataState>
    </div>
  );
}

/** 同级排名: the districts under the same city (or province) by growth, this one in bold, 全市第一… */
function PeerRanking({ region, name, indicator, period }: { region: string; name: string; indicator: string; period: string }) {
  const t = useT();
  const loaded = useApi<Answer<'listIndicatorPeers'>>('/indicators/peers', { region, indicator, period });
  const parent = loaded.data?.parent;
  const scopeWord = parent?.level === 'province' ? '全省' : '全市';
  const own = loaded.data?.items.find((x) => x.regionCode === region);
  return (
    <Card size="small" title={`${parent?.name ?? '同级'}各区县${indicator}增速排名（${periodLabel(period)}）`} data-testid="peer-ranking">
      <DataState loaded={loaded} isEmpty={(d) => d.items.length < 2} empty="暂无同级地区数据">
        {(d) => {
          const peerValues = columnFormat(d.items, (x) => ({ value: x.value, unit: x.unit }));
          return (
          <>
            {own?.rank && (
              <Typography.Paragraph style={{ fontSize: 16 }}>
                {name}{indicator}增速位居
                <Tag color={own.rank === 1 ? 'red' : 'blue'} style={{ fontSize: 16, padding: '2px 8px', marginLeft: 4 }} data-testid="own-rank">
                  {scopeWord}{d.items.filter((x) => x.rank === own.rank).length > 1 ? '并列' : ''}{CN_RANK[own.rank - 1] ?? `第${own.rank}`}
                </Tag>
              </Typography.Paragraph>
            )}
            <Table rowKey="regionCode" size="small" pagination={false} dataSource={d.items}
              columns={[
                { title: t('排名'), dataIndex: 'rank', width: 60, render: (r: number | null) => r ?? '—' },
                { title: '地区', dataIndex: 'name', render: (n: string, x) => (x.regionCode === region ? <b>{n}</b> : n) },
                { title: '数值', dataIndex: 'value', align: 'right', render: (_: unknown, x) => peerValues.get(x) },
                { title: t('同比增长'), dataIndex: 'yoyGrowth', align: 'right', render: (g: number | null) => (g === null ? '—' : formatGrowth(g)) },
              ]}
            />
          </>
          );
        }}
      </DataState>
    </Card>
  );
}
