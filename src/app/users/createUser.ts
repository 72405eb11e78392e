import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../store/audit.ts';
import { getDepartment, getRegion } from '../../store/regions.ts';
import { getUserByUsername, insertUser, presentUser } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkPasswordRules, generateInitialPassword, hashPassword } from '../auth/secrets.ts';
import { principalOf } from '../policies/principal.ts';
import { authorize } from '../policies/scope.ts';
import { userPolicy } from '../policies/users.ts';
import type { Actor } from '../../store/audit.ts';
import { CreateUserInput } from './input.ts';

/**
 * Creates an account in the office's region. Without `password` a one-time initial password is
 * generated and returned once; the user must change it at first login. With `password` (demo
 * loader, CLI: system actor only) the account is ready to use.
 */
export async function createUser(
  ctx: AppContext,
  options: { actor: Actor; input: CreateUserInput; password?: string },
): Promise<{ user: ReturnType<typeof presentUser>; initialPassword: string | null }> {
  const actor = principalOf(options.actor);
  const input = CreateUserInput.parse(options.input);
  const regionCode = input.regionCode ?? actor.regionCode;
  if (!regionCode) throw new AppError('region_required', '请指定行政区', 'regionCode is required');
  authorize(actor, userPolicy.manage(actor, { regionCode }), true, ['region', '行政区']);
  if (options.password !== undefined && !actor.system)
    throw new AppError('forbidden', '只能由系统设定密码', 'only the system may set a password directly', 403);
  if (input.role === 'reporter' && !input.departmentId)
    throw new AppError('department_required', '填报员须指定所属单位', 'a reporter needs a department');
  if (input.role !== 'reporter' && input.departmentId)
    throw new AppError('department_not_allowed', '只有填报员属于单位', 'only reporters belong to a department');
  const password = options.password ?? generateInitialPassword();
  checkPasswordRules(password);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    if (!(await getRegion(tx, regionCode))) throw new AppError('region_not_found', `行政区 ${regionCode} 不存在`, `region ${regionCode} not found`, 404);
    if (input.departmentId) {
      const d = await getDepartment(tx, input.departmentId);
      if (!d) throw new AppError('department_not_found', '单位不存在', 'department not found');
      if (d.regionCode !== regionCode) throw new AppError('department_other_region', '所选单位不属于本行政区', 'the department belongs to another region');
    }
    // names compare in NFKC and lower case: "ZhangSan" and "ｚｈａｎｇｓａｎ" are taken once "zhangsan" is
    const taken = () => new AppError('username_taken', `登录名“${input.username}”已被使用`, `username "${input.username}" is taken`, 409);
    if (await getUserByUsername(tx, input.username)) throw taken();
    const stored = await insertUser(tx, {
      id: randomUUID(), regionCode, username: input.username, displayName: input.displayName, role: input.role, departmentId: input.departmentId,
      passwordHash, mustChangePassword: options.password === undefined,
    }).catch((e: { code?: string }) => {
      throw e.code === '23505' ? taken() : e; // the same name created at the same moment
    });
    const user = presentUser(stored);
    await appendAudit(tx, { regionCode, actor, action: 'user.create', entity: 'user', entityId: stored.id, after: user });
    return { user, initialPassword: options.password === undefined ? password : null };
  });
}
