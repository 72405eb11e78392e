/** Imported drafts: commitments in state `draft` created by report import (with a `source`), not yet confirmed. */
import type { Commitment } from '../../domain/types.ts';
import type { Queryable } from '../../store/db.ts';
import { camelAll } from '../../store/rows.ts';
import { AppError } from '../errors.ts';

export function assertImportedDraft(c: Commitment & { confirmedAt?: string | null }): void {
  if (c.state !== 'draft' || c.source === null || c.confirmedAt)
    throw new AppError('not_import_draft', '该任务不是待确认的导入草稿', 'this commitment is not an imported draft awaiting confirmation', 409);
}

/** The imported drafts awaiting confirmation in the given regions, in document order. */
export async function listImportedDrafts(q: Queryable, regionCodes: string[]): Promise<Commitment[]> {
  return camelAll<Commitment>(
    await q.query(
      `select * from commitment where region_code = any($1) and state = 'draft' and source is not null and confirmed_at is null
       order by region_code, (source->>'start')::int`,
      [regionCodes],
    ),
  );
}
