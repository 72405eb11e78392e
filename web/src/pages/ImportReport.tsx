/**
 * 导入报告: paste or upload a 政府工作报告; the server extracts its claims and creates draft
 * commitments; the text is shown with every claim highlighted (targets red, results blue), and
 * the office accepts (with edits and departments), or discards, each draft or a selection at once,
 * then assigns. The lead department the text names is proposed; a target restated in the document is
 * one draft; drafts repeating the plan's commitments from an earlier file are listed as a warning.
 * Reopening a file already imported shows its drafts with what was decided (accepted, assigned).
 * Before reading, the office may say what the document is (a list in a news page) and chooses the
 * plan year: the year the file's title names is proposed, and another year needs a confirmation.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Input, InputNumber, Row, Select, Space, Tag, Typography, Upload } from 'antd';
import { DOCUMENT_KIND_LABELS as KIND_LABELS, documentContext, planYearFromTitle, type DocumentKind } from '../../../src/domain/extract/context.ts';
import { api, errorText } from '../api.ts';
import { docxText, sha256Hex, txtText } from '../docText.ts';
import { formatValue } from '../format.ts';
import { useLang, useT } from '../i18n.tsx';
import { COMPARATOR_LABELS } from '../labels.ts';
import type { Answer, Claim, Commitment, ImportWorkReportResult } from '../model.ts';
import { useSession } from '../session.tsx';
import { DepartmentSelect } from '../DepartmentSelect.tsx';

/** The kinds a user may choose, as the import page names them. */
const KIND_CHOICES: Record<DocumentKind, string> = { workReport: '政府工作报告 / 预期目标', livelihoodList: '民生实事 / 实事项目清单', workSummary: '工作总结 / 纪实', news: '新闻报道', statistics: '统计公报' };
/** A draft as the server lists it: confirmed (采用) drafts carry the time they were confirmed. */
const decisionOf = (d: Commitment): Decision => (d.state !== 'draft' ? 'assigned' : d.confirmedAt ? 'accepted' : 'open');
type Decision = 'open' | 'accepted' | 'discarded' | 'assigned';
interface Row { draft: Commitment; edit: Partial<Commitment>; decision: Decision; error?: string }

export default function ImportReport() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [year, setYear] = useState<number>(s.plan?.year ?? new Date().getFullYear());
  /** the user set the year by hand for this text (the title's year is no longer proposed) */
  const [yearTouched, setYearTouched] = useState(false);
  /** the user confirmed importing into a year other than the one the title names */
  const [otherYearConfirmed, setOtherYearConfirmed] = useState(false);
  /** what the document is: read from its title and structure unless the user says */
  const [kind, setKind] = useState<DocumentKind | 'auto'>('auto');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportWorkReportResult | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [batchBusy, setBatchBusy] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);

  // what the text's title says, read as the server reads it: the kind, and the plan year it names
  const read = useMemo(() => {
    if (!text.trim()) return null;
    const c = documentContext(text.slice(0, 6000), { kind: kind === 'auto' ? null : kind }, () => null);
    return { kind: c.kind, title: c.title, titleYear: c.titleYear, planYear: planYearFromTitle(c) };
  }, [text, kind]);
  const titlePlanYear = read?.planYear ?? null;
  // the year the title names is proposed until the user sets one by hand
  useEffect(() => {
    if (titlePlanYear !== null && !yearTouched) setYear(titlePlanYear);
  }, [titlePlanYear, yearTouched]);
  useEffect(() => setOtherYearConfirmed(false), [year, titlePlanYear]);
  const otherYear = titlePlanYear !== null && titlePlanYear !== year;

  async function onFile(f: File) {
    setError(null);
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const body = /\.docx$/i.test(f.name) ? docxText(bytes) : txtText(bytes);
      setFile({ name: f.name, bytes });
      setYearTouched(false);
      setText(body);
    } catch (e) {
      setError(`无法读取文件：${(e as Error).message}`);
    }
    return false;
  }

  async function extract() {
    setError(null);
    if (!text.trim()) return setError('请粘贴报告全文或上传 .txt / .docx 文件');
    if (text.trim().length < 20) return setError('文本过短，请粘贴报告全文');
    if (otherYear && !otherYearConfirmed) return setError(`文件标题写的是 ${titlePlanYear} 年，请确认导入到 ${year} 年度计划，或改回 ${titlePlanYear} 年`);
    setBusy(true);
    try {
      const bytes = file && text === (/\.docx$/i.test(file.name) ? docxText(file.bytes) : txtText(file.bytes)) ? file.bytes : new TextEncoder().encode(text);
      const r = await api<Answer<'importWorkReport'>>('/work-reports', {
        method: 'POST',
        body: { region: s.scope.region, year, filename: file?.name ?? `粘贴文本-${new Date().toISOString().slice(0, 10)}.txt`, text, sha256: await sha256Hex(bytes), ...(kind === 'auto' ? {} : { kind }) },
      });
      setResult(r);
      setRows(r.drafts.map((d) => ({ draft: d, edit: {}, decision: decisionOf(d) })));
      setSelected(new Set());
      if (!r.created) message.info('该文件此前已导入，显示原有草稿');
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function accept(i: number) {
    const r = rows[i]!;
    const e = { ...r.edit };
    if (e.title !== undefined && !e.title.trim()) return update(i, { error: '标题不能为空' });
    if (e.targetValue !== undefined && e.targetValue !== null && !/^-?\d+(\.\d+)?$/.test(e.targetValue)) return update(i, { error: '目标值须为数字' });
    try {
      const saved = await api<Answer<'confirmDraft'>>(`/commitments/${r.draft.id}/confirm`, { method: 'POST', body: { ...e, version: r.draft.version } });
      update(i, { draft: saved, edit: {}, decision: 'accepted', error: undefined });
    } catch (err) {
      update(i, { error: errorText(err, lang) });
    }
  }

  async function discard(i: number) {
    const r = rows[i]!;
    try {
      await api(`/commitments/${r.draft.id}/discard`, { method: 'POST', body: { version: r.draft.version } });
      update(i, { decision: 'discarded', error: undefined });
    } catch (err) {
      update(i, { error: errorText(err, lang) });
    }
  }

  /** 批量采用 / 批量舍弃: each selected open draft in turn; a refusal stays on its card. */
  async function batch(action: (i: number) => Promise<void>) {
    setBatchBusy(true);
    try {
      for (let i = 0; i < rows.length; i++) if (rows[i]!.decision === 'open' && selected.has(rows[i]!.draft.id)) await action(i);
      setSelected(new Set());
    } finally {
      setBatchBusy(false);
    }
  }

  async function assignAccepted() {
    const ready = rows.filter((r) => r.decision === 'accepted');
    const missing = ready.filter((r) => !r.draft.leadDepartmentId);
    if (!ready.length) return setError('请先采用至少一项草稿');
    if (missing.length) return setError(`以下任务尚未指定牵头单位：${missing.map((r) => r.draft.title).join('、')}`);
    setError(null);
    try {
      await api('/commitments/assign', { method: 'POST', body: { items: ready.map((r) => ({ id: r.draft.id, version: r.draft.version })) } });
      setRows((rs) => rs.map((r) => (r.decision === 'accepted' ? { ...r, decision: 'assigned' } : r)));
      message.success(`已交办 ${ready.length} 项`);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }

  const counts = useMemo(() => ({
    open: rows.filter((r) => r.decision === 'open').length,
    accepted: rows.filter((r) => r.decision === 'accepted').length,
    assigned: rows.filter((r) => r.decision === 'assigned').length,
    discarded: rows.filter((r) => r.decision === 'discarded').length,
  }), [rows]);


  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('导入报告')}</Typography.Title>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {!result ? (
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Upload accept=".txt,.docx" maxCount={1} showUploadList={false} beforeUpload={(f) => onFile(f)}>
              <Button>{t('上传文件')}（.txt / .docx）</Button>
            </Upload>
            {file && <Tag>{file.name}</Tag>}
          </Space>
          <Space wrap style={{ marginBottom: 12, display: 'flex' }} data-testid="import-options">
            <label htmlFor="import-kind">文件类型</label>
            <Select id="import-kind" aria-label="文件类型" style={{ width: 230 }} value={kind} onChange={setKind}
              options={[{ value: 'auto', label: `自动识别${read && kind === 'auto' ? `（${KIND_LABELS[read.kind]}）` : ''}` }, ...Object.entries(KIND_CHOICES).map(([value, label]) => ({ value, label }))]} />
            <label htmlFor="import-year">计划年度</label>
            <InputNumber id="import-year" min={1949} max={2200} value={year} onChange={(v) => { if (v) { setYear(v); setYearTouched(true); } }} />
            {titlePlanYear !== null && !otherYear && <span style={{ color: '#555' }} data-testid="import-year-from-title">按文件标题取 {titlePlanYear} 年</span>}
          </Space>
          {otherYear && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="import-year-mismatch"
              title={`文件标题《${read?.title ?? ''}》对应 ${titlePlanYear} 年度计划，当前选择的是 ${year} 年`}
              description={<Space wrap>
                <Checkbox checked={otherYearConfirmed} onChange={(e) => setOtherYearConfirmed(e.target.checked)}>确认导入到 {year} 年度计划</Checkbox>
                <Button size="small" onClick={() => { setYear(titlePlanYear!); setYearTouched(false); }}>改为 {titlePlanYear} 年</Button>
              </Space>} />
          )}
          <label htmlFor="import-text" style={{ display: 'block', marginBottom: 4 }}>{t('粘贴报告全文')}</label>
          <Input.TextArea id="import-text" rows={14} value={text} onChange={(e) => { setText(e.target.value); }} placeholder="将政府工作报告全文粘贴到这里……" />
          <Button type="primary" style={{ marginTop: 12 }} loading={busy} disabled={otherYear && !otherYearConfirmed} onClick={extract}>{t('识别')}</Button>
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={11}>
            <Card size="small" title={<span>报告原文 <Tag color="#a8071a">目标</Tag><Tag color="#0958d9">成绩</Tag></span>} extra={<span>{result.claims.filter((c) => c.kind === 'target').length} 项目标，{result.claims.filter((c) => c.kind === 'result').length} 项成绩</span>}>
              <div ref={textRef} data-testid="import-text" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, maxHeight: '70vh', overflow: 'auto', fontSize: 14 }}>
                <Highlighted text={result.workReport.text} claims={result.claims} />
              </div>
            </Card>
          </Col>
          <Col xs={24} lg={13}>
            <Card
              size="small"
              title={`导入草稿（${rows.length}）`}
              extra={<Space><span>待定 {counts.open} · 已采用 {counts.accepted} · 已交办 {counts.assigned} · 已舍弃 {counts.discarded}</span><Button type="primary" onClick={assignAccepted} disabled={!counts.accepted}>交办已采用的任务</Button></Space>}
            >
              {result.context && (
                <div style={{ marginBottom: 8, color: '#555' }} data-testid="import-context">
                  识别为：<Tag>{KIND_LABELS[result.context.kind] ?? result.context.kind}</Tag>导入到 {result.plan.year} 年度计划
                  {planYearFromTitle(result.context) !== null && planYearFromTitle(result.context) !== result.plan.year && (
                    <Alert type="warning" showIcon style={{ marginTop: 6 }} data-testid="import-year-other" title={`文件标题对应 ${planYearFromTitle(result.context)} 年，已按确认导入到 ${result.plan.year} 年度计划`} />
                  )}
                </div>
              )}
              {!!result.repeats?.length && (
                <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="import-repeats"
                  title={`${result.repeats.length} 项草稿与本年度计划已有任务重复，请核对后舍弃重复项`}
                  description={<ul style={{ margin: 0, paddingLeft: 18 }}>{result.repeats.map((x) => <li key={x.draftId}>{x.title}（已有：{x.existingTitle}）</li>)}</ul>} />
              )}
              {rows.length === 0 && <Empty description="未识别到目标任务" />}
              {counts.open > 0 && (
                <Space wrap style={{ marginBottom: 8 }} data-testid="import-batch">
                  <Checkbox
                    checked={selected.size > 0 && selected.size === counts.open}
                    indeterminate={selected.size > 0 && selected.size < counts.open}
                    onChange={(e) => setSelected(e.target.checked ? new Set(rows.filter((r) => r.decision === 'open').map((r) => r.draft.id)) : new Set())}
                  >全选待定（{counts.open}）</Checkbox>
                  <Button size="small" type="primary" disabled={!selected.size} loading={batchBusy} onClick={() => batch(accept)}>批量采用{selected.size ? `（${selected.size}）` : ''}</Button>
                  <Button size="small" danger disabled={!selected.size} loading={batchBusy} onClick={() => batch(discard)}>批量舍弃{selected.size ? `（${selected.size}）` : ''}</Button>
                </Space>
              )}
              <Space direction="vertical" style={{ width: '100%' }}>
                {rows.map((r, i) => (
                  <DraftCard key={r.draft.id} row={r}
                    selected={selected.has(r.draft.id)}
                    onSelect={(on) => setSelected((s0) => { const s1 = new Set(s0); if (on) s1.add(r.draft.id); else s1.delete(r.draft.id); return s1; })}
                    onEdit={(patch) => update(i, { edit: { ...r.edit, ...patch } })}
                    onLead={async (lead) => {
                      // a lead department can be set on an accepted draft too: a plain edit
                      if (r.decision === 'accepted') {
                        try {
                          const saved = await api<Answer<'updateCommitment'>>(`/commitments/${r.draft.id}`, { method: 'PATCH', body: { leadDepartmentId: lead, version: r.draft.version } });
                          update(i, { draft: saved, error: undefined });
                        } catch (e) {
                          update(i, { error: errorText(e, lang) });
                        }
                      } else update(i, { edit: { ...r.edit, leadDepartmentId: lead } });
                    }}
                    onAccept={() => accept(i)} onDiscard={() => discard(i)}
                    onFocus={() => textRef.current?.querySelector(`[data-claim-start="${r.draft.source?.start}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })}
                  />
                ))}
              </Space>
              <div style={{ marginTop: 12 }}>
                {/* the list of the plan the file went into (a new year's plan included) */}
                <Link to="/commitments" onClick={() => s.showPlan(result.plan)}>{t('目标任务')}（{result.plan.year}年）›</Link>
              </div>
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}

/** The text with each claim's number and unit marked: targets red, results blue. */
function Highlighted({ text, claims }: { text: string; claims: Claim[] }) {
  const sorted = [...claims].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const c of sorted) {
    if (c.start < at || c.end > text.length) continue;
    parts.push(text.slice(at, c.start));
    const target = c.kind === 'target';
    parts.push(
      <mark
        key={c.start}
        data-claim={c.kind}
        data-claim-start={c.start}
        title={`${target ? '目标' : '成绩'}：${c.subject} ${c.valueText}${c.unit}`}
        style={{ background: target ? '#ffe1e1' : '#dcebff', color: target ? '#820014' : '#003a8c', borderBottom: `2px solid ${target ? '#a8071a' : '#0958d9'}`, padding: '0 2px', borderRadius: 2 }}
      >
        {text.slice(c.start, c.end)}
      </mark>,
    );
    at = c.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function DraftCard({ row, selected, onSelect, onEdit, onLead, onAccept, onDiscard, onFocus }: {
  row: Row; selected: boolean; onSelect(on: boolean): void; onEdit(p: Partial<Commitment>): void; onLead(id: string): void; onAccept(): void; onDiscard(): void; onFocus(): void;
}) {
  const d = { ...row.draft, ...row.edit };
  const done = row.decision !== 'open';
  const tone = row.decision === 'discarded' ? '#f5f5f5' : row.decision === 'open' ? '#fff' : '#f6ffed';
  return (
    <div data-testid="draft" data-decision={row.decision} style={{ border: '1px solid #e5e5e5', borderRadius: 6, padding: 10, background: tone, opacity: row.decision === 'discarded' ? 0.6 : 1 }} onMouseEnter={onFocus} onFocusCapture={onFocus}>
      <Space direction="vertical" style={{ width: '100%' }} size={6}>
        <Space.Compact style={{ width: '100%' }}>
          {row.decision === 'open' && <Checkbox aria-label="选择" checked={selected} onChange={(e) => onSelect(e.target.checked)} style={{ alignSelf: 'center', marginRight: 8 }} />}
          <Input aria-label="任务标题" value={d.title} disabled={done} onChange={(e) => onEdit({ title: e.target.value })} status={!d.title.trim() ? 'error' : undefined} />
        </Space.Compact>
        {!!row.draft.source?.alsoAt?.length && <span style={{ color: '#888', fontSize: 12 }}>原文另有 {row.draft.source.alsoAt.length} 处重述，已合并为一项</span>}
        <Space wrap size={6}>
          <Input aria-label="目标值" style={{ width: 110 }} value={d.targetValue ?? ''} disabled={done} onChange={(e) => onEdit({ targetValue: e.target.value || null })} status={d.targetValue && !/^-?\d+(\.\d+)?$/.test(d.targetValue) ? 'error' : undefined} />
          <Input aria-label="单位" style={{ width: 80 }} value={d.unit ?? ''} disabled={done} onChange={(e) => onEdit({ unit: e.target.value || null })} />
          <Select aria-label="比较方式" style={{ width: 140 }} value={d.comparator ?? undefined} disabled={done} onChange={(v) => onEdit({ comparator: v })} options={Object.entries(COMPARATOR_LABELS).filter(([k]) => k !== 'range' || d.comparator === 'range').map(([value, label]) => ({ value, label }))} />
          {d.comparator === 'range' && <Input aria-label="上限" prefix="至" style={{ width: 120 }} value={d.targetValueMax ?? ''} disabled={done} onChange={(e) => onEdit({ targetValueMax: e.target.value || null })} />}
          <Input aria-label="领域" style={{ width: 110 }} value={d.sector} disabled={done} onChange={(e) => onEdit({ sector: e.target.value })} />
          <Checkbox checked={d.livelihood} disabled={done} onChange={(e) => onEdit({ livelihood: e.target.checked })}>民生实事</Checkbox>
        </Space>
        <Space wrap size={6}>
          <DepartmentSelect aria-label="牵头单位" placeholder="牵头单位" style={{ width: 170 }} value={d.leadDepartmentId ?? undefined} disabled={row.decision === 'assigned' || row.decision === 'discarded'} onChange={(v) => onLead(v as string)} />
          <DepartmentSelect aria-label="配合单位" placeholder="配合单位" mode="multiple" style={{ minWidth: 170 }} value={d.coDepartmentIds} disabled={done} onChange={(v) => onEdit({ coDepartmentIds: v as string[] })} />
          <span style={{ color: '#555' }}>= {formatValue(d.targetValue, d.unit)}</span>
        </Space>
        {row.error && <Alert type="error" showIcon role="alert" title={row.error} />}
        <Space>
          {row.decision === 'open' && (
            <>
              <Button type="primary" size="small" onClick={onAccept}>采用</Button>
              <Button size="small" danger onClick={onDiscard}>舍弃</Button>
            </>
          )}
          {row.decision === 'accepted' && <Tag color="green">已采用，待交办</Tag>}
          {row.decision === 'assigned' && <Tag color="blue">已交办</Tag>}
          {row.decision === 'discarded' && <Tag>已舍弃</Tag>}
        </Space>
      </Space>
    </div>
  );
}
