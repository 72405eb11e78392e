/**
 * 导入政府工作报告 over HTTP, for the web app's import page: the text (already decoded by the
 * browser from .txt/.docx) becomes draft commitments and facts through `importWorkReport`.
 * Thin: validate, call the use case, return what it made with every claim's offsets.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importWorkReport } from '../../app/importWorkReport.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/extract/context.ts';
import { RegionCode } from '../../domain/types.ts';
import { actorOf } from './commitments.ts';

export const ImportWorkReportBody = z.object({
  /** 行政区划代码 of the region the report belongs to */
  region: RegionCode,
  /** the plan year */
  year: z.number().int().min(1949).max(2200),
  /** the uploaded file's name, or a name for pasted text */
  filename: z.string().trim().min(1).max(200),
  /** the document's text; claim offsets refer to it */
  text: z.string().min(1).max(2_000_000),
  /** sha256 (hex) of the file's bytes (of the UTF-8 text when pasted): a file is imported once per region */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 hex / 64位十六进制'),
  /** what the document is (政府工作报告, 民生实事清单, 工作总结/纪实, 新闻报道, 统计公报); read from its title and structure when left out */
  kind: z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]).optional(),
});

export function registerWorkReportRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.post('/work-reports', {
    schema: { tags: ['plans'], summary: 'Import a work report: drafts from its targets, facts from its results / 导入政府工作报告', body: ImportWorkReportBody },
  }, async (req, reply) => {
    const b = req.body;
    const result = await importWorkReport(api.ctx, { actor: actorOf(req), regionCode: b.region, year: b.year, filename: b.filename, text: b.text, sha256: b.sha256, kind: b.kind });
    return reply.status(result.created ? 201 : 200).send(result);
  });
}
