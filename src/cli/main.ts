/** `duban` command line: dispatches to one module per subcommand. */
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

// Each entry loads its module lazily so `duban extract` does not pay for the server's imports.
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ default: Command }> }> = {
  serve: { summary: 'start the HTTP server and web app / 启动服务', load: () => import('./commands/serve.ts') },
  demo: { summary: 'load the sample districts (idempotent) and serve / 加载示例数据并启动', load: () => import('./commands/demo.ts') },
  export: { summary: 'write a full JSON backup / 导出全部数据', load: () => import('./commands/export.ts') },
  extract: { summary: 'list quantified targets and results in work reports / 提取量化目标与成果', load: () => import('./commands/extract.ts') },
  report: { summary: 'write a 督查通报 or 年度工作纪实 (docx, md, html, xlsx) / 生成督查通报、工作纪实', load: () => import('./commands/report.ts') },
  remind: { summary: 'update supervision slips and send reminders (催办) / 督办提醒', load: () => import('./commands/remind.ts') },
  import: { summary: 'import a work report: targets → draft commitments, results → facts / 导入政府工作报告', load: () => import('./commands/import.ts') },
  reconcile: { summary: 'check a year’s commitments against what the next report says (兑现核验) / 兑现核验', load: () => import('./commands/reconcile.ts') },
  honour: { summary: 'record, list or remove the honours a year’s 纪实 names / 荣誉表彰', load: () => import('./commands/honour.ts') },
  audit: { summary: 'verify the audit trail’s hash chain (duban audit verify) / 校验留痕', load: () => import('./commands/audit.ts') },
  restore: { summary: 'restore a JSON backup into an empty database / 从备份恢复', load: () => import('./commands/restore.ts') },
  user: { summary: 'add, reset or list accounts (the first office account) / 账号管理', load: () => import('./commands/user.ts') },
  tasksheet: { summary: "export / import a department's Excel task sheet / 任务填报表导出与导入", load: () => import('./commands/tasksheet.ts') },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'duban — 督办: work-report commitments, supervision and reporting',
    '',
    'Usage: duban <command> [options]   (duban <command> --help for details)',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Environment: DATABASE_URL (PostgreSQL server; default embedded PGlite), DUBAN_DATA (PGlite data directory, default ./data), PORT, HOST',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 1;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`duban: unknown command "${name}" / 未知命令\n\n${help()}`);
    return 2;
  }
  const command = (await entry.load()).default;
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`duban ${name}: ${err.message}`);
      return 2;
    }
    const e = err as Error & { code?: string };
    console.error(`duban ${name}: ${e.message ?? e}`);
    if (process.env.DUBAN_DEBUG) console.error(e.stack);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// Servers keep the process alive themselves; everything else exits with its code.
if (code !== -1) process.exit(code);
