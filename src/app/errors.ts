/**
 * The one error type of duban's use cases. `code` is machine-readable; the message is given in
 * Chinese and English; `status` is the HTTP status the edge answers with.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly status = 400,
    readonly details?: unknown,
  ) {
    super(`${zh} / ${en}`);
  }
}

export const notFound = (what: string, zhWhat: string) => new AppError('not_found', `${zhWhat}不存在`, `${what} not found`, 404);
export const conflict = (what: string) =>
  new AppError('version_conflict', '数据已被他人修改，请刷新后重试', `${what} was changed by someone else; reload and retry`, 409);
