import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
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

/** Evidence per report at most (with EVIDENCE_MAX_BYTES per file): 20 files, 50 MB together. */
export const EVIDENCE_QUOTA = { files: 20, bytes: 50 * 1024 * 1024 };

const DOC = 'application/msword';
const XLS = 'application/vnd.ms-excel';
/** Accepted evidence types: PDF, JPEG, PNG, Word, Excel (new and old) and OFD 版式文档 (GB/T 33190). */
export const EVIDENCE_TYPES = new Set([
  'application/pdf', 'image/jpeg', 'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  DOC, XLS, 'application/ofd',
]);

/**
 * What the content is, from its bytes (file-type), never what the client claims: the stored and
 * served type. Two containers need a hint: an old Office file (OLE) is Word or Excel by its name or
 * declared type, and an OFD is a ZIP holding OFD.xml.
 */
export async function sniffContentType(f: EvidenceFile): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(f.data);
  if (found?.mime === 'application/x-cfb') {
    if (/\.doc$/i.test(f.filename) || f.contentType === DOC) return DOC;
    if (/\.xls$/i.test(f.filename) || f.contentType === XLS) return XLS;
  }
  if (found?.mime === 'application/zip' && Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength).includes('OFD.xml')) return 'application/ofd';
  return found?.mime;
}

export interface EvidenceFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/**
 * Attaches 证明材料 to a draft or returned report of the actor's own department. Every file's
 * content must be of an accepted type (stored as that type, whatever the client declared), within
 * the size limit and the report's quota; either all files are stored or none.
 */
export async function attachEvidence(
  ctx: AppContext,
  options: { actor: Actor; reportId: string; files: EvidenceFile[]; quota?: typeof EVIDENCE_QUOTA },
): Promise<Evidence[]> {
  const actor = principalOf(options.actor);
  if (!options.files.length) throw new AppError('no_files', '未收到文件', 'no file received');
  const quota = options.quota ?? EVIDENCE_QUOTA;
  const types: string[] = [];
  for (const f of options.files) {
    if (f.data.length > EVIDENCE_MAX_BYTES) throw new AppError('file_too_large', '文件超过10MB', 'file larger than 10 MB', 413);
    const type = await sniffContentType(f);
    if (!type || !EVIDENCE_TYPES.has(type)) {
      if (EVIDENCE_TYPES.has(f.contentType)) throw new AppError('file_content', `文件“${safeFilename(f.filename)}”的内容与类型不符`, `the content of "${safeFilename(f.filename)}" does not match its type`, 415);
      throw new AppError('file_type', `不支持的文件类型 ${type ?? f.contentType}（可上传 PDF、图片、Word、Excel、OFD）`, `file type ${type ?? f.contentType} is not accepted (PDF, JPEG/PNG, Word, Excel, OFD)`, 415);
    }
    types.push(type);
  }
  return ctx.db.transaction(async (tx) => {
    const { report } = await loadReportFor(tx, actor, options.reportId);
    authorize(actor, reportPolicy.edit(actor, report), true, ['progress report', '进展报送']);
    if (report.state !== 'draft' && report.state !== 'returned') throw notEditable(report.state);
    await assertPeriodOpen(tx, report.regionCode, report.period);
    const files = report.evidence.length + options.files.length;
    const bytes = report.evidence.reduce((n, e) => n + e.size, 0) + options.files.reduce((n, f) => n + f.data.length, 0);
    if (files > quota.files || bytes > quota.bytes) {
      const mb = Math.round(quota.bytes / 1024 / 1024);
      throw new AppError('evidence_quota', `每份报送的证明材料至多${quota.files}个、共${mb}MB`, `a report holds at most ${quota.files} evidence files, ${mb} MB together`, 413, { files: quota.files, bytes: quota.bytes });
    }
    const stored: Evidence[] = [];
    for (const [i, f] of options.files.entries()) {
      const e: Evidence = {
        id: randomUUID(),
        filename: safeFilename(f.filename),
        contentType: types[i]!,
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

/**
 * The last path segment in NFC, without control, format (bidi overrides such as U+202E that make
 * "exe.pdf" look like "fdp.exe", zero-width characters) and line/paragraph separator characters,
 * at most 200 characters.
 */
export function safeFilename(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop()!.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').trim();
  return (base || 'file').slice(-200);
}
