/**
 * 民生实事 public page: no login, published commitments with their progress and latest accepted
 * report. Plain React and CSS (no Ant Design, no charts) so it loads fast on a phone.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { formatValue, pct, periodLabel } from '../format.ts';
import { STATUS_LABELS } from '../labels.ts';
import type { Answer, Region, Schemas, Status } from '../model.ts';
import './public.css';
import { apiAll } from '../api.ts';
import type { PromiseRow } from '../model.ts';

type PublicItem = Schemas['PublicCommitment'];

const COLORS: Record<Status, string> = { seriouslyLagging: '#a8071a', lagging: '#ad4e00', notStarted: '#595959', onTrack: '#0958d9', completed: '#237804', exceeded: '#135200' };

function targetText(c: PublicItem): string {
  if (c.targetValue === null) return c.milestones.length ? `${c.milestones.length}个节点` : '';
  const v = formatValue(c.targetValue, c.unit);
  return c.comparator === 'lte' ? `不超过${v}` : c.comparator === 'gte' ? `${v}以上` : c.comparator === 'approx' ? `${v}左右` : v;
}

type PublicPromise = PromiseRow;
const PROMISE: Record<PublicPromise['status'], [string, string]> = { kept: ['已兑现', '#237804'], partial: ['部分兑现', '#ad4e00'], missed: ['未兑现', '#a8071a'], unmentioned: ['次年报告未提及', '#595959'] };

/** What the next year's report says of it, as the office confirmed. */
function PromiseLine({ p }: { p: PublicPromise }) {
  const [label, color] = PROMISE[p.status];
  return (
    <p className="report" data-testid="public-promise">
      <b>兑现核验：</b><span style={{ color, fontWeight: 600 }}>{label}</span>
      {p.source ? <span className="muted">（次年政府工作报告：“{p.source.sentence}”）</span> : null}
    </p>
  );
}

function Status({ c }: { c: PublicItem }) {
  const st = c.evaluation.status;
  return <span className="status" style={{ color: COLORS[st], borderColor: COLORS[st] }}>{STATUS_LABELS[st]}</span>;
}

function Progress({ c }: { c: PublicItem }) {
  const rate = c.evaluation.completionRate;
  if (rate === null) return null;
  const color = COLORS[c.evaluation.status];
  return (
    <div className="progress">
      <div className="bar" role="progressbar" aria-valuenow={rate} aria-valuemin={0} aria-valuemax={100} aria-label="完成率">
        <div style={{ width: `${Math.min(100, rate)}%`, background: color }} />
      </div>
      <span>完成{pct(rate)}</span>
    </div>
  );
}

function LatestReport({ c }: { c: PublicItem }) {
  if (!c.latestReport) return <p className="report muted">暂无已审核的进展</p>;
  return <p className="report"><b>{periodLabel(c.latestReport.period)}进展：</b>{c.latestReport.cumulativeValue !== null ? `累计完成${formatValue(c.latestReport.cumulativeValue, c.unit)}。` : ''}{c.latestReport.narrative}</p>;
}

function Page() {
  const params = new URLSearchParams(location.search);
  const [regions, setRegions] = useState<Region[]>([]);
  const [region, setRegion] = useState<string | null>(params.get('region'));
  const [all, setAll] = useState(params.get('all') === '1');
  const [items, setItems] = useState<PublicItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asOf, setAsOf] = useState('');
  const [year, setYear] = useState<string | null>(params.get('year'));
  const [promises, setPromises] = useState<Map<string, PublicPromise>>(new Map());

  useEffect(() => {
    apiAll<Answer<'listRegions'>>('/regions').then((d) => {
      setRegions(d.items);
      if (!region) setRegion(d.items.find((r) => r.level === 'county')?.code ?? d.items[0]?.code ?? null);
    }, () => setError('无法连接服务器，请稍后再试'));
  }, []);

  useEffect(() => {
    if (!region) return;
    setItems(null);
    setError(null);
    const q = new URLSearchParams({ region });
    if (!all) q.set('livelihood', 'true');
    history.replaceState(null, '', `/public?${new URLSearchParams({ region, ...(all ? { all: '1' } : {}) })}`);
    apiAll<Answer<'listPublicCommitments'>>(`/public/commitments?${q}`)
      .then((d) => { setItems(d.items); setAsOf(d.asOf); }, (e: Error) => setError(e.message || '加载失败'));
  }, [region, all]);

  const name = regions.find((r) => r.code === region)?.name ?? '';
  // one plan year at a time, the latest by default
  const years = [...new Set((items ?? []).map((c) => c.deadline.slice(0, 4)))].sort().reverse();
  const shownYear = year && years.includes(year) ? year : years[0];
  const shown = items?.filter((c) => c.deadline.slice(0, 4) === shownYear) ?? null;
  // 兑现核验 of the year shown, where the office has confirmed it
  useEffect(() => {
    setPromises(new Map());
    if (!region || !shownYear) return;
    // every page; a year without a plan or check shows no verdicts
    apiAll<Answer<'listPublicPromiseChecks'>>(`/public/promise-checks?${new URLSearchParams({ region, year: shownYear })}`)
      .then((d) => setPromises(new Map(d.items.map((x) => [x.commitmentId, x]))), () => undefined);
  }, [region, shownYear]);
  // a parent's subtasks are shown under its card and counted with it: each promise is one item
  const shownIds = new Set(shown?.map((c) => c.id));
  const cards = shown?.filter((c) => !c.parentId || !shownIds.has(c.parentId)) ?? null;
  const subtasksOf = (id: string) => shown?.filter((c) => c.parentId === id) ?? [];
  const done = cards?.filter((c) => c.evaluation.status === 'completed' || c.evaluation.status === 'exceeded').length ?? 0;
  return (
    <>
      <header>
        <h1>{name}{all ? '目标任务' : '民生实事'}办理进展</h1>
        <p className="sub">向社会公开 · 数据截至 {asOf || '—'}</p>
        <div className="controls">
          <label>
            <span>地区</span>
            <select value={region ?? ''} onChange={(e) => setRegion(e.target.value)} aria-label="地区">
              {regions.filter((r) => r.level === 'county' || r.level === 'township').map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          </label>
          {years.length > 1 && (
            <label>
              <span>年度</span>
              <select value={shownYear} onChange={(e) => setYear(e.target.value)} aria-label="年度">
                {years.map((y) => <option key={y} value={y}>{y}年</option>)}
              </select>
            </label>
          )}
          <label className="check"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> 显示全部公开任务</label>
        </div>
      </header>
      <main>
        {error && <p className="error" role="alert">{error}</p>}
        {!error && items === null && <p className="muted" aria-busy="true">正在加载……</p>}
        {cards && cards.length === 0 && <p className="muted">暂无公开的{all ? '目标任务' : '民生实事'}。</p>}
        {cards && cards.length > 0 && <p className="summary" data-testid="public-summary">共 <b>{cards.length}</b> 项，已完成 <b>{done}</b> 项</p>}
        <ul className="cards">
          {cards?.map((c) => {
            const subtasks = subtasksOf(c.id);
            return (
              <li key={c.id} className="card" data-testid="public-item">
                <div className="head">
                  <h2>{c.title}</h2>
                  <Status c={c} />
                </div>
                <p className="meta">{c.sector}{c.leadDepartment ? ` · 牵头单位：${c.leadDepartment}` : ''}{targetText(c) ? ` · 目标：${targetText(c)}` : ''} · 完成时限：{c.deadline}</p>
                <Progress c={c} />
                {promises.has(c.id) && <PromiseLine p={promises.get(c.id)!} />}
                {subtasks.length === 0 && <LatestReport c={c} />}
                {subtasks.length > 0 && (
                  <ul className="subtasks" aria-label="子任务">
                    {subtasks.map((st) => (
                      <li key={st.id} data-testid="public-subtask">
                        <div className="head">
                          <h3>{st.title}</h3>
                          <Status c={st} />
                        </div>
                        <p className="meta">{st.leadDepartment ? `牵头单位：${st.leadDepartment}` : ''}{targetText(st) ? ` · 目标：${targetText(st)}` : ''}</p>
                        <Progress c={st} />
                        <LatestReport c={st} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </main>
      <footer><a href="/">工作人员登录</a></footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Page /></StrictMode>);
