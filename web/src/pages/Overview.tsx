/** 总览: status counts, completion by sector, lagging and overdue lists, monthly trend, key figures. Every number links to its list. */
import { useEffect, useMemo, useState } from 'react';
import { isSupervised, summarizeSupervised } from '../live.ts';
import { Link, useNavigate } from 'react-router';
import { Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { apiAll, withQuery } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { formatGrowth, formatValue, pct } from '../format.ts';
import { useT, useLang } from '../i18n.tsx';
import { STATUS_LABELS } from '../labels.ts';
import type { Answer, EvaluatedCommitment, IndicatorValue, Summary, SummaryGroup } from '../model.ts';
import { useSession } from '../session.tsx';
import { OverdueTag, STATUS_ORDER, STATUS_STYLE, StatusTag } from '../status.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { Downloads } from '../Downloads.tsx';
import { DistrictComparison } from '../DistrictComparison.tsx';
import { trendMonthEnds } from '../../../src/domain/dates.ts';

export default function Overview() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const nav = useNavigate();
  // a city or province: its 总览 of the year from the districts' kept figures (counts, the most-behind lists, the trend)
  const aggregate = !!s.scope.children;
  const kept = useApi<ScopeOverview>(aggregate ? '/overview' : null, { region: s.scope.region, year: String(s.year) });
  // a district: one list, counted here: the same commitments the lists behind the numbers show (drafts left out)
  const all = useApi<Answer<'listCommitments'>>(aggregate ? null : '/commitments', { ...s.scope, topLevel: 'true' });
  const derived = useMemo((): { summary: Summary; lagging: Listed; overdue: Listed } | undefined => {
    if (aggregate) return kept.data && { summary: kept.data.summary, lagging: kept.data.lagging, overdue: kept.data.overdue };
    if (!all.data) return undefined;
    const items = all.data.items.filter((c) => isSupervised(c) && s.inYear(c));
    const byLag = (a: EvaluatedCommitment, b: EvaluatedCommitment) => (b.evaluation.lag ?? -Infinity) - (a.evaluation.lag ?? -Infinity);
    const listed = (xs: EvaluatedCommitment[]) => ({ count: xs.length, items: xs.sort(byLag) });
    return {
      summary: summarizeSupervised(items),
      lagging: listed(items.filter((c) => c.evaluation.status === 'lagging' || c.evaluation.status === 'seriouslyLagging')),
      overdue: listed(items.filter((c) => c.evaluation.overdue)),
    };
  }, [aggregate, kept.data, all.data, s.inYear]);
  const loaded = aggregate ? kept : all;
  const summary = { ...loaded, data: derived?.summary };
  const lagging = { ...loaded, data: derived?.lagging };
  const overdue = { ...loaded, data: derived?.overdue };
  const listLink = (q: Record<string, string>) => withQuery('/commitments', q);

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('总览')} · {s.region?.name}
          {` ${s.year}`}
        </Typography.Title>
        <Downloads />
      </div>
      {s.scope.children && (
        <Card title={`${t('区县比较')}（${s.year}${lang === 'en' ? '' : '年'}）`} size="small" style={{ marginBottom: 16 }}>
          <DistrictComparison />
        </Card>
      )}
      <DataState loaded={summary} rows={2}>
        {(d) => <StatusCards total={d.total} link={listLink} />}
      </DataState>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card title={t('按领域完成情况')} size="small">
            <DataState loaded={summary} isEmpty={(d) => d.bySector.length === 0}>
              {(d) => (
                <>
                  <SectorChart groups={d.bySector} onPick={(sector) => nav(listLink({ sector }))} />
                  {/* the same numbers as links, for the keyboard and screen readers */}
                  <Space wrap size={[12, 4]} style={{ fontSize: 13 }}>
                    {d.bySector.map((g) => <Link key={g.key} to={listLink({ sector: g.key })}>{g.key || '未分类'} {g.total}项</Link>)}
                  </Space>
                </>
              )}
            </DataState>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('完成率趋势')} size="small">
            {/* twelve evaluations: asked for once the figures above are in, so they do not hold them up */}
            {summary.data ? <Trend kept={kept.data?.trend} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<Link to={listLink({ status: 'seriouslyLagging,lagging' })}>{t('滞后任务')}{lagging.data ? `（${lagging.data.count}）` : ''}</Link>} size="small">
            <div style={{ color: '#666', fontSize: 12, textAlign: 'right', marginTop: -4 }}>{t('完成率')} / {t('序时进度')}</div>
            <DataState loaded={lagging} isEmpty={(d) => d.count === 0} empty="没有滞后任务">
              {(d) => <CommitmentList listed={d} />}
            </DataState>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<Link to={listLink({ overdue: 'true' })}>{t('逾期任务')}{overdue.data ? `（${overdue.data.count}）` : ''}</Link>} size="small" extra={summary.data && <span style={{ color: '#666', fontSize: 12 }}>{t('逾期未报送')} {summary.data.total.reportOverdue} · {t('逾期未完成')} {summary.data.total.deadlineOverdue}</span>}>
            <DataState loaded={overdue} isEmpty={(d) => d.count === 0} empty="没有逾期任务">
              {(d) => <CommitmentList listed={d} />}
            </DataState>
          </Card>
        </Col>
        {!s.scope.children && (
          <Col xs={24} lg={12}>
            <Card title={t('主要指标')} size="small" extra={<Link to="/indicators">{t('经济指标')} ›</Link>}>
              <KeyFigures />
            </Card>
          </Col>
        )}
        {/* several districts have no department breakdown (a department belongs to one district): 区县比较 shows them side by side */}
        {!s.scope.children && (
          <Col xs={24} lg={12}>
            <Card title={t('牵头单位')} size="small">
              <DataState loaded={summary} isEmpty={(d) => d.byDepartment.length === 0}>
                {(d) => <DepartmentTable groups={d.byDepartment} link={listLink} />}
              </DataState>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}

function StatusCards({ total, link }: { total: SummaryGroup; link: (q: Record<string, string>) => string }) {
  const t = useT();
  const card = (key: string, color: string | null, to: string, title: React.ReactNode, value: number, label: string) => (
    <Card size="small" key={key} style={color ? { borderTop: `3px solid ${color}` } : undefined} data-status-card={key.startsWith('overdue') ? undefined : key === 'total' ? undefined : key} data-overdue-card={key.startsWith('overdue') ? key.slice(8) : undefined}>
      <Link to={to} aria-label={`${label} ${value}`}>
        <Statistic title={title} value={value} styles={color ? { content: { color } } : undefined} />
      </Link>
    </Card>
  );
  // one row of equal cards on a wide screen (1280 and up): 任务总数, the six statuses, then the two kinds of 逾期
  return (
    <div data-testid="status-cards" style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(118px, 1fr))' }}>
      {card('total', null, link({}), t('任务总数'), total.total, t('任务总数'))}
      {STATUS_ORDER.map((st) => card(st, STATUS_STYLE[st].chart, link({ status: st }), <StatusTag status={st} />, total.byStatus[st], STATUS_LABELS[st]))}
      {card('overdue-report', '#a8071a', link({ overdue: 'report' }), <span title={t('应报未报：报送时限已过，进展报告仍未报送')}>{t('逾期未报送')}</span>, total.reportOverdue, t('逾期未报送'))}
      {card('overdue-deadline', '#5c0011', link({ overdue: 'deadline' }), <span title={t('已过完成时限，任务仍未完成')}>{t('逾期未完成')}</span>, total.deadlineOverdue, t('逾期未完成'))}
    </div>
  );
}

function SectorChart({ groups, onPick }: { groups: SummaryGroup[]; onPick(sector: string): void }) {
  const t = useT();
  const names = groups.map((g) => `${g.key || '未分类'}\n${t('平均')} ${pct(g.averageCompletion)}`);
  return (
    <Chart
      label={t('按领域完成情况')}
      height={Math.max(220, groups.length * 44 + 60)}
      onClick={(p) => onPick(groups[p.dataIndex]!.key)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 118, right: 40, top: 30, bottom: 24 },
        xAxis: [{ type: 'value', name: '项', minInterval: 1 }],
        yAxis: { type: 'category', data: names, inverse: true, axisLabel: { lineHeight: 16 } },
        series: STATUS_ORDER.map((st) => ({
          name: t(STATUS_LABELS[st]),
          type: 'bar',
          stack: 'n',
          itemStyle: { color: STATUS_STYLE[st].chart },
          label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
          data: groups.map((g) => g.byStatus[st]),
        })),
      }}
    />
  );
}

/** A list's most-behind commitments (the server's kept ones for a city or province) and how many it has. */
type ScopeOverview = Answer<'getScopeOverview'>;
/** the lagging or overdue commitments the overview lists (the kept answer's, or picked from the list) */
type Listed = ScopeOverview['lagging'];

function CommitmentList({ listed: { count, items } }: { listed: Listed }) {
  const s = useSession();
  const { lang } = useLang();
  return (
    <>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.slice(0, 8).map((c) => (
          <li key={c.id} style={{ display: 'flex', width: '100%', gap: 8, alignItems: 'center', padding: '7px 4px', borderBottom: '1px solid #f0f0f0' }}>
            <Link to={`/commitments/${c.id}`} style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{c.title}</Link>
            {/* on a city's or province's 汇总 a department's name alone (区人社局) does not say which county */}
            <span style={{ color: '#555', whiteSpace: 'nowrap' }}>{s.scope.children && <span data-testid="region-name">{s.regions.find((r) => r.code === c.regionCode)?.name ?? c.regionCode} · </span>}{s.deptName(c.leadDepartmentId)}</span>
            <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{pct(c.evaluation.completionRate)} / {pct(c.evaluation.expectedProgress)}</span>
            <StatusTag status={c.evaluation.status} />
            <OverdueTag evaluation={c.evaluation} />
          </li>
        ))}
      </ul>
      {count > 8 && <div style={{ padding: '6px 4px', color: '#555' }}>{lang === 'en' ? `… ${count} in all` : `… 共 ${count} 项`}</div>}
    </>
  );
}

/** Lead departments, most behind first; a plain table so the overview does not load the data grid. */
function DepartmentTable({ groups, link }: { groups: SummaryGroup[]; link: (q: Record<string, string>) => string }) {
  const t = useT();
  const s = useSession();
  const behind = (g: SummaryGroup) => g.byStatus.lagging + g.byStatus.seriouslyLagging;
  const rows = [...groups].sort((a, b) => behind(b) - behind(a) || b.overdue - a.overdue || b.total - a.total);
  const th = { textAlign: 'right' as const, padding: '6px 8px', background: '#fafafa', fontWeight: 600, position: 'sticky' as const, top: 0 };
  const td = { textAlign: 'right' as const, padding: '6px 8px', borderBottom: '1px solid #f0f0f0' };
  return (
    <div style={{ maxHeight: 300, overflow: 'auto' }}>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
        <thead>
          <tr>
            <th style={{ ...th, textAlign: 'left' }}>{t('牵头单位')}</th>
            <th style={th}>{t('任务总数')}</th>
            <th style={th}>{t('滞后')}</th>
            <th style={th}>{t('逾期未报送')}</th>
            <th style={th}>{t('逾期未完成')}</th>
            <th style={th}>{t('平均完成率')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.key}>
              <td style={{ ...td, textAlign: 'left' }}>{s.deptName(g.key || null)}</td>
              <td style={td}><Link to={link(g.key ? { department: g.key } : {})}>{g.total}</Link></td>
              <td style={td}>{behind(g) ? <Link to={link({ department: g.key, status: 'seriouslyLagging,lagging' })} style={{ color: '#a8071a' }}>{behind(g)}</Link> : 0}</td>
              <td style={td}>{g.reportOverdue ? <Link to={link({ department: g.key, overdue: 'report' })} style={{ color: '#a8071a' }}>{g.reportOverdue}</Link> : 0}</td>
              <td style={td}>{g.deadlineOverdue ? <Link to={link({ department: g.key, overdue: 'deadline' })} style={{ color: '#a8071a' }}>{g.deadlineOverdue}</Link> : 0}</td>
              <td style={td}>{pct(g.averageCompletion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Average completion at the end of each month of the plan year, from the server's own evaluation at
 * that date: a city's or province's as kept by the server (`kept`), a district's asked for per month.
 */
function Trend({ kept }: { kept?: ScopeOverview['trend'] }) {
  const t = useT();
  const s = useSession();
  const [points, setPoints] = useState<{ month: string; avg: number | null; behind: number }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const year = s.year;
  const months = useMemo(() => trendMonthEnds(year, new Date().toISOString().slice(0, 10)), [year]);
  useEffect(() => {
    if (kept) return;
    let live = true;
    setPoints(null);
    setError(null);
    Promise.all(months.map((asOf) => apiAll<Answer<'listCommitments'>>(withQuery('/commitments', { ...s.scope, topLevel: 'true', asOf })).then((d) => summarizeSupervised(d.items.filter((c) => s.inYear(c)))))).then(
      (all) => live && setPoints(all.map((x, i) => ({ month: months[i]!.slice(0, 7), avg: x.total.averageCompletion, behind: x.total.byStatus.lagging + x.total.byStatus.seriouslyLagging }))),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [kept, months, s.scope.region, s.scope.plan, s.scope.children, s.inYear]);
  const shown = kept ? kept.map((p) => ({ month: p.month, avg: p.averageCompletion, behind: p.behind })) : points;
  if (error) return <Typography.Text type="danger">{t('加载失败')}</Typography.Text>;
  if (!shown) return <Skeleton active />;
  return (
    <Chart
      label={t('完成率趋势')}
      height={260}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 44, right: 36, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: shown.map((p) => `${Number(p.month.slice(5))}月`) },
        yAxis: [{ type: 'value', name: '%', max: 100 }, { type: 'value', name: '项', minInterval: 1, splitLine: { show: false } }],
        series: [
          { name: t('平均完成率'), type: 'line', data: shown.map((p) => p.avg), itemStyle: { color: '#b71c1c' }, label: { show: true, formatter: '{c}%' } },
          { name: t('滞后任务'), type: 'bar', yAxisIndex: 1, data: shown.map((p) => p.behind), itemStyle: { color: '#f5a623' }, barWidth: 10 },
        ],
      }}
    />
  );
}

/** The latest value in the year shown and its YoY growth, for each indicator of the region. */
function KeyFigures() {
  const s = useSession();
  const { lang } = useLang();
  const loaded = useApi<Answer<'listIndicators'>>('/indicators', { region: s.scope.region });
  const year = String(s.year);
  const inYear = (d: { items: IndicatorValue[] }) => d.items.filter((v) => v.period.slice(0, 4) === year);
  return (
    <DataState loaded={loaded} isEmpty={(d) => inYear(d).length === 0} empty={lang === 'en' ? `No indicator values for ${year}` : `${year}年暂无指标数据`}>
      {(d) => {
        const latest = new Map<string, IndicatorValue>();
        for (const v of inYear(d)) {
          const cur = latest.get(v.indicator);
          if (!cur || v.period > cur.period) latest.set(v.indicator, v);
        }
        return (
          <Row gutter={[12, 12]}>
            {[...latest.values()].map((v) => (
              <Col span={12} key={v.indicator}>
                <Link to={withQuery('/indicators', { indicator: v.indicator })} style={{ color: 'inherit' }}>
                  <div style={{ color: '#555', fontSize: 13 }}>{v.indicator}<span style={{ marginLeft: 4 }}>（{v.period}{v.cumulative ? (lang === 'en' ? ' YTD' : ' 累计') : ''}）</span></div>
                  <div style={{ fontSize: 20, fontWeight: 600 }}>{v.value === null ? '—' : formatValue(v.value, v.unit)}</div>
                  {v.yoyGrowth !== null && <div style={{ color: v.yoyGrowth >= 0 ? '#a8071a' : '#237804' }}>{formatGrowth(v.yoyGrowth)}</div>}
                </Link>
              </Col>
            ))}
          </Row>
        );
      }}
    </DataState>
  );
}
