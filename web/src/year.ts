/** The year (年度) the pages show. */

/**
 * The plan a region opens at: the one of the year shown (kept when switching regions), else the
 * one of the current year (the plan that contains today), else the latest before it, else the latest.
 */
export function planForYear<P extends { year: number }>(plans: readonly P[], year: number, today = new Date()): P | undefined {
  const sorted = [...plans].sort((a, b) => b.year - a.year);
  const now = today.getFullYear();
  return sorted.find((p) => p.year === year) ?? sorted.find((p) => p.year === now) ?? sorted.find((p) => p.year < now) ?? sorted[0];
}
