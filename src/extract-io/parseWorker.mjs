// Entry of a parse-pool worker thread (parsePool.ts): a worker does not inherit the main thread's
// TypeScript loader, so it registers tsx itself, as bin/duban.mjs does, then serves parseWorker.ts.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./parseWorker.ts');
export const { xlsxGrid, taskSheet, docxText } = tasks;
