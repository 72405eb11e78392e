/** Which plan (年度) a region opens at: the year shown is kept across regions; else the year of today. */
import { describe, expect, it } from 'vitest';
import { planForYear } from '../../web/src/year.ts';

const plans = [2019, 2022, 2024, 2026].map((year) => ({ id: `p${year}`, year }));
const today = new Date('2026-12-03T10:00:00+08:00');

describe('planForYear', () => {
  it('keeps the year shown when the region has a plan of that year (a city leader switching districts)', () => {
    expect(planForYear(plans, 2022, today)?.id).toBe('p2022');
  });
  it('opens at the plan that contains today when the region has none of the year shown', () => {
    expect(planForYear(plans, 2023, today)?.id).toBe('p2026');
  });
  it('falls back to the latest plan before today, never to a future one first', () => {
    expect(planForYear([...plans, { id: 'p2027', year: 2027 }].filter((p) => p.year !== 2026), 2025, today)?.id).toBe('p2024');
    expect(planForYear([{ id: 'p2027', year: 2027 }], 2025, today)?.id).toBe('p2027');
    expect(planForYear([], 2025, today)).toBeUndefined();
  });
});
