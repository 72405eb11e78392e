/** 登录: username and password; the server's message (wrong password, locked) shown in place. */
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../api.ts';
import { useSubmit } from '../useSubmit.ts';
import { useLang, useT } from '../i18n.tsx';
import { useSession } from '../session.tsx';

export default function Login() {
  const t = useT();
  const { lang, setLang } = useLang();
  const s = useSession();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const { busy, error, run } = useSubmit();
  const next = params.get('next') || '/';
  if (s.user) return <Navigate to={next} replace />;

  const submit = (v: { username: string; password: string }) =>
    run(async () => {
      await api('/auth/login', { method: 'POST', body: v });
      await s.reload();
      nav(next, { replace: true });
    });

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg,#9f1a1a 0%,#b71c1c 35%,#f5f6f8 35%)' }}>
      <Card style={{ width: 380, boxShadow: '0 8px 24px rgba(0,0,0,.12)' }}>
        <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>{lang === 'en' ? 'Duban' : '督办'}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {lang === 'en' ? 'Supervision of government work-report commitments' : '政府工作报告目标任务督查督办系统'}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} name="login">
          <Form.Item label={t('用户名')} name="username" rules={[{ required: true, message: t('请输入用户名') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('密码')} name="password" rules={[{ required: true, message: t('请输入密码') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('登录')}</Button>
        </Form>
        <div style={{ marginTop: 16, display: 'flex', justifyContent: 'space-between' }}>
          <a href="/public">{t('民生实事')}</a>
          <Button type="link" size="small" onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>{lang === 'en' ? '中文' : 'English'}</Button>
        </div>
      </Card>
    </div>
  );
}
