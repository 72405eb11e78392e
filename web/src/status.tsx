/** Status tags: colour plus the Chinese label, never colour alone (contrast ≥ 4.5:1 on the tint). */
import type { CSSProperties } from 'react';
import { STATUS_LABELS } from './labels.ts';
import type { Evaluation, Status } from './model.ts';
import { useT } from './i18n.tsx';

export const STATUS_STYLE: Record<Status, { color: string; background: string; border: string; chart: string }> = {
  seriouslyLagging: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e', chart: '#e5484d' },
  lagging: { color: '#ad4e00', background: '#fff7e6', border: '#ffd591', chart: '#f5a623' },
  notStarted: { color: '#595959', background: '#f5f5f5', border: '#d9d9d9', chart: '#a6a6a6' },
  onTrack: { color: '#0958d9', background: '#e6f4ff', border: '#91caff', chart: '#3b82f6' },
  completed: { color: '#237804', background: '#f6ffed', border: '#b7eb8f', chart: '#52c41a' },
  exceeded: { color: '#135200', background: '#d9f7be', border: '#95de64', chart: '#2f9e44' },
};
/** Display order: the worst first, as offices read them. */
export const STATUS_ORDER: Status[] = ['seriouslyLagging', 'lagging', 'notStarted', 'onTrack', 'completed', 'exceeded'];

export function StatusTag({ status, style }: { status: Status; style?: CSSProperties }) {
  const t = useT();
  const s = STATUS_STYLE[status];
  const mark = status === 'seriouslyLagging' ? '‼ ' : status === 'lagging' ? '! ' : status === 'completed' || status === 'exceeded' ? '✓ ' : '';
  return (
    <span
      data-status={status}
      style={{ display: 'inline-block', padding: '0 7px', lineHeight: '20px', fontSize: 12, borderRadius: 4, whiteSpace: 'nowrap', color: s.color, background: s.background, border: `1px solid ${s.border}`, ...style }}
    >
      {mark}
      {t(STATUS_LABELS[status])}
    </span>
  );
}

const overdueStyle: CSSProperties = { display: 'inline-block', padding: '0 7px', lineHeight: '20px', fontSize: 12, borderRadius: 4, color: '#fff', background: '#a8071a', marginLeft: 4, whiteSpace: 'nowrap' };

/**
 * 逾期, said as what it is: 逾期未报送 (a report missing past its due date: the status beside it
 * is measured without that report) and/or 逾期未完成 (the deadline passed, not done). Nothing when
 * neither. Without an evaluation (older callers) the plain 逾期.
 */
export function OverdueTag({ evaluation }: { evaluation?: Pick<Evaluation, 'overdue' | 'reportOverdue' | 'deadlineOverdue' | 'missingPeriods'> }) {
  const t = useT();
  if (!evaluation) return <span style={overdueStyle}>{t('逾期')}</span>;
  if (!evaluation.overdue) return null;
  return (
    <>
      {evaluation.reportOverdue && (
        <span style={overdueStyle} data-overdue="report" title={evaluation.missingPeriods.length ? `${t('未报送期次')}：${evaluation.missingPeriods.join('、')}` : undefined}>{t('逾期未报送')}</span>
      )}
      {evaluation.deadlineOverdue && <span style={{ ...overdueStyle, background: '#5c0011' }} data-overdue="deadline">{t('逾期未完成')}</span>}
    </>
  );
}
