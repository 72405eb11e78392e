/** The shape of one `duban` subcommand. Each lives in src/cli/commands/<name>.ts and is listed in main.ts. */
export interface Command {
  name: string;
  /** one line for `duban --help` */
  summary: string;
  /** full usage text for `duban <name> --help` */
  usage: string;
  /** runs the command; returns the process exit code */
  run(argv: string[]): Promise<number>;
}

/** An error whose message is shown to the user as is (no stack) with exit code 1. */
export class UsageError extends Error {}

/**
 * Parses `--flag value`, `--flag=value` and boolean `--flag` options anywhere among the
 * positional arguments (options may come before or after files).
 */
export function parseArgs(argv: string[], spec: { string?: string[]; boolean?: string[] }) {
  const strings = new Set(spec.string ?? []);
  const booleans = new Set(spec.boolean ?? []);
  const options: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('--')) { positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (booleans.has(name)) { options[name] = true; continue; }
    if (!strings.has(name)) throw new UsageError(`unknown option --${name} / 未知选项 --${name}`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value / 选项 --${name} 缺少取值`);
    options[name] = value;
  }
  return { options, positionals };
}
