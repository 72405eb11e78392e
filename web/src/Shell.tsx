/** The frame around every signed-in page: menu by role, region and year switchers, language, user. */
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Button, Layout, Menu, Select, Space, Tag, Typography, type MenuProps } from 'antd';
import { ROLE_LABELS } from './labels.ts';
import { useLang, useT } from './i18n.tsx';
import { useSession } from './session.tsx';

interface Page { path: string; label: string; roles: string[] }
/** The menu: a few top-level entries, related pages grouped under one (an entry with one page for a role is that page). */
const MENU: (Page | { key: string; label: string; children: Page[] })[] = [
  { path: '/', label: '工作台', roles: ['admin', 'leader'] },
  { path: '/my', label: '工作台', roles: ['reporter'] },
  { path: '/overview', label: '总览', roles: ['admin', 'leader'] },
  {
    key: 'commitments', label: '目标任务', children: [
      { path: '/commitments', label: '目标任务', roles: ['admin', 'leader', 'reporter'] },
      { path: '/import', label: '导入报告', roles: ['admin'] },
    ],
  },
  { path: '/supervision', label: '督办', roles: ['admin', 'leader', 'reporter'] },
  {
    key: 'analysis', label: '统计分析', children: [
      { path: '/projects', label: '重点项目', roles: ['admin', 'leader', 'reporter'] },
      { path: '/indicators', label: '经济指标', roles: ['admin', 'leader', 'reporter'] },
      { path: '/assessment', label: '考核排名', roles: ['admin', 'leader'] },
      { path: '/promises', label: '兑现核验', roles: ['admin', 'leader'] },
      { path: '/honours', label: '荣誉表彰', roles: ['admin', 'leader'] },
    ],
  },
  {
    key: 'system', label: '系统', children: [
      { path: '/admin', label: '系统管理', roles: ['admin'] },
      { path: '/jobs', label: '定时任务', roles: ['admin'] },
    ],
  },
];
const PAGES: Page[] = MENU.flatMap((m) => ('children' in m ? m.children : [m]));
const isAt = (path: string, pathname: string) => (path === '/' ? pathname === '/' : pathname.startsWith(path));

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const { lang, setLang } = useLang();
  // the product's name (the 督办 menu item reads Supervision in English)
  const brand = lang === 'en' ? 'Duban' : '督办';
  const s = useSession();
  const loc = useLocation();
  const role = s.user?.role ?? 'public';
  const link = (p: Page) => ({ key: p.path, label: <Link to={p.path}>{t(p.label)}</Link> });
  const items = MENU.flatMap((m): NonNullable<MenuProps['items']> => {
    if (!('children' in m)) return m.roles.includes(role) ? [link(m)] : [];
    const mine = m.children.filter((p) => p.roles.includes(role));
    return mine.length > 1 ? [{ key: m.key, label: t(m.label), children: mine.map(link) }] : mine.map(link);
  });
  const selected = PAGES.filter((p) => p.roles.includes(role) && isAt(p.path, loc.pathname)).map((p) => p.path);
  const switchable = s.regions.filter((r) => s.readableRegions.includes(r.code));
  // the tab names the page, for people with many tabs and for screen readers
  const current = PAGES.find((p) => isAt(p.path, loc.pathname));
  useEffect(() => {
    document.title = `${current ? t(current.label) : brand} · ${s.region?.name ?? ''} · ${brand}`;
  }, [current, s.region?.name, t, brand]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#9f1a1a', paddingInline: 20, height: 56 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {brand} <span className="brand-sub" style={{ fontSize: 13, fontWeight: 400, opacity: 0.9 }}>{lang === 'en' ? 'work-report supervision' : '政府工作报告目标任务督查督办'}</span>
        </Link>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={selected}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          items={items}
        />
        <Space size="small">
          <a href="/public" style={{ color: '#fff' }}>{t('民生实事')}</a>
          <Button size="small" ghost onClick={() => setLang(lang === 'en' ? 'zh' : 'en')} title={t('语言')}>
            {lang === 'en' ? '中文' : 'English'}
          </Button>
        </Space>
      </Layout.Header>
      <div className="no-print" style={{ background: '#fff', borderBottom: '1px solid #eee', padding: '8px 20px', display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <label htmlFor="region-switch" style={{ color: '#555' }}>{t('行政区')}</label>
        <Select
          id="region-switch"
          aria-label={t('行政区')}
          value={s.region?.code}
          loading={!s.region}
          style={{ minWidth: 160 }}
          disabled={switchable.length <= 1}
          onChange={(code) => s.setRegionCode(code)}
          options={switchable.map((r) => ({ value: r.code, label: `${r.name}${r.level === 'city' || r.level === 'province' ? (lang === 'en' ? ' (all)' : '（汇总）') : ''}` }))}
        />
        {s.region && s.region.plans.length > 0 && !s.scope.children && (
          <>
            <label htmlFor="plan-switch" style={{ color: '#555' }}>{t('年度')}</label>
            <Select
              id="plan-switch"
              aria-label={t('年度')}
              value={s.plan?.id}
              style={{ minWidth: 110 }}
              onChange={(id) => s.setPlanId(id)}
              options={[...s.region.plans].sort((a, b) => b.year - a.year).map((p) => ({ value: p.id, label: lang === 'en' ? String(p.year) : `${p.year}年` }))}
            />
          </>
        )}
        {s.region && s.scope.children && (
          <>
            <label htmlFor="year-switch" style={{ color: '#555' }}>{t('年度')}</label>
            <Select
              id="year-switch"
              aria-label={t('年度')}
              value={s.year}
              style={{ minWidth: 110 }}
              onChange={(y) => s.setYear(y)}
              options={Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - i).map((y) => ({ value: y, label: lang === 'en' ? String(y) : `${y}年` }))}
            />
          </>
        )}
        <span style={{ flex: 1 }} />
        {s.user && (
          <Space>
            <Typography.Text>{s.user.displayName}</Typography.Text>
            <Tag>{t(ROLE_LABELS[s.user.role] ?? s.user.role)}</Tag>
            {s.user.departmentId && <Tag color="blue">{s.deptName(s.user.departmentId)}</Tag>}
            <Link to="/password">{t('修改密码')}</Link>
            <Button size="small" onClick={() => void s.signOut()}>{t('退出登录')}</Button>
          </Space>
        )}
      </div>
      <Layout.Content style={{ padding: 20, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        {s.region ? children : null}
      </Layout.Content>
    </Layout>
  );
}
