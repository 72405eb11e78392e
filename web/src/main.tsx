/** The web app: Ant Design in Chinese (English on request), pages loaded on demand; each role's 工作台 is home. */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { App as AntApp, ConfigProvider, Result, Skeleton } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import 'dayjs/locale/zh-cn';
import { LangProvider, useLang } from './i18n.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { Shell } from './Shell.tsx';
import Login from './pages/Login.tsx';

const loadWorkbench = () => import('./pages/Workbench.tsx');
// the landing page's code loads while the session is being checked, not after
if (location.pathname === '/') void loadWorkbench();
const Workbench = lazy(loadWorkbench);
const Overview = lazy(() => import('./pages/Overview.tsx'));
const Commitments = lazy(() => import('./pages/Commitments.tsx'));
const CommitmentDetail = lazy(() => import('./pages/CommitmentDetail.tsx'));
const MyDepartment = lazy(() => import('./pages/MyDepartment.tsx'));
const ImportReport = lazy(() => import('./pages/ImportReport.tsx'));
const Projects = lazy(() => import('./pages/Projects.tsx'));
const Indicators = lazy(() => import('./pages/Indicators.tsx'));
const Assessment = lazy(() => import('./pages/Assessment.tsx'));
const Jobs = lazy(() => import('./pages/Jobs.tsx'));
const PromiseCheck = lazy(() => import('./pages/PromiseCheck.tsx'));
const Honours = lazy(() => import('./pages/Honours.tsx'));
const ChangePassword = lazy(() => import('./pages/ChangePassword.tsx'));
const Supervision = lazy(() => import('./pages/Supervision.tsx'));
const SlipNotice = lazy(() => import('./pages/Supervision.tsx').then((m) => ({ default: m.SlipNotice })));
const Admin = lazy(() => import('./pages/Admin.tsx'));

function RequireUser({ children }: { children: React.ReactNode }) {
  const { user } = useSession();
  const loc = useLocation();
  if (user === undefined) return <Skeleton active style={{ padding: 48 }} />;
  if (user === null) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  // an account with a one-time password may do nothing else until it is changed
  if (user.mustChangePassword) return <Suspense fallback={null}><ChangePassword /></Suspense>;
  return <>{children}</>;
}

function NoticeRoute() {
  const { id } = useParams();
  return <SlipNotice id={id!} />;
}

/** A page only some roles may open: others are told so at once, not after they fill a form in. */
export function RequireRole({ roles, children }: { roles: string[]; children: React.ReactNode }) {
  const { user } = useSession();
  if (!user || !roles.includes(user.role)) return <Result status="403" title="无权访问" subTitle="您的账号无权使用此页面。" extra={<Link to="/">返回首页</Link>} />;
  return <>{children}</>;
}

function Home() {
  const { user } = useSession();
  // a department's workbench is its own page (本单位); the office's and a leader's is here
  return user?.role === 'reporter' ? <Navigate to="/my" replace /> : <Workbench />;
}

/** Users who ask their system for reduced motion get none: no sliding menus, dialogs or lists. */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

function Themed() {
  const { lang } = useLang();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: { motion: !reducedMotion, colorPrimary: '#b71c1c', colorLink: '#0958d9', borderRadius: 4, fontFamily: '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' },
        // the header's menu and its submenus in the header's red (dark theme's navy popups clashed)
        components: { Menu: { darkItemBg: '#9f1a1a', darkPopupBg: '#8f1717', darkSubMenuItemBg: '#8f1717', darkItemSelectedBg: '#c62828' } } }}
    >
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<Login />} />
              {/* the 督办通知单 print view: the document alone, no menus */}
              <Route path="/supervision/:id/notice" element={<RequireUser><Suspense fallback={<Skeleton active />}><NoticeRoute /></Suspense></RequireUser>} />
              <Route
                path="*"
                element={
                  <RequireUser>
                    <Shell>
                      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                        <Routes>
                          <Route path="/" element={<Home />} />
                          <Route path="/overview" element={<Overview />} />
                          <Route path="/commitments" element={<Commitments />} />
                          <Route path="/commitments/:id" element={<CommitmentDetail />} />
                          <Route path="/my" element={<MyDepartment />} />
                          <Route path="/import" element={<RequireRole roles={['admin']}><ImportReport /></RequireRole>} />
                          <Route path="/projects" element={<Projects />} />
                          <Route path="/indicators" element={<Indicators />} />
                          <Route path="/assessment" element={<Assessment />} />
                          <Route path="/jobs" element={<Jobs />} />
                          <Route path="/promises" element={<PromiseCheck />} />
                          <Route path="/honours" element={<Honours />} />
                          <Route path="/password" element={<ChangePassword />} />
                          <Route path="/supervision" element={<Supervision />} />
                          <Route path="/admin" element={<RequireRole roles={['admin']}><Admin /></RequireRole>} />
                          <Route path="*" element={<Navigate to="/" replace />} />
                        </Routes>
                      </Suspense>
                    </Shell>
                  </RequireUser>
                }
              />
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <Themed />
    </LangProvider>
  </StrictMode>,
);
