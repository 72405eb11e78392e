import { verifyAuditChain } from '../../store/audit.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const command: Command = {
  name: 'audit',
  summary: 'verify the audit trail’s hash chain',
  usage: 'duban audit verify\n\nRecomputes every region’s audit hash chain; exit 0 when intact, 1 naming each break (region, place, kind).',
  async run(argv) {
    const { positionals } = parseArgs(argv, {});
    if (positionals[0] !== 'verify' || positionals.length !== 1) throw new UsageError('usage: duban audit verify / 用法：duban audit verify');
    const db = await openDb();
    try {
      const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from audit_event');
      const broken = await verifyAuditChain(db);
      if (!broken.length) {
        console.log(`audit trail intact: ${n} events / 留痕校验链完整：${n} 条`);
        return 0;
      }
      for (const b of broken) console.error(`${b.regionCode}\t${b.chainSeq === null ? 'head' : `#${b.chainSeq} (id ${b.id})`}\t${b.problem}`);
      console.error(`audit trail altered: ${broken.length} break(s) / 留痕已被改动：${broken.length} 处断裂`);
      return 1;
    } finally {
      await db.close();
    }
  },
};
export default command;
