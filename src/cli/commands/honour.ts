import { createContext } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { listHonours } from '../../app/honours/listHonours.ts';
import { recordHonour } from '../../app/honours/recordHonour.ts';
import { removeHonour } from '../../app/honours/removeHonour.ts';
import { SYSTEM_ACTOR } from '../../app/workflow/access.ts';
import { HONOUR_LEVEL_LABELS, HONOUR_LEVELS, type HonourLevel } from '../../domain/types.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const usage = `duban honour add --region CODE --year YYYY --title 荣誉名称 --level national|provincial|city|county [--recipient 获评对象] [--sector 领域] [--awarded-by 授予单位]
duban honour list --region CODE [--year YYYY]
duban honour remove ID

荣誉/表彰 the region (or one of its units: --recipient 解州派出所) received in a year. The year's
工作纪实 names them: in the section of --sector (e.g. 社会治理, 文化旅游), or in its opening when
no sector is given. Levels: national 国家级, provincial 省级, city 市级, county 区县级.`;

const command: Command = {
  name: 'honour',
  summary: 'record, list or remove honours (荣誉表彰)',
  usage,
  async run(argv) {
    const { options, positionals } = parseArgs(argv, { string: ['region', 'year', 'title', 'level', 'recipient', 'sector', 'awarded-by'] });
    const [action, id] = positionals;
    if (!action || !['add', 'list', 'remove'].includes(action)) throw new UsageError(usage);
    if (action !== 'remove' && typeof options.region !== 'string') throw new UsageError('--region CODE is required / 请用 --region 指定行政区划代码');
    if (options.year !== undefined && (typeof options.year !== 'string' || !/^\d{4}$/.test(options.year))) throw new UsageError('--year YYYY / 年份应为四位数字');
    if (action === 'add') {
      if (typeof options.year !== 'string') throw new UsageError('--year YYYY is required / 请用 --year 指定年份');
      if (typeof options.title !== 'string') throw new UsageError('--title is required / 请用 --title 指定荣誉名称');
      if (!HONOUR_LEVELS.includes(options.level as HonourLevel)) throw new UsageError(`--level ${HONOUR_LEVELS.join('|')} is required / 请用 --level 指定级别`);
    }
    if (action === 'remove' && !id) throw new UsageError('duban honour remove ID / 请给出荣誉的 ID（duban honour list 可查）');
    const db = await openDb();
    const ctx = createContext(db);
    const str = (k: string) => (typeof options[k] === 'string' ? (options[k] as string) : null);
    try {
      if (action === 'add') {
        const h = await recordHonour(ctx, {
          actor: SYSTEM_ACTOR,
          input: { region: options.region as string, year: Number(options.year), title: options.title as string, level: options.level as HonourLevel, recipient: str('recipient'), sector: str('sector'), awardedBy: str('awarded-by') },
        });
        console.log(`recorded ${h.id}: ${h.year} ${HONOUR_LEVEL_LABELS[h.level]} ${h.recipient ?? ''}${h.title}`);
      } else if (action === 'list') {
        const rows = await listHonours(ctx, { actor: SYSTEM_ACTOR, region: options.region as string, year: options.year ? Number(options.year) : undefined });
        for (const h of rows) console.log([h.id, h.year, HONOUR_LEVEL_LABELS[h.level], h.recipient ?? '—', h.title, h.sector ?? '—', h.awardedBy ?? '—'].join('\t'));
        if (!rows.length) console.log('no honours recorded / 尚未录入荣誉');
      } else {
        if (!/^[0-9a-f-]{36}$/i.test(id!)) throw new UsageError('ID is a UUID (duban honour list) / ID 应为 UUID');
        await removeHonour(ctx, { actor: SYSTEM_ACTOR, id: id! });
        console.log(`removed ${id}`);
      }
      return 0;
    } catch (e) {
      if (e instanceof AppError) {
        console.error(`duban honour: ${e.zh} / ${e.en}`);
        return 1;
      }
      throw e;
    } finally {
      await db.close();
    }
  },
};
export default command;
