/**
 * Which commitments the overview and lists count: those under supervision. An imported draft
 * (立项草稿, not yet confirmed and assigned) or a cancelled one is not behind schedule, so it
 * is left out of counts and lists unless asked for. Counts use the server's own `summarize`.
 */
import { summarize } from '../../src/app/summary.ts';
import type { EvaluatedCommitment, Summary } from './model.ts';

export const isSupervised = (c: Pick<EvaluatedCommitment, 'state'>) => c.state !== 'draft' && c.state !== 'cancelled';

export function summarizeSupervised(items: EvaluatedCommitment[]): Summary {
  return summarize(items.filter(isSupervised) as Parameters<typeof summarize>[0]);
}
