/** Loading a resource with its loading, error and empty states shown the same way on every page. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Skeleton, Typography } from 'antd';
import { apiAll, errorText, withQuery, type Page, type Query } from './api.ts';
import { useLang, useT } from './i18n.tsx';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** GETs `path` with `query` (skipped while `path` is null; a list: all its pages) and reloads when either changes. */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const key = path === null ? null : withQuery(path, query);
  const [state, setState] = useState<{ key: string | null; data?: T; error?: unknown; loading: boolean }>({ key: null, loading: true });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const ac = new AbortController();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    apiAll<T & Page<unknown>>(key, { signal: ac.signal }).then(
      (data) => setState({ key, data, loading: false }),
      (error) => {
        if (!ac.signal.aborted) setState({ key, error, loading: false });
      },
    );
    return () => ac.abort();
  }, [key, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data: state.key === key ? state.data : undefined, error: state.key === key ? state.error : undefined, loading: key === null || state.loading, reload };
}

/**
 * Shows loading, error (with the server's message and a retry) or empty; else the children.
 * `compact` says "nothing here" in one grey line instead of the illustrated Empty (workbench sections).
 */
export function DataState<T>({ loaded, empty, isEmpty, children, rows = 4, compact }: { loaded: Loaded<T>; empty?: string; isEmpty?: (d: T) => boolean; children: (d: T) => ReactNode; rows?: number; compact?: boolean }) {
  const t = useT();
  const { lang } = useLang();
  if (loaded.error) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('加载失败')}
        description={errorText(loaded.error, lang)}
        action={<Button size="small" onClick={loaded.reload}>{t('重试')}</Button>}
      />
    );
  }
  if (loaded.data === undefined) return <Skeleton active paragraph={{ rows }} aria-busy="true" />;
  if (isEmpty?.(loaded.data)) return compact ? <Typography.Text type="secondary" data-empty="true">{empty ?? t('暂无数据')}</Typography.Text> : <Empty description={empty ?? t('暂无数据')} />;
  return <>{children(loaded.data)}</>;
}
