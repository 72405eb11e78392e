/** Region scope rules shared by the entity policies, and the answers a refusal gives. */
import { AppError, notFound } from '../errors.ts';
import type { Principal } from './principal.ts';

/** May read data of `regionCode`: its own region, or (admin, leader) a region below it. */
export const readsRegion = (p: Principal, regionCode: string): boolean => p.system === true || p.regionCodes.includes(regionCode);

/** Acts (writes) in `regionCode`: only its own region — a city's office reads its districts read-only. */
export const writesRegion = (p: Principal, regionCode: string): boolean => p.system === true || p.regionCode === regionCode;

export const isAdminOf = (p: Principal, regionCode: string): boolean => p.system === true || (p.role === 'admin' && writesRegion(p, regionCode));

export const signedIn = (p: Principal): boolean => p.system === true || (p.id !== null && p.role !== 'public');

export const unauthorized = () => new AppError('unauthorized', '请先登录', 'sign in first', 401);
export const forbidden = (zh = '无权执行此操作', en = 'you may not do this') => new AppError('forbidden', zh, en, 403);

/**
 * Throws unless `allowed`: 401 for the public, 404 when the actor may not even know the thing
 * exists (`visible` false), else 403.
 */
export function authorize(p: Principal, allowed: boolean, visible: boolean, what: [en: string, zh: string]): void {
  if (allowed) return;
  if (!signedIn(p)) throw unauthorized();
  if (!visible) throw notFound(what[0], what[1]);
  throw forbidden();
}

/** 401 unless signed in. */
export function requireSignedIn(p: Principal): void {
  if (!signedIn(p)) throw unauthorized();
}

/** The regions of a list request the actor may read: 401 for the public, 403 outside its scope. */
export function requireReadRegions(p: Principal, codes: string[]): void {
  requireSignedIn(p);
  if (p.system === true) return;
  const readable = new Set(p.regionCodes); // a province's hundreds of codes: linear, not codes × regions
  if (!codes.every((c) => readable.has(c))) throw forbidden('无权查看该行政区', 'you may not read this region');
}
