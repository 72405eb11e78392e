import { createContext } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { SYSTEM } from '../../app/policies/principal.ts';
import { createUser } from '../../app/users/createUser.ts';
import { resetPassword } from '../../app/users/resetPassword.ts';
import { openDb } from '../../store/db.ts';
import { getUserByUsername, listUsers, presentUser } from '../../store/users.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const usage = `duban user add --username NAME --name 姓名 --role admin|leader|reporter --region CODE [--department ID]
duban user reset --username NAME
duban user list --region CODE

Accounts from the command line — the first 督查室 (admin) account of a region is made this way;
after that the office creates accounts in the app. \`add\` and \`reset\` print a one-time password
that must be changed at the first sign-in (reset also lifts a lockout).`;

const command: Command = {
  name: 'user',
  summary: 'add, reset or list accounts',
  usage,
  async run(argv) {
    const { options, positionals } = parseArgs(argv, { string: ['username', 'name', 'role', 'region', 'department'] });
    const [action] = positionals;
    if (!action || !['add', 'reset', 'list'].includes(action)) throw new UsageError(usage);
    const db = await openDb();
    const ctx = createContext(db);
    try {
      if (action === 'list') {
        if (typeof options.region !== 'string') throw new UsageError('--region CODE is required / 请用 --region 指定行政区');
        for (const u of (await listUsers(db, [options.region])).map(presentUser))
          console.log([u.username, u.role, u.displayName, u.departmentId ?? '', u.mustChangePassword ? '(must change password)' : '', u.lockedUntil ? `(locked until ${u.lockedUntil})` : ''].join('\t').trimEnd());
        return 0;
      }
      if (typeof options.username !== 'string') throw new UsageError('--username is required / 请用 --username 指定登录名');
      if (action === 'reset') {
        const u = await getUserByUsername(db, options.username);
        if (!u) throw new UsageError(`no account ${options.username} / 账号不存在`);
        const { initialPassword } = await resetPassword(ctx, { actor: SYSTEM, id: u.id });
        console.log(`one-time password for ${u.username} / 初始密码: ${initialPassword}`);
        return 0;
      }
      const { user, initialPassword } = await createUser(ctx, {
        actor: SYSTEM,
        input: {
          username: options.username, displayName: typeof options.name === 'string' ? options.name : options.username,
          role: options.role as 'admin', regionCode: options.region as string, departmentId: (options.department as string) ?? null,
        },
      });
      console.log(`created ${user.username} (${user.role}, ${user.regionCode}); one-time password / 初始密码: ${initialPassword}`);
      return 0;
    } catch (e) {
      if (e instanceof AppError) throw new UsageError(e.message);
      if ((e as { name?: string }).name === 'ZodError') throw new UsageError(`invalid input / 输入有误: ${(e as Error).message}`);
      throw e;
    } finally {
      await db.close();
    }
  },
};
export default command;
