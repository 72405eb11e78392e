/**
 * Full backup as JSON and restore into an empty database. Generic over the schema: every base
 * table is written, rows ordered by primary key, so export → restore → export is byte-identical.
 */
import { AppError } from '../app/errors.ts';
import type { Db, Queryable } from './db.ts';
import { migrationNames } from './migrate.ts';
import { verifyAuditChain } from './audit.ts';

export const BACKUP_FORMAT = 'duban-backup';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** the migrations the data was written under; restore needs the same list */
  schema: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

/**
 * Tables no backup holds: the migrations applied (the backup names them in its header) and the
 * scope versions (036), which only tell a server's kept tables apart and are made afresh by the
 * triggers as the regions and their data are restored.
 */
export const NOT_BACKED_UP = ['schema_migration', 'scope_version'];

interface TableInfo {
  name: string;
  columns: { name: string; type: string; identity: boolean }[];
  primaryKey: string[];
  /** columns referencing the same table (parent links) */
  selfRefs: string[];
}

async function describe(q: Queryable): Promise<TableInfo[]> {
  const cols = await q.query<{ table_name: string; column_name: string; data_type: string; is_identity: string }>(
    `select c.table_name, c.column_name, c.data_type, c.is_identity from information_schema.columns c
     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name <> all($1)
     order by c.table_name, c.ordinal_position`,
    [NOT_BACKED_UP],
  );
  const keys = await q.query<{ table_name: string; column_name: string }>(
    `select k.table_name, k.column_name from information_schema.table_constraints tc
     join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
     where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY' order by k.table_name, k.ordinal_position`,
  );
  const fks = await q.query<{ child: string; parent: string; column_name: string }>(
    `select cl.relname as child, pl.relname as parent, a.attname as column_name
     from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_class pl on pl.oid = con.confrelid
     join pg_namespace n on n.oid = cl.relnamespace
     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
     where con.contype = 'f' and n.nspname = current_schema()`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [], selfRefs: [] };
    t.columns.push({ name: c.column_name, type: c.data_type, identity: c.is_identity === 'YES' });
    tables.set(c.table_name, t);
  }
  for (const k of keys) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  // dependency order: a table after every table it references
  const deps = new Map<string, Set<string>>([...tables.keys()].map((n) => [n, new Set<string>()]));
  for (const fk of fks) {
    if (!tables.has(fk.child)) continue;
    if (fk.child === fk.parent) tables.get(fk.child)!.selfRefs.push(fk.column_name);
    else deps.get(fk.child)!.add(fk.parent);
  }
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const d of [...deps.get(name)!].sort()) visit(d);
    ordered.push(tables.get(name)!);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

const toJson = (v: unknown): unknown => (v instanceof Uint8Array ? { $base64: Buffer.from(v).toString('base64') } : v);

export async function exportBackup(db: Db): Promise<Backup> {
  return db.transaction(async (tx) => {
    const tables: Backup['tables'] = {};
    for (const t of await describe(tx)) {
      const order = (t.primaryKey.length ? t.primaryKey : t.columns.map((c) => c.name)).join(', ');
      const rows = await tx.query(`select * from ${t.name} order by ${order}`);
      tables[t.name] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toJson(v)])));
    }
    return { format: BACKUP_FORMAT, schema: migrationNames(), tables };
  });
}

/** The backup's format and schema version, checked; refuses another program's file or another schema. */
export function checkBackupHeader(backup: unknown): Backup {
  const b = backup as Partial<Backup> | null;
  if (!b || typeof b !== 'object' || b.format !== BACKUP_FORMAT || !Array.isArray(b.schema) || typeof b.tables !== 'object' || !b.tables) {
    throw new AppError('backup_invalid', '不是 duban 备份文件', 'not a duban backup file');
  }
  const current = migrationNames();
  if (b.schema.join(',') !== current.join(',')) {
    throw new AppError(
      'backup_incompatible',
      `备份的数据结构版本（${b.schema.at(-1) ?? '无'}）与本程序（${current.at(-1)}）不一致`,
      `backup schema version ${b.schema.at(-1) ?? 'none'} does not match this program's ${current.at(-1)}`,
    );
  }
  return b as Backup;
}

/**
 * Restores `backup` into a database that holds no data; refuses anything else (including an audit
 * trail whose hash chain does not verify) and changes nothing then.
 */
export async function restoreBackup(db: Db, backup: unknown): Promise<{ rows: number }> {
  const b = checkBackupHeader(backup);
  return db.transaction(async (tx) => {
    // restored audit events are history: the webhook outbox trigger (016) must not send them again
    await tx.query(`select set_config('duban.restoring', 'on', true)`);
    const info = await describe(tx);
    for (const t of info) {
      const [{ n }] = await tx.query<{ n: number }>(`select count(*)::int as n from ${t.name}`);
      if (n > 0) throw new AppError('restore_not_empty', `数据库不为空（表 ${t.name} 已有数据），只能恢复到空库`, `database is not empty (table ${t.name} has rows); restore needs an empty database`, 409);
    }
    // every audit event comes with its chain fields: without them the database would chain the
    // events anew and an edited trail would look intact
    if ((b.tables.audit_event ?? []).some((e) => typeof e?.hash !== 'string' || typeof e?.prev_hash !== 'string' || e?.chain_seq == null))
      throw new AppError('backup_tampered', '备份中的留痕缺少校验链，拒绝恢复', 'audit events in the backup lack their hash chain; refused');
    const unknown = Object.keys(b.tables).filter((name) => !info.some((t) => t.name === name));
    if (unknown.length) throw new AppError('backup_invalid', `备份含未知表：${unknown.join('、')}`, `backup has unknown tables: ${unknown.join(', ')}`);
    let count = 0;
    for (const t of info) {
      let pending = [...(b.tables[t.name] ?? [])];
      const inserted = new Set<string>();
      const keyOf = (r: Record<string, unknown>) => t.primaryKey.map((k) => String(r[k])).join('|');
      // rows whose parent (same table) is not yet in go in a later round
      while (pending.length) {
        const ready = pending.filter((r) => t.selfRefs.every((c) => r[c] == null || inserted.has(String(r[c]))));
        if (!ready.length) throw new AppError('backup_invalid', `表 ${t.name} 的上下级关系有环`, `table ${t.name} has a parent cycle`);
        for (const row of ready) {
          const cols = t.columns.filter((c) => c.name in row);
          const values = cols.map((c) => {
            const v = row[c.name];
            if (v && typeof v === 'object' && '$base64' in (v as object)) return Buffer.from((v as { $base64: string }).$base64, 'base64');
            return c.type === 'jsonb' || c.type === 'json' ? (v == null ? null : JSON.stringify(v)) : v;
          });
          const overriding = cols.some((c) => c.identity) ? 'overriding system value' : '';
          await tx.query(
            `insert into ${t.name} (${cols.map((c) => c.name).join(', ')}) ${overriding} values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
            values,
          );
          inserted.add(keyOf(row));
          count++;
        }
        pending = pending.filter((r) => !ready.includes(r));
      }
      for (const c of t.columns.filter((c) => c.identity)) {
        await tx.query(`select setval(pg_get_serial_sequence('${t.name}', '${c.name}'), coalesce((select max(${c.name}) from ${t.name}), 0) + 1, false)`);
      }
    }
    const broken = await verifyAuditChain(tx);
    if (broken.length) {
      const where = broken.slice(0, 5).map((x) => `${x.regionCode}${x.chainSeq === null ? ' head' : ` #${x.chainSeq}`} (${x.problem})`).join(', ');
      throw new AppError('backup_tampered', `备份中的留痕校验链断裂（${where}），已被改动，拒绝恢复`, `the audit trail in the backup fails its hash chain (${where}): it was altered; refused`, 400, { broken });
    }
    return { rows: count };
  });
}
