/** What every use case receives: the database, the supervision configuration and the clock. */
import type { SupervisionConfig } from '../domain/config.ts';
import { DEFAULT_CONFIG } from '../domain/config.ts';
import type { Db } from '../store/db.ts';

export interface AppContext {
  db: Db;
  config: SupervisionConfig;
  /** today's date as `YYYY-MM-DD` (tests fix it) */
  today(): string;
}

export function createContext(db: Db, config: SupervisionConfig = DEFAULT_CONFIG, today?: () => string): AppContext {
  return { db, config, today: today ?? (() => new Date().toISOString().slice(0, 10)) };
}
