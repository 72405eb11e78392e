/**
 * Chinese by default, English on request. Texts are written in Chinese in the pages and looked
 * up here; a text without an English entry stays Chinese (names, sectors, departments do).
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { EN } from './en.ts';
import { cnDate } from './format.ts';

export type Lang = 'zh' | 'en';

interface LangState { lang: Lang; setLang(l: Lang): void }
const LangContext = createContext<LangState>({ lang: 'zh', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('duban.lang') === 'en' ? 'en' : 'zh'));
  const value = useMemo(() => ({
    lang,
    setLang(l: Lang) {
      localStorage.setItem('duban.lang', l);
      document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
      setLangState(l);
    },
  }), [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);

/** `t('总览')` → 总览 or Overview. */
export function useT(): (zh: string) => string {
  const { lang } = useLang();
  return lang === 'en' ? (zh) => EN[zh] ?? zh : (zh) => zh;
}

/** A title with its count: 待审核报送（3） / Pending review (3); no count while loading. */
export function useCounted() {
  const t = useT();
  const { lang } = useLang();
  return (label: string, n?: number) => (n === undefined ? t(label) : lang === 'en' ? `${t(label)} (${n})` : `${label}（${n}）`);
}

/** A day as the language writes it: 2026年12月4日 / 2026-12-04. */
export function useDay() {
  const { lang } = useLang();
  return (iso: string | null | undefined) => (lang === 'en' ? (iso ?? '—').slice(0, 10) : cnDate(iso));
}
