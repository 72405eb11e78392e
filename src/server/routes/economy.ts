/** 重点项目 and 经济指标: create, update, bulk import from CSV/XLSX (the region's office). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionCode, Uuid } from '../../domain/types.ts';
import { CreateProjectInput, SaveIndicatorInput, UpdateProjectInput } from '../../app/economy/input.ts';
import { createProject, updateProject } from '../../app/economy/saveProject.ts';
import { saveIndicator } from '../../app/economy/saveIndicator.ts';
import { importProjects } from '../../app/economy/importProjects.ts';
import { importIndicators } from '../../app/economy/importIndicators.ts';
import { AppError } from '../../app/errors.ts';
import type { FastifyRequest } from 'fastify';
import { actorOf } from './commitments.ts';

const tags = ['economy'];
const ImportQuery = z.object({ region: RegionCode });

/** The uploaded file of a multipart request (field `file`). */
async function uploadedFile(req: FastifyRequest): Promise<{ data: Buffer; filename: string; contentType: string }> {
  if (!req.isMultipart()) throw new AppError('file_missing', '请以 multipart/form-data 上传文件（字段 file）', 'upload the file as multipart/form-data (field "file")', 400);
  const part = await req.file();
  if (!part) throw new AppError('file_missing', '未收到文件', 'no file received', 400);
  const data = await part.toBuffer();
  return { data, filename: part.filename, contentType: part.mimetype };
}

export function registerEconomyRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.post('/projects', { schema: { tags, summary: 'Create a key project / 新建重点项目', body: CreateProjectInput } }, async (req, reply) =>
    reply.status(201).send(await createProject(ctx, { actor: actorOf(req), input: req.body })));

  r.patch('/projects/:id', { schema: { tags, summary: 'Edit a key project (send its version) / 修改重点项目', params: z.object({ id: Uuid }), body: UpdateProjectInput } }, async (req) =>
    updateProject(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.put('/indicators', { schema: { tags, summary: 'Set an indicator value (version to change one) / 录入经济指标', body: SaveIndicatorInput } }, async (req) =>
    saveIndicator(ctx, { actor: actorOf(req), input: req.body }));

  r.post('/projects/import', { schema: { tags, summary: 'Import projects from CSV/XLSX, all rows or none / 批量导入重点项目', querystring: ImportQuery, consumes: ['multipart/form-data'] } }, async (req) =>
    importProjects(ctx, { actor: actorOf(req), regionCode: req.query.region, ...(await uploadedFile(req)) }));

  r.post('/indicators/import', { schema: { tags, summary: 'Import indicator values from CSV/XLSX, all rows or none / 批量导入经济指标', querystring: ImportQuery, consumes: ['multipart/form-data'] } }, async (req) =>
    importIndicators(ctx, { actor: actorOf(req), regionCode: req.query.region, ...(await uploadedFile(req)) }));
}
