/** 区县比较: the counties of a city or province side by side; a click on a county opens its overview (the year is kept). */
import { Alert, Button, Card, Space, Table, Tooltip } from 'antd';
import { formatColumn, formatGrowth, pct } from './format.ts';
import { useLang, useT } from './i18n.tsx';
import { useSession } from './session.tsx';
import { DataState, useApi } from './useApi.tsx';
import type { ColumnsType } from 'antd/es/table';
import type { DistrictComparison as Comparison, DistrictRow } from './model.ts';

/**
 * A page kept per county (督办单, 考核排名, 兑现核验), opened on a city or province: it says so and shows
 * the counties side by side, each one click away — never an empty page (issue 12, item 7).
 */
export function PerCounty({ what }: { what: string }) {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={lang === 'en' ? `${t(what)} is kept by each county: choose one below or in the header.` : `${what}按区县开展，请点击下表中的区县或在上方选择区县查看。`} />
      <Card size="small" title={`${t('区县比较')}（${s.year}${lang === 'en' ? '' : '年'}）`}><DistrictComparison /></Card>
    </Space>
  );
}

/** `indicatorsOnly`: every key indicator of the counties, without the commitment counts (经济指标 of a city). */
export function DistrictComparison({ indicatorsOnly = false }: { indicatorsOnly?: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const loaded = useApi<Comparison>('/districts/compare', { region: s.scope.region, year: s.year });
  return (
    <DataState loaded={loaded} isEmpty={(d) => d.districts.length === 0} empty={lang === 'en' ? 'No county below this region' : '下辖区县暂无数据'}>
      {(d) => {
        const indicators = indicatorsOnly ? d.indicators : d.indicators.slice(0, 4);
        const red = (n: number) => (n ? <span style={{ color: '#a8071a', fontWeight: 600 }}>{n}</span> : 0);
        const none = <span style={{ color: '#999' }}>—</span>;
        return (
          <Table<DistrictRow>
            data-testid="district-comparison"
            rowKey="regionCode"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={d.districts}
            columns={[
              {
                title: t('区县'),
                dataIndex: 'name',
                fixed: 'left',
                render: (name: string, r) => (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => s.setRegionCode(r.regionCode)} aria-label={`${t('查看')} ${name}`}>
                    {name} ›
                  </Button>
                ),
              },
              ...(indicatorsOnly ? [] : [
                { title: t('任务数'), dataIndex: 'commitments', align: 'right', render: (n: number, r) => (r.planId ? n : <Tooltip title={`${d.year}年无年度计划`}><span style={{ color: '#999' }}>—</span></Tooltip>) },
                // a county without the year's plan has no counts: — in every count column, not 0
                { title: t('已完成'), dataIndex: 'completed', align: 'right', render: (n: number, r) => (r.planId ? n : none) },
                { title: t('平均完成率'), dataIndex: 'averageCompletion', align: 'right', render: (v: number | null) => pct(v) },
                { title: t('滞后'), dataIndex: 'lagging', align: 'right', render: (n: number, r) => (r.planId ? red(n) : none) },
                { title: t('严重滞后'), dataIndex: 'seriouslyLagging', align: 'right', render: (n: number, r) => (r.planId ? red(n) : none) },
                { title: t('逾期未报送'), dataIndex: 'reportOverdue', align: 'right', render: (n: number, r) => (r.planId ? red(n) : none) },
                { title: t('逾期未完成'), dataIndex: 'deadlineOverdue', align: 'right', render: (n: number, r) => (r.planId ? red(n) : none) },
                { title: t('民生实事完成'), key: 'livelihood', align: 'right', render: (_: unknown, r) => (r.livelihood.total ? `${r.livelihood.done}/${r.livelihood.total}` : '—') },
              ] as ColumnsType<DistrictRow>),
              ...indicators.map((ind) => {
                // one kind of figure per column: growth where any county has one (a county without shows —), else values in one unit
                const growth = Object.values(ind.values).some((v) => v && v.yoyGrowth !== null);
                const codes = Object.keys(ind.values);
                const texts = formatColumn(codes.map((c) => ({ value: ind.values[c]?.value, unit: ind.unit })));
                const values = new Map(codes.map((code, i) => [code, texts[i]!]));
                return {
                title: <span>{ind.indicator}<br /><span style={{ fontWeight: 400, color: '#666', fontSize: 12 }}>{lang === 'en' ? `${t('同比')} (${t('排名')})` : '同比（排名）'}</span></span>,
                key: ind.indicator,
                align: 'right' as const,
                render: (_: unknown, r: DistrictRow) => {
                  const v = ind.values[r.regionCode];
                  if (!v) return <span style={{ color: '#999' }}>—</span>;
                  return (
                    <Tooltip title={`${v.period} ${values.get(r.regionCode)}`}>
                      <span style={{ whiteSpace: 'nowrap' }}>{growth ? (v.yoyGrowth === null ? '—' : lang === 'en' ? `${Number(v.yoyGrowth) > 0 ? '+' : ''}${v.yoyGrowth}%` : formatGrowth(v.yoyGrowth)) : values.get(r.regionCode)}{lang === 'en' ? ` (#${v.rank})` : `（第${v.rank}）`}</span>
                    </Tooltip>
                  );
                },
                };
              }),
            ]}
          />
        );
      }}
    </DataState>
  );
}
