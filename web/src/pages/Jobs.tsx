/** 定时任务: the server's daily jobs for the region — when they run, how the last run went, when the next is. */
import { Button, Card, Table, Tag, Typography } from 'antd';
import { cnDate } from '../format.ts';
import { useT } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { DataState, useApi } from '../useApi.tsx';

import type { Answer, Job } from '../model.ts';

type JobRun = NonNullable<Job['lastRun']>;

const STATUS: Record<JobRun['status'], { label: string; color: string }> = {
  succeeded: { label: '成功', color: 'green' },
  failed: { label: '失败', color: 'red' },
  running: { label: '执行中', color: 'blue' },
};
const RESULT_LABELS: Record<string, string> = { regions: '已重算行政区', rows: '备份行数', kept: '保留备份',  opened: '新开督办单', closed: '办结督办单', reminders: '催办', sent: '已送达', failed: '送达失败' };

/** An instant on Beijing time (the jobs' clock, whatever the browser's): 2026-03-05 08:30 */
const beijing = (iso: string | null) => (iso ? new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }) : '—');

/** "30 8 * * *" → 每个工作日 08:30 (北京时间); any other pattern is shown as written. */
function when(cron: string, workingDaysOnly: boolean): string {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim());
  const days = workingDaysOnly ? '每个工作日' : '每天';
  return m ? `${days} ${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}（北京时间）` : `${cron}（北京时间，${workingDaysOnly ? '仅工作日' : '每天'}）`;
}

export default function Jobs() {
  const t = useT();
  const s = useSession();
  const loaded = useApi<Answer<'listJobs'>>('/jobs', { region: s.scope.region });
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('定时任务')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        服务器按时自动更新督办单、发送催办（每个行政区每个工作日一次），每天零点后重算总览、定时备份数据；多台服务器也只执行一次，失败后自动重试，停机后补执行最近一次。
      </Typography.Paragraph>
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty="没有定时任务">
        {(d) => (
          <Card size="small" extra={<Button size="small" onClick={loaded.reload}>{t('刷新')}</Button>}>
            <Table rowKey="name" size="small" dataSource={d.items} pagination={false}
              columns={[
                { title: '任务', dataIndex: 'zh', render: (zh: string, j: Job) => <span>{zh}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{j.name}</Typography.Text></span> },
                { title: '执行时间', key: 'when', render: (_: unknown, j: Job) => when(j.schedule.cron, j.schedule.workingDaysOnly) },
                {
                  title: '上次执行', key: 'last',
                  render: (_: unknown, j: Job) => {
                    const r = j.lastRun;
                    if (!r) return '尚未执行';
                    return (
                      <span>
                        {cnDate(r.day)} <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>
                        {r.attempts > 1 && <Tag>第{r.attempts}次尝试</Tag>}
                        <br />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{beijing(r.finishedAt ?? r.startedAt)}</Typography.Text>
                      </span>
                    );
                  },
                },
                {
                  title: '结果', key: 'result',
                  render: (_: unknown, j: Job) => {
                    const r = j.lastRun;
                    if (!r) return '—';
                    if (r.error) return <Typography.Text type="danger">{r.error}{r.status === 'failed' && !r.retryAt ? '（已停止重试）' : ''}</Typography.Text>;
                    // the job's own counts, e.g. { opened, closed }
                    const result = (r.result ?? {}) as Record<string, number>;
                    return Object.keys(RESULT_LABELS).filter((k) => k in result).map((k) => `${RESULT_LABELS[k]} ${result[k]}`).join('，') || '—';
                  },
                },
                { title: '下次执行', dataIndex: 'nextRun', render: (v: string | null) => beijing(v) },
              ]}
            />
          </Card>
        )}
      </DataState>
    </div>
  );
}
