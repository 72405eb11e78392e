/** Progress reports: submit, edit, review, evidence, history, and the office's review queue. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../app/errors.ts';
import { commitmentPolicy } from '../../app/policies/commitments.ts';
import { reportPolicy } from '../../app/policies/reports.ts';
import { requireSignedIn } from '../../app/policies/scope.ts';
import { attachEvidence, EVIDENCE_MAX_BYTES, type EvidenceFile } from '../../app/reports/attachEvidence.ts';
import { editProgressReport } from '../../app/reports/editProgressReport.ts';
import { EditReportInput, ReviewReportInput, SubmitReportInput } from '../../app/reports/input.ts';
import { loadReportFor } from '../../app/reports/rules.ts';
import { ListRegionReportsQuery, listRegionReports, presentReports, type ReportRow } from '../../app/reports/listRegionReports.ts';
import { removeEvidence } from '../../app/reports/removeEvidence.ts';
import { reviewProgressReport } from '../../app/reports/reviewProgressReport.ts';
import { submitProgressReport } from '../../app/reports/submitProgressReport.ts';
import { Uuid } from '../../domain/types.ts';
import { getCommitment } from '../../store/commitments.ts';
import { listReportVersions } from '../../store/reportHistory.ts';
import { getEvidenceData, getReport } from '../../store/reports.ts';
import { actorOf } from './commitments.ts';
import { decodeCursor, PageParams, sqlPage, type Order } from '../paging.ts';

const IdParam = z.object({ id: Uuid });

/** Reports listed newest first: creation time (to the microsecond, as text) and id. */
const REPORT_ORDER: Order<ReportRow> = { name: 'created.desc', key: (r) => [r['~key'], r.id], desc: true };

export function registerReportRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.post('/commitments/:id/reports', {
    schema: {
      tags: ['reports'], summary: 'Submit (or save as draft) a progress report for a period; send an Idempotency-Key to make retries safe / 报送进展',
      params: IdParam, body: SubmitReportInput, headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
    },
  }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const { report, replayed } = await submitProgressReport(ctx, { actor: actorOf(req), commitmentId: req.params.id, input: req.body, idempotencyKey: typeof key === 'string' ? key : undefined });
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(report);
  });

  r.get('/reports', {
    schema: {
      tags: ['reports'], summary: 'Reports of a region, e.g. those waiting for review (state=submitted) / 报送列表',
      querystring: ListRegionReportsQuery.extend(PageParams.shape),
    },
  }, async (req) => {
    const { cursor, limit, ...query } = req.query;
    const after = cursor ? (decodeCursor(cursor, REPORT_ORDER.name, 2) as [string, string]) : null;
    const rows = await listRegionReports(ctx, { actor: actorOf(req), query, after, limit: limit + 1 });
    return sqlPage(rows, req.query, REPORT_ORDER, (page) => presentReports(actorOf(req), page));
  });

  r.get('/reports/:id', { schema: { tags: ['reports'], summary: 'A report with its earlier versions / 报送详情及历史', params: IdParam } }, async (req) => {
    const { report } = await loadReportFor(ctx.db, req.actor, req.params.id);
    // earlier versions (drafts, returned ones) stay with the department that wrote them
    const ownOrOverseer = req.actor.role !== 'reporter' || report.departmentId === req.actor.departmentId;
    return { ...report, history: ownOrOverseer ? await listReportVersions(ctx.db, report.id) : [] };
  });

  r.patch('/reports/:id', {
    schema: { tags: ['reports'], summary: 'Edit a draft or returned report; submit=true submits (resubmits) it / 修改、提交报送', params: IdParam, body: EditReportInput },
  }, async (req) => editProgressReport(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.post('/reports/:id/review', {
    schema: { tags: ['reports'], summary: 'Accept or return (with a comment) a submitted report / 审核报送', params: IdParam, body: ReviewReportInput },
  }, async (req) => reviewProgressReport(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.post('/reports/:id/evidence', {
    schema: { tags: ['reports'], summary: 'Attach evidence files (multipart/form-data; PDF, JPEG, PNG, Word, Excel, OFD; 10 MB each) / 上传证明材料', params: IdParam, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    requireSignedIn(req.actor);
    if (!req.isMultipart()) throw new AppError('multipart_required', '请以 multipart/form-data 上传文件', 'send the files as multipart/form-data', 415);
    const files: EvidenceFile[] = [];
    try {
      for await (const part of req.files({ limits: { fileSize: EVIDENCE_MAX_BYTES } })) {
        files.push({ filename: part.filename, contentType: part.mimetype, data: await part.toBuffer() });
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('file_too_large', '文件超过10MB', 'file larger than 10 MB', 413);
      if ((e as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError('too_many_files', '一次最多上传5个文件', 'at most 5 files at a time', 413);
      throw e;
    }
    return reply.status(201).send({ items: await attachEvidence(ctx, { actor: actorOf(req), reportId: req.params.id, files }) });
  });

  r.delete('/evidence/:id', { schema: { tags: ['reports'], summary: 'Remove an evidence file from a draft report / 删除证明材料（草稿）', params: IdParam } }, async (req, reply) => {
    await removeEvidence(ctx, { actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  r.get('/evidence/:id', { schema: { tags: ['reports'], summary: 'Download an evidence file / 下载证明材料', params: IdParam } }, async (req, reply) => {
    requireSignedIn(req.actor);
    const e = await getEvidenceData(ctx.db, req.params.id);
    const report = e ? await getReport(ctx.db, e.reportId) : undefined;
    const c = report ? await getCommitment(ctx.db, report.commitmentId) : undefined;
    if (!e || !report || !c || !commitmentPolicy.readInternal(req.actor, c) || !reportPolicy.read(req.actor, report, c)) throw notFound('evidence', '证明材料');
    return reply
      .header('content-type', e.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(e.data));
  });
}
