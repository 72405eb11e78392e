import { createHash, randomUUID } from 'node:crypto';
import type { Evidence } from '../../domain/types.ts';
import { appendAudit, type Actor } from '../../store/audit.ts';
import { insertEvidence } from '../../store/reports.ts';
import type { AppContext } from '../context.ts';
import { assertPeriodOpen } from '../periods/periodLock.ts';
import { AppError } from '../errors.ts';
import { principalOf } from '../policies/principal.ts';
import { reportPolicy } from '../policies/reports.ts';
import { authorize } from '../policies/scope.ts';
import { loadReportFor, notEditable } from './rules.ts';

/** Largest evidence file accepted (the HTTP layer enforces it while receiving). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
/** Accepted evidence types and the bytes each must start with. */
export const EVIDENCE_TYPES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/msword': OLE,
  'application/vnd.ms-excel': OLE,
  'application/ofd': ZIP, // 版式文档 OFD (GB/T 33190)
};

export interface EvidenceFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/**
 * Attaches 证明材料 to a draft or returned report of the actor's own department. Every file must
 * be of an accepted type whose content matches it, and within the size limit; either all files
 * are stored or none.
 */
export async function attachEvidence(ctx: AppContext, options: { actor: Actor; reportId: string; files: EvidenceFile[] }): Promise<Evidence[]> {
  const actor = principalOf(options.actor);
  if (!options.files.length) throw new AppError('no_files', '未收到文件', 'no file received');
  for (const f of options.files) {
    const magic = EVIDENCE_TYPES[f.contentType];
    if (!magic) throw new AppError('file_type', `不支持的文件类型 ${f.contentType}（可上传 PDF、图片、Word、Excel、OFD）`, `file type ${f.contentType} is not accepted (PDF, JPEG/PNG, Word, Excel, OFD)`, 415);
    if (!magic.every((b, i) => f.data[i] === b)) throw new AppError('file_content', `文件“${f.filename}”的内容与类型不符`, `the content of "${f.filename}" does not match its type`, 415);
    if (f.data.length > EVIDENCE_MAX_BYTES) throw new AppError('file_too_large', '文件超过10MB', 'file larger than 10 MB', 413);
  }
  return ctx.db.transaction(async (tx) => {
    const { report } = await loadReportFor(tx, actor, options.reportId);
    authorize(actor, reportPolicy.edit(actor, report), true, ['progress report', '进展报送']);
    if (report.state !== 'draft' && report.state !== 'returned') throw notEditable(report.state);
    await assertPeriodOpen(tx, report.regionCode, report.period);
    const stored: Evidence[] = [];
    for (const f of options.files) {
      const e: Evidence = {
        id: randomUUID(),
        filename: safeFilename(f.filename),
        contentType: f.contentType,
        size: f.data.length,
        sha256: createHash('sha256').update(f.data).digest('hex'),
      };
      await insertEvidence(tx, { ...e, regionCode: report.regionCode, reportId: report.id, data: f.data });
      await appendAudit(tx, { regionCode: report.regionCode, actor, action: 'evidence.add', entity: 'evidence', entityId: e.id, after: { ...e, reportId: report.id } });
      stored.push(e);
    }
    return stored;
  });
}

/** The last path segment, without control characters, at most 200 characters. */
function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'file').slice(-200);
}
