/**
 * Who is signed in and which region and year the pages show. City and province users switch
 * between the regions they may read; the choice is kept in the URL-independent localStorage.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, apiAll, ApiError } from './api.ts';
import { planForYear } from './year.ts';
import type { Answer, Department, Plan, Region, RegionDetail, SessionUser } from './model.ts';

export interface Session {
  /** undefined while loading, null when signed out */
  user: SessionUser | null | undefined;
  readableRegions: string[];
  regions: Region[];
  /** the region the pages show */
  region: RegionDetail | undefined;
  setRegionCode(code: string): void;
  /** the selected plan (年度) of the region, when it has one */
  plan: Plan | undefined;
  setPlanId(id: string): void;
  /** shows plan `p` of the region, adding it to the region's plans when it is new (an import just made it) */
  showPlan(p: Plan): void;
  departments: Department[];
  deptName(id: string | null | undefined): string;
  /** query parameters that scope a list to the selection */
  scope: { region: string; children?: boolean; plan?: string };
  /** the year shown: the plan's, or for a city/province summary the one chosen (several plans are mixed there) */
  year: number;
  setYear(y: number): void;
  /** whether a listed commitment belongs to the year shown (the server filters by plan; summaries need this) */
  inYear(c: { startDate: string }): boolean;
  reload(): Promise<void>;
  signOut(): Promise<void>;
  loadError: unknown;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [readable, setReadable] = useState<string[]>([]);
  const [regions, setRegions] = useState<Region[]>([]);
  const [regionCode, setRegionCodeState] = useState<string | undefined>(undefined);
  const [region, setRegion] = useState<RegionDetail | undefined>(undefined);
  const [planId, setPlanIdState] = useState<string | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  // the year shown, kept across region switches (a city leader looking at 2024 stays in 2024) and
  // for this browser tab only: a new visit starts at the year of today
  const [summaryYear, setSummaryYearState] = useState<number>(() => Number(sessionStorage.getItem('duban.year')) || new Date().getFullYear());
  const setSummaryYear = useCallback((y: number) => {
    sessionStorage.setItem('duban.year', String(y));
    setSummaryYearState(y);
  }, []);

  const reload = useCallback(async () => {
    setLoadError(undefined);
    try {
      // /auth/session answers 200 when signed out too: the login page logs no failed request
      const [meP, allP] = await Promise.allSettled([api<Answer<'getSession'>>('/auth/session'), apiAll<Answer<'listRegions'>>('/regions')]);
      if (meP.status === 'rejected') throw meP.reason;
      const me = meP.value;
      if (!me.user) {
        setUser(null);
        return;
      }
      const meUser = me.user;
      // a one-time password must be changed before anything else can be read
      if (meUser.mustChangePassword) {
        setUser(meUser);
        return;
      }
      if (allP.status === 'rejected') throw allP.reason;
      const all = allP.value;
      setRegions(all.items);
      setReadable(me.readableRegions);
      setUser(meUser);
      const saved = localStorage.getItem('duban.region');
      const start = saved && me.readableRegions.includes(saved) ? saved : defaultRegion(meUser, all.items, me.readableRegions);
      setRegionCodeState(start);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setUser(null);
      else {
        setLoadError(e);
        setUser(null);
      }
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const summaryYearRef = useRef(summaryYear);
  summaryYearRef.current = summaryYear;
  useEffect(() => {
    if (!regionCode) return;
    let live = true;
    api<RegionDetail>(`/regions/${regionCode}`).then(async (r) => {
      // a city or province summary names the departments of the regions below it
      if (r.level === 'city' || r.level === 'province') {
        const below = await Promise.allSettled(r.children.map((c) => apiAll<Answer<'listDepartments'>>(`/regions/${c.code}/departments`)));
        r = { ...r, departments: [...r.departments, ...below.flatMap((b) => (b.status === 'fulfilled' ? b.value.items : []))] };
      }
      if (!live) return;
      setRegion(r);
      setPlanIdState(planForYear(r.plans, summaryYearRef.current)?.id);
    }, setLoadError);
    return () => {
      live = false;
    };
  }, [regionCode]);

  const value = useMemo<Session>(() => {
    const plan = region?.plans.find((p) => p.id === planId);
    const depts = region?.departments ?? [];
    const byId = new Map(depts.map((d) => [d.id, d]));
    const aggregate = region ? region.level === 'city' || region.level === 'province' : false;
    return {
      user,
      readableRegions: readable,
      regions,
      region,
      setRegionCode(code) {
        localStorage.setItem('duban.region', code);
        setRegion(undefined);
        setRegionCodeState(code);
      },
      plan,
      setPlanId(id) {
        const p = region?.plans.find((x) => x.id === id);
        if (p) setSummaryYear(p.year);
        setPlanIdState(id);
      },
      showPlan(p) {
        if (region && region.code === p.regionCode && !region.plans.some((x) => x.id === p.id)) setRegion({ ...region, plans: [...region.plans, p] });
        setSummaryYear(p.year);
        setPlanIdState(p.id);
      },
      departments: depts,
      deptName: (id) => (id ? (byId.get(id)?.shortName ?? byId.get(id)?.name ?? '—') : '未指定'),
      scope: { region: region?.code ?? '', children: aggregate || undefined, plan: aggregate ? undefined : plan?.id },
      year: aggregate ? summaryYear : (plan?.year ?? summaryYear),
      setYear: setSummaryYear,
      inYear: (c) => !aggregate || c.startDate.slice(0, 4) === String(summaryYear),
      reload,
      async signOut() {
        try {
          await api('/auth/logout', { method: 'POST' });
        } finally {
          setUser(null);
          setRegion(undefined);
        }
      },
      loadError,
    };
  }, [user, readable, regions, region, planId, reload, loadError, summaryYear, setSummaryYear]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** A county user starts at their county; a city or province user at the first county below with data. */
function defaultRegion(user: SessionUser, all: Region[], readable: string[]): string {
  const own = all.find((r) => r.code === user.regionCode);
  if (!own || own.level === 'county' || own.level === 'township') return user.regionCode;
  const county = all.find((r) => r.level === 'county' && readable.includes(r.code));
  return county?.code ?? user.regionCode;
}
