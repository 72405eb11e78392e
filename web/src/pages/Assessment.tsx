/** 考核排名: departments ranked for a period with the parts of each score. */
import { useState } from 'react';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Chart } from '../Chart.tsx';
import { periodLabel } from '../format.ts';
import { useT } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { Answer, RankedDepartment } from '../model.ts';
import { DataState, useApi } from '../useApi.tsx';
import { PerCounty } from '../DistrictComparison.tsx';


const PARTS: { key: keyof RankedDepartment['parts']; label: string; color: string }[] = [
  { key: 'completion', label: '完成情况', color: '#b71c1c' },
  { key: 'timeliness', label: '报送及时率', color: '#0958d9' },
  { key: 'returned', label: '退回情况', color: '#d48806' },
];
const fmt = (x: number | null) => (x === null ? '—' : (Math.round(x * 10) / 10).toFixed(1));

function periodsOf(year: number, today: string): string[] {
  const out = [`${year}`];
  for (let q = 1; q <= 4; q++) if (`${year}-${String(q * 3 - 2).padStart(2, '0')}-01` <= today) out.push(`${year}-Q${q}`);
  for (let m = 1; m <= 12; m++) if (`${year}-${String(m).padStart(2, '0')}-01` <= today) out.push(`${year}-${String(m).padStart(2, '0')}`);
  return out;
}

export default function Assessment() {
  const t = useT();
  const s = useSession();
  const today = new Date().toISOString().slice(0, 10);
  const year = s.plan?.year ?? Number(today.slice(0, 4));
  const options = periodsOf(year, today);
  const [period, setPeriod] = useState(options[0]!);
  const loaded = useApi<Answer<'assessDepartments'>>(s.scope.children ? null : '/assessment', { region: s.scope.region, period });
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('考核排名')}</Typography.Title>
        <label htmlFor="assess-period">考核期</label>
        <Select id="assess-period" style={{ width: 150 }} value={period} onChange={setPeriod} options={options.map((p) => ({ value: p, label: periodLabel(p) }))} />
      </Space>
      {s.scope.children ? <PerCounty what="单位考核" /> : <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty="该期暂无可考核的单位">
        {(d) => {
          const scored = d.items.filter((x) => x.total !== null);
          return (
            <>
              <Card size="small" title={`各单位得分构成（${periodLabel(d.period)}，截至${d.asOf}）`}>
                <Chart
                  label="考核得分构成"
                  height={Math.max(240, scored.length * 26 + 60)}
                  option={{
                    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                    legend: { top: 0 },
                    grid: { left: 120, right: 30, top: 30, bottom: 20 },
                    xAxis: { type: 'value', name: '分' },
                    yAxis: { type: 'category', inverse: true, data: scored.map((x) => `${x.rank}. ${x.departmentName}`) },
                    series: PARTS.map((p) => ({
                      name: p.label,
                      type: 'bar',
                      stack: 'score',
                      itemStyle: { color: p.color },
                      // each part's contribution to the total: score × its share of the weights that count
                      data: scored.map((x) => {
                        const counted = PARTS.filter((q) => x.parts[q.key].score !== null).reduce((a, q) => a + x.parts[q.key].weight, 0);
                        const part = x.parts[p.key];
                        return part.score === null || !counted ? 0 : Math.round(((part.score * part.weight) / counted) * 10) / 10;
                      }),
                    })),
                  }}
                />
              </Card>
              <Card size="small" style={{ marginTop: 16 }}>
                <Table rowKey="departmentId" size="small" dataSource={d.items} pagination={false}
                  columns={[
                    { title: t('排名'), dataIndex: 'rank', width: 70, render: (r: number | null, x) => (r === null ? '—' : <span>{r}{x.tied && <Tag style={{ marginLeft: 4 }}>并列</Tag>}</span>) },
                    { title: '单位', dataIndex: 'departmentName' },
                    { title: t('得分'), dataIndex: 'total', align: 'right', render: (v: number | null) => <b>{fmt(v)}</b> },
                    ...PARTS.map((p) => ({ title: `${p.label}（权重${d.items[0]?.parts[p.key].weight ?? ''}）`, key: p.key, align: 'right' as const, render: (_: unknown, x: RankedDepartment) => fmt(x.parts[p.key].score) })),
                  ]}
                />
              </Card>
            </>
          );
        }}
      </DataState>}
    </div>
  );
}
