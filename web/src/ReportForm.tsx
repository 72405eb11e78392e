/**
 * 填报进展: a department's report for one period. The value is checked as typed (numbers with
 * units, converted to the commitment's unit); the draft is kept in localStorage on every change,
 * so a dropped connection loses nothing, and a retried submission carries the same
 * Idempotency-Key so it cannot create a second report.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { api, errorText } from './api.ts';
import { formatValue, periodLabel } from './format.ts';
import { useLang, useT } from './i18n.tsx';
import type { Answer, EvaluatedCommitment, ProgressReport } from './model.ts';
import { parseReportedValue } from './reportValue.ts';
import { useApi } from './useApi.tsx';

interface Draft { period?: string; value?: string; narrative?: string; milestonesDone?: string[]; idempotencyKey: string }

const draftKey = (commitmentId: string, reportId?: string) => `duban.reportDraft.${commitmentId}${reportId ? `.${reportId}` : ''}`;
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.ofd';
const MAX_BYTES = 10 * 1024 * 1024;

export function ReportForm({ commitment: c, returned, today, onDone, lead = true }: { commitment: EvaluatedCommitment; returned?: Omit<ProgressReport, 'evidence'>; today: string; onDone(report: ProgressReport): void; /** the lead department must give a value; a co-department may */ lead?: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const key = draftKey(c.id, returned?.id);
  const schedule = useApi<Answer<'getSchedule'>>(returned ? null : `/commitments/${c.id}/schedule`);
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
      if (saved?.idempotencyKey) return saved;
    } catch { /* a broken draft is dropped */ }
    return returned
      ? { period: returned.period, value: returned.cumulativeValue ?? '', narrative: returned.narrative, milestonesDone: returned.milestonesDone, idempotencyKey: newKey() }
      : { idempotencyKey: newKey() };
  });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  // keep the draft on this device at every change
  useEffect(() => {
    if (!draft.value && !draft.narrative && !draft.period) return;
    localStorage.setItem(key, JSON.stringify(draft));
    setSavedAt(new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
  }, [draft, key]);

  // `filed` and `owed` are about the lead department's reports (a period that ended before the task
  // was assigned is not owed, so not offered); a co-department may report for any begun period
  const open = useMemo(() => (schedule.data?.slots ?? []).filter((s) => s.start <= today && (!lead || (s.owed && !s.filed))), [schedule.data, today, lead]);
  useEffect(() => {
    if (!draft.period && open.length) setDraft((d) => ({ ...d, period: open[0]!.period }));
  }, [open, draft.period]);

  const measured = c.kind === 'quantitative';
  const parsed = measured && draft.value !== undefined && draft.value !== '' ? parseReportedValue(draft.value, c.unit) : null;
  const valueError = measured ? (parsed && 'error' in parsed ? parsed.error : lead && touched && !draft.value ? '请填写累计完成值' : null) : null;
  const narrativeError = touched && !(draft.narrative ?? '').trim() ? '请填写进展情况' : (draft.narrative ?? '').length > 5000 ? '进展情况不超过5000字' : null;
  const periodError = touched && !draft.period ? '请选择期次' : null;
  const fileError = files.find((f) => (f.size ?? 0) > MAX_BYTES) ? '单个文件不超过10MB' : null;

  async function submit() {
    setTouched(true);
    setError(null);
    const p = measured && draft.value ? parseReportedValue(draft.value, c.unit) : null;
    if (!draft.period || !(draft.narrative ?? '').trim() || (measured && (p ? 'error' in p : lead)) || fileError) return;
    const cumulativeValue = p && 'value' in p ? p.value : null;
    setBusy(true);
    try {
      const withFiles = files.length > 0;
      let report: ProgressReport;
      if (returned) {
        report = await api<Answer<'editReport'>>(`/reports/${returned.id}`, { method: 'PATCH', body: { cumulativeValue, narrative: draft.narrative, milestonesDone: draft.milestonesDone ?? [], submit: !withFiles, version: returned.version } });
      } else {
        report = await api<Answer<'submitReport'>>(`/commitments/${c.id}/reports`, {
          method: 'POST',
          headers: { 'idempotency-key': draft.idempotencyKey },
          body: { period: draft.period, cumulativeValue, narrative: draft.narrative, milestonesDone: draft.milestonesDone ?? [], draft: withFiles },
        });
      }
      if (withFiles) {
        const fd = new FormData();
        for (const f of files) if (f.originFileObj) fd.append('files', f.originFileObj, f.name);
        await api(`/reports/${report.id}/evidence`, { method: 'POST', body: fd });
        const fresh = await api<Answer<'getReport'>>(`/reports/${report.id}`);
        report = await api<Answer<'editReport'>>(`/reports/${report.id}`, { method: 'PATCH', body: { submit: true, version: fresh.version } });
      }
      localStorage.removeItem(key);
      onDone(report);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form layout="vertical" name="report" onFinish={submit} aria-label={t('填报进展')}>
      {returned?.reviewComment && <Alert type="warning" showIcon title={`${t('退回意见')}：${returned.reviewComment}`} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} data-testid="report-error" />}
      <Form.Item label={t('期次')} htmlFor="report-period" validateStatus={periodError ? 'error' : undefined} help={periodError ?? (open.length === 0 && !returned && schedule.data ? '当前没有待报送的期次' : undefined)} required>
        {returned ? (
          <Input id="report-period" value={periodLabel(returned.period)} disabled />
        ) : (
          <Select
            id="report-period"
            value={draft.period}
            loading={schedule.loading}
            onChange={(v) => setDraft((d) => ({ ...d, period: v }))}
            options={open.map((s) => ({ value: s.period, label: `${periodLabel(s.period)}（${s.owed && s.dueDate < today ? '已逾期，' : ''}截止 ${s.dueDate}）` }))}
          />
        )}
      </Form.Item>
      {measured && (
        <Form.Item
          label={`${t('累计完成值')}${c.unit ? `（${c.unit}）` : ''}`}
          htmlFor="report-value"
          required={lead}
          validateStatus={valueError ? 'error' : undefined}
          help={valueError ?? (parsed && 'value' in parsed && parsed.converted ? `= ${formatValue(parsed.value, c.unit)}` : `目标：${formatValue(c.targetValue, c.unit)}；自年初（任务开始）累计`)}
        >
          <Input
            id="report-value"
            inputMode="decimal"
            value={draft.value ?? ''}
            suffix={c.unit ?? undefined}
            onChange={(e) => setDraft((d) => ({ ...d, value: e.target.value }))}
            placeholder={`如 ${c.targetValue ?? '100'}`}
          />
        </Form.Item>
      )}
      {c.milestones.length > 0 && (
        <Form.Item label={t('节点')} htmlFor="report-milestones">
          <Select
            id="report-milestones"
            mode="multiple"
            value={draft.milestonesDone ?? []}
            onChange={(v) => setDraft((d) => ({ ...d, milestonesDone: v }))}
            options={c.milestones.map((m) => ({ value: m.id, label: `${m.title}（${m.dueDate}）`, disabled: m.doneDate !== null }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('进展情况')} htmlFor="report-narrative" required validateStatus={narrativeError ? 'error' : undefined} help={narrativeError}>
        <Input.TextArea id="report-narrative" rows={4} maxLength={5000} showCount value={draft.narrative ?? ''} onChange={(e) => setDraft((d) => ({ ...d, narrative: e.target.value }))} />
      </Form.Item>
      <Form.Item label={t('证明材料')} validateStatus={fileError ? 'error' : undefined} help={fileError ?? 'PDF、图片、Word、Excel、OFD，单个不超过10MB，最多5个'}>
        <Upload accept={ACCEPT} multiple maxCount={5} beforeUpload={() => false} fileList={files} onChange={({ fileList }) => setFiles(fileList)}>
          <Button>{t('上传材料')}</Button>
        </Upload>
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>{t('提交')}</Button>
        {savedAt && <Typography.Text type="secondary" data-testid="draft-saved">{t('草稿已保存在本机')} {savedAt}</Typography.Text>}
      </Space>
    </Form>
  );
}
