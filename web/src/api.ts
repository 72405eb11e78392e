/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie, the
 * CSRF header on every state-changing request (double submit: the readable `duban_csrf`
 * cookie), and the server's bilingual error `{ error: { code, zh, en, message } }` kept whole.
 */
import type { ErrorBody } from './model.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(zh);
  }
}

/** The message to show a person in the chosen language. */
export function errorText(e: unknown, lang: 'zh' | 'en' = 'zh'): string {
  if (e instanceof ApiError) return lang === 'en' ? e.en || e.zh : e.zh || e.en;
  if (e instanceof TypeError) return lang === 'en' ? 'Cannot reach the server; check the connection.' : '无法连接服务器，请检查网络。';
  return String((e as Error)?.message ?? e);
}

export function csrfToken(): string | undefined {
  const m = /(?:^|;\s*)duban_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

export type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** a JSON body, or FormData for uploads */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') {
    const t = csrfToken();
    if (t) headers['x-csrf-token'] = t;
  }
  const res = await fetch(withQuery(`/api${path}`, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const e: Partial<ErrorBody['error']> | undefined = (data as { error?: ErrorBody['error'] } | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.zh ?? e?.message ?? `请求失败（${res.status}）`, e?.en ?? e?.message ?? `request failed (${res.status})`, e?.details);
  }
  return data as T;
}

/** A page of a list answer: every list of the API pages by cursor (`limit`, `cursor` → `nextCursor`). */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * GETs every page of a list (following `nextCursor`, the largest pages the server gives) and
 * answers the first page's other fields with all the items. For views that need the whole list:
 * totals, charts, client-side filters and exports.
 */
export async function apiAll<P extends Page<unknown>>(path: string, opts: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<P> {
  const first = await api<P>(path, opts);
  if (!first || !Array.isArray(first.items)) return first;
  const items = [...first.items];
  for (let cursor = first.nextCursor; cursor; ) {
    const next: P = await api<P>(withQuery(path, { cursor }), opts);
    items.push(...next.items);
    cursor = next.nextCursor;
  }
  return { ...first, items, nextCursor: null };
}
