/**
 * A small supervision world for API tests: a city (430500) with two districts, X (430502) and
 * Y (430503); departments X1, X2 in X and Y1 in Y; one plan per district; accounts of every role;
 * and factories for fresh commitments, reports, evidence, users and tokens.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createContext, type AppContext } from '../app/context.ts';
import { newSecret, sha256 } from '../app/auth/secrets.ts';
import type { Commitment, ProgressReport } from '../domain/types.ts';
import type { Db } from '../store/db.ts';
import { insertCommitment } from '../store/commitments.ts';
import { upsertPlan } from '../store/plans.ts';
import { upsertDepartment, upsertRegion } from '../store/regions.ts';
import { insertEvidence, insertReport } from '../store/reports.ts';
import { insertApiToken } from '../store/users.ts';
import { buildServer } from './app.ts';
import { makeUser, signIn, type Session } from './testing.ts';
import type { CreateUserInput } from '../app/users/input.ts';

export const X = '430502';
export const Y = '430503';
export const CITY = '430500';
export const TODAY = '2024-07-20';

/** Who calls: X's office and leader, X1's reporter, the city's office and leader, the public. */
export const ACTORS = ['admin', 'leader', 'reporter', 'cityAdmin', 'cityLeader', 'public'] as const;
export type ActorName = (typeof ACTORS)[number];
/** What is touched, seen from the actors: X1's (the reporter's own department), X2's (same region), Y1's (other region). */
export const TARGETS = ['own', 'otherDept', 'otherRegion'] as const;
export type TargetName = (typeof TARGETS)[number];

export interface World {
  db: Db;
  ctx: AppContext;
  app: FastifyInstance;
  dept: { X1: string; X2: string; Y1: string };
  plan: { X: string; Y: string };
  users: Record<Exclude<ActorName, 'public'>, string>;
  /** a signed-in session per actor (the public: no headers) */
  sessions: Record<ActorName, Partial<Session>>;
  /** one long-lived commitment per target, for leak checks */
  base: Record<TargetName, Commitment>;
  /** a fresh, assigned commitment of the target's department */
  commitment(target: TargetName, patch?: Partial<Commitment>): Promise<Commitment>;
  /** a report of the commitment's lead department */
  report(c: Commitment, state: ProgressReport['state'], period?: string): Promise<ProgressReport>;
  evidence(r: ProgressReport): Promise<string>;
  user(target: TargetName): Promise<string>;
  token(target: TargetName): Promise<string>;
  regionOf(target: TargetName): string;
  deptOf(target: TargetName): string;
  planOf(target: TargetName): string;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export async function buildWorld(db: Db): Promise<World> {
  await upsertRegion(db, { code: CITY, name: '邵阳市', level: 'city', parentCode: null });
  await upsertRegion(db, { code: X, name: '双清区', level: 'county', parentCode: CITY });
  await upsertRegion(db, { code: Y, name: '大祥区', level: 'county', parentCode: CITY });
  const dept = { X1: randomUUID(), X2: randomUUID(), Y1: randomUUID() };
  await upsertDepartment(db, { id: dept.X1, regionCode: X, name: '区人社局', shortName: '人社局' });
  await upsertDepartment(db, { id: dept.X2, regionCode: X, name: '区教育局', shortName: '教育局' });
  await upsertDepartment(db, { id: dept.Y1, regionCode: Y, name: '区人社局', shortName: '人社局' });
  const plan = { X: randomUUID(), Y: randomUUID() };
  await upsertPlan(db, { id: plan.X, regionCode: X, year: 2024, title: '双清区2024', sourceDocumentId: null });
  await upsertPlan(db, { id: plan.Y, regionCode: Y, year: 2024, title: '大祥区2024', sourceDocumentId: null });
  const ctx = createContext(db, undefined, () => TODAY);
  const accounts: Record<Exclude<ActorName, 'public'>, CreateUserInput> = {
    admin: { username: 'x-admin', displayName: '双清区督查室', role: 'admin', regionCode: X },
    leader: { username: 'x-leader', displayName: '区长', role: 'leader', regionCode: X },
    reporter: { username: 'x1-reporter', displayName: '人社局填报员', role: 'reporter', regionCode: X, departmentId: dept.X1 },
    cityAdmin: { username: 'city-admin', displayName: '市督查室', role: 'admin', regionCode: CITY },
    cityLeader: { username: 'city-leader', displayName: '市长', role: 'leader', regionCode: CITY },
  };
  const app = await buildServer(ctx);
  const users = {} as World['users'];
  const sessions = { public: {} } as World['sessions'];
  for (const [name, input] of Object.entries(accounts) as [keyof typeof accounts, CreateUserInput][]) {
    users[name] = await makeUser(ctx, input);
    sessions[name] = await signIn(app, input.username);
  }

  const regionOf = (t: TargetName) => (t === 'otherRegion' ? Y : X);
  const deptOf = (t: TargetName) => (t === 'own' ? dept.X1 : t === 'otherDept' ? dept.X2 : dept.Y1);
  const planOf = (t: TargetName) => (t === 'otherRegion' ? plan.Y : plan.X);
  let n = 0;
  const commitment = async (t: TargetName, patch: Partial<Commitment> = {}) =>
    insertCommitment(db, {
      id: randomUUID(), regionCode: regionOf(t), planId: planOf(t), parentId: null, title: `城镇新增就业${++n}`, sector: '民生保障', kind: 'quantitative',
      livelihood: false, targetValue: '1200', targetValueMax: null, unit: '人', comparator: 'gte', baselineValue: null, startDate: '2024-01-01',
      deadline: '2024-12-31', leadDepartmentId: deptOf(t), coDepartmentIds: [], responsibleLeader: null, milestones: [], weight: 1,
      reportingFrequency: 'monthly', state: 'inProgress', published: false, source: null, assignedOn: null, ...patch,
    });
  const report = async (c: Commitment, state: ProgressReport['state'], period = '2024-05') =>
    insertReport(db, {
      id: randomUUID(), regionCode: c.regionCode, commitmentId: c.id, departmentId: c.leadDepartmentId!, period, cumulativeValue: '500', milestonesDone: [],
      narrative: '按计划推进', state, submittedBy: null, submittedAt: state === 'draft' ? null : new Date().toISOString(), reviewerId: null, reviewComment: null, reviewedAt: null,
    });
  const evidence = async (r: ProgressReport) => {
    const id = randomUUID();
    await insertEvidence(db, { id, regionCode: r.regionCode, reportId: r.id, filename: '佐证.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF.toString('latin1')), data: PDF });
    return id;
  };
  const user = async (t: TargetName) =>
    makeUser(ctx, { username: `u-${randomUUID().slice(0, 8)}`, displayName: '某人', role: 'reporter', regionCode: regionOf(t), departmentId: deptOf(t) });
  const token = async (t: TargetName) => {
    const userId = await user(t);
    return (await insertApiToken(db, { id: randomUUID(), regionCode: regionOf(t), userId, name: 'sys', tokenHash: sha256(newSecret('dbt_')) })).id;
  };
  const base = {
    own: await commitment('own', { published: true, title: '基准任务X1' }),
    otherDept: await commitment('otherDept', { title: '基准任务X2' }),
    otherRegion: await commitment('otherRegion', { title: '基准任务Y1' }),
  };
  return { db, ctx, app, dept, plan, users, sessions, base, commitment, report, evidence, user, token, regionOf, deptOf, planOf };
}

/** A multipart/form-data body with one file. */
export function multipartFile(filename: string, contentType: string, data: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----duban${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
