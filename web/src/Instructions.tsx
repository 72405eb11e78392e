/**
 * 领导批示 on a commitment: a leader (or the office on a leader's behalf) writes one, the
 * departments answer with what they did (落实情况). Also the reply dialog the workbenches use.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { api } from './api.ts';
import { cnDate, cnDateTime } from './format.ts';
import type { Answer, CommitmentDetail, CommitmentInstruction, InstructionReply } from './model.ts';
import { useSession } from './session.tsx';
import { useSubmit } from './useSubmit.ts';
import { DataState, useApi } from './useApi.tsx';
import { FormModal } from './workflow.tsx';

type Instruction = CommitmentInstruction;

/** The replies under an instruction: department, time, text. */
export function Replies({ replies }: { replies: InstructionReply[] }) {
  const s = useSession();
  if (!replies.length) return <Tag color="warning">待反馈</Tag>;
  return (
    <div style={{ borderLeft: '3px solid #91caff', paddingLeft: 10, marginTop: 6 }}>
      {replies.map((r) => (
        <div key={r.id} style={{ marginBottom: 4 }} data-testid="instruction-reply">
          <b>{r.departmentId ? s.deptName(r.departmentId) : '督查室'}</b>
          <span style={{ color: '#595959', marginLeft: 8, fontSize: 12 }}>{cnDateTime(r.createdAt)}</span>
          <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
        </div>
      ))}
    </div>
  );
}

/** 反馈落实情况 for one instruction. */
export function ReplyModal({ instruction, onClose }: { instruction: { id: string; leaderName: string; text: string }; onClose(done: boolean): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <FormModal title={`反馈落实情况 · ${instruction.leaderName}批示`} okText="提交反馈" form={form} onClose={onClose} name="instruction-reply"
      onSubmit={async (v) => {
        await api(`/instructions/${instruction.id}/replies`, { method: 'POST', body: { text: v.text } });
        message.success('已反馈');
      }}>
      <Typography.Paragraph style={{ background: '#fffbe6', padding: 8, borderRadius: 4 }}>{instruction.text}</Typography.Paragraph>
      <Form.Item name="text" label="落实情况" rules={[{ required: true, whitespace: true, message: '请填写落实情况' }, { max: 5000, message: '不超过5000字' }]}>
        <Input.TextArea rows={4} placeholder="如：已召开专题推进会，明确三项措施……" />
      </Form.Item>
    </FormModal>
  );
}

export function InstructionsCard({ c }: { c: CommitmentDetail }) {
  const s = useSession();
  const { message } = App.useApp();
  const loaded = useApi<Answer<'listInstructions'>>(`/commitments/${c.id}/instructions`);
  const [replying, setReplying] = useState<Instruction | null>(null);
  const [form] = Form.useForm();
  const { busy, error, run } = useSubmit();
  const leaderSelf = s.user?.role === 'leader';

  async function record() {
    let v: { leaderName: string; text: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      await api(`/commitments/${c.id}/instructions`, { method: 'POST', body: v });
      message.success('批示已录入，已通知牵头单位');
      form.resetFields(['text']);
      loaded.reload();
    });
  }

  return (
    <Card size="small" title={`领导批示${loaded.data ? `（${loaded.data.items.length}）` : ''}`} data-testid="instructions">
      <DataState loaded={loaded} rows={2}>
        {(d) => d.items.length ? (
          <List
            dataSource={d.items}
            renderItem={(i) => (
              <List.Item data-testid="instruction" actions={c.allowed.reply ? [<Button key="r" size="small" onClick={() => setReplying(i)}>反馈落实情况</Button>] : undefined}>
                <div style={{ width: '100%' }}>
                  <Space size={8}>
                    <b>{i.leaderName}</b>
                    <span style={{ color: '#595959', fontSize: 12 }}>{cnDate(i.issuedOn)}批示</span>
                  </Space>
                  <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{i.text}</div>
                  <Replies replies={i.replies} />
                </div>
              </List.Item>
            )}
          />
        ) : <Empty description="暂无领导批示" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </DataState>
      {c.allowed.instruct && (
        <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12, marginTop: 8 }}>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
          <Form form={form} layout="vertical" name="instruction">
            <Form.Item name="leaderName" label="批示领导" initialValue={leaderSelf ? s.user?.displayName : undefined} rules={[{ required: true, whitespace: true, message: '请填写批示领导' }, { max: 50, message: '不超过50字' }]} style={{ maxWidth: 260 }}>
              <Input placeholder="如：王区长" />
            </Form.Item>
            <Form.Item name="text" label="批示内容" rules={[{ required: true, whitespace: true, message: '请填写批示内容' }, { max: 5000, message: '不超过5000字' }]}>
              <Input.TextArea rows={3} placeholder="如：请加快进度，月底前拿出具体措施" />
            </Form.Item>
            <Button type="primary" loading={busy} onClick={record}>录入批示</Button>
          </Form>
        </div>
      )}
      {replying && <ReplyModal instruction={replying} onClose={(done) => { setReplying(null); if (done) loaded.reload(); }} />}
    </Card>
  );
}
