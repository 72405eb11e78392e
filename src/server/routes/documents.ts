/**
 * Generated documents and task sheets: 督查通报 and 年度工作纪实 as files (docx, md, html, xlsx),
 * and the Excel 任务填报表 out and back in. Downloads carry their Chinese file name
 * (Content-Disposition filename*=UTF-8'').
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bulletinDocument } from '../../app/documents/bulletinDocument.ts';
import { yearSummaryDocument } from '../../app/documents/yearSummaryDocument.ts';
import { AppError } from '../../app/errors.ts';
import { exportTaskSheet } from '../../app/taskSheets/exportTaskSheet.ts';
import { importTaskSheet } from '../../app/taskSheets/importTaskSheet.ts';
import { periodLabel } from '../../domain/schedule.ts';
import { RegionCode } from '../../domain/types.ts';
import { renderBulletinXlsx } from '../../render/bulletinXlsx.ts';
import { CONTENT_TYPES, contentDisposition, renderDocument, type DocumentFormat } from '../../render/index.ts';
import { actorOf } from './commitments.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month YYYY-MM / 月份');
const sources = z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('append 附件：数据来源');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD / 成文日期').optional().describe('成文日期 (default: the day after the period\'s reports were due, or today if earlier); figures are those known on that date');
const number = z.string().trim().min(1).max(60).optional().describe('发文字号, e.g. 盐督通〔2026〕10号');

function send(reply: FastifyReply, body: Buffer, format: DocumentFormat, filename: string, ascii: string) {
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', contentDisposition(`${filename}.${format}`, `${ascii}.${format}`))
    .send(body);
}

export function registerDocumentRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.get('/reports/bulletin', {
    schema: {
      tags: ['documents'],
      summary: 'Monthly supervision bulletin as a file / 督查通报（docx、md、html、xlsx）',
      querystring: z.object({ region: RegionCode, period: Month, format: z.enum(['docx', 'md', 'html', 'xlsx']).default('docx'), sources, date, number }),
    },
  }, async (req, reply) => {
    const q = req.query;
    const { document, data } = await bulletinDocument(ctx, { actor: actorOf(req), regionCode: q.region, period: q.period, date: q.date, number: q.number });
    const body = q.format === 'xlsx' ? await renderBulletinXlsx(data) : await renderDocument(document, q.format, { regionCode: q.region, appendix: q.sources, baseUrl: ctx.config.documents.baseUrl });
    return send(reply, body, q.format, `${data.region.name}${periodLabel(q.period)}督查通报`, `bulletin-${q.region}-${q.period}`);
  });

  r.get('/reports/summary', {
    schema: {
      tags: ['documents'],
      summary: 'Year-end summary as a file / 年度工作纪实（docx、md、html）',
      querystring: z.object({ region: RegionCode, year: z.coerce.number().int().min(1949).max(2200), format: z.enum(['docx', 'md', 'html']).default('docx'), sources, date, number }),
    },
  }, async (req, reply) => {
    const q = req.query;
    const { document, data } = await yearSummaryDocument(ctx, { actor: actorOf(req), regionCode: q.region, year: q.year, date: q.date, number: q.number });
    const body = await renderDocument(document, q.format, { regionCode: q.region, appendix: q.sources, baseUrl: ctx.config.documents.baseUrl });
    return send(reply, body, q.format, `${data.region.name}${q.year}年工作纪实`, `summary-${q.region}-${q.year}`);
  });

  r.get('/tasksheets/export', {
    schema: {
      tags: ['documents'],
      summary: "A department's task sheet for a month / 导出任务填报表（xlsx）",
      querystring: z.object({ region: RegionCode, department: z.string().min(1).describe('department id, name or short name / 单位'), period: Month }),
    },
  }, async (req, reply) => {
    const q = req.query;
    const out = await exportTaskSheet(ctx, { actor: actorOf(req), regionCode: q.region, department: q.department, period: q.period });
    return send(reply, out.file, 'xlsx', out.filename.replace(/\.xlsx$/, ''), `tasksheet-${q.region}-${q.period}`);
  });

  r.post('/tasksheets/import', {
    schema: {
      tags: ['documents'],
      summary: 'Import a filled task sheet as submitted progress reports, all rows or none / 导入任务填报表',
      consumes: ['multipart/form-data'],
    },
  }, async (req) => {
    if (!req.isMultipart()) throw new AppError('file_missing', '请以 multipart/form-data 上传填报表（字段 file）', 'upload the sheet as multipart/form-data (field "file")', 400);
    const part = await req.file();
    if (!part) throw new AppError('file_missing', '未收到文件', 'no file received', 400);
    return importTaskSheet(ctx, { actor: actorOf(req), file: await part.toBuffer() });
  });
}
