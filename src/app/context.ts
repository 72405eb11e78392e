/** What every use case receives: the database, the supervision configuration and the clock. */
import type { SupervisionConfig } from '../domain/config.ts';
import { DEFAULT_CONFIG } from '../domain/config.ts';
import type { Db } from '../store/db.ts';
import { localDate } from '../domain/dates.ts';

export interface AppContext {
  db: Db;
  config: SupervisionConfig;
  /** today's date as `YYYY-MM-DD` (tests fix it) */
  today(): string;
}

export function createContext(db: Db, config: SupervisionConfig = DEFAULT_CONFIG, today?: () => string): AppContext {
  // the region's calendar day (UTC+8 in China): from midnight, not from 08:00 as a UTC date would
  return { db, config, today: today ?? (() => localDate(new Date().toISOString(), config.utcOffsetMinutes)) };
}
