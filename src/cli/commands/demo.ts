import { createContext } from '../../app/context.ts';
import { loadDemo } from '../../demo/loadDemo.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, type Command } from '../command.ts';
import { startServer } from './serve.ts';

const command: Command = {
  name: 'demo',
  summary: 'load the sample districts (idempotent) and serve',
  usage: 'duban demo [--load-only] [--port 3000] [--host 127.0.0.1]\n\nLoads four sample districts (盐湖区, 双清区, 荷塘区, 湘东区) with plans, departments, reports, projects and indicators, then serves. Loading twice changes nothing.',
  async run(argv) {
    const { options } = parseArgs(argv, { boolean: ['load-only'], string: ['port', 'host'] });
    const db = await openDb();
    try {
      const summary = await loadDemo(createContext(db), { onProgress: (m) => console.log(m) });
      console.log(summary);
    } finally {
      await db.close();
    }
    if (options['load-only']) return 0;
    await startServer(options);
    return -1;
  },
};
export default command;
