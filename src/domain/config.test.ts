import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives the city defaults: yellow from 10 points, red beyond 30, monthly reports by the 5th', () => {
    const c = loadConfig();
    expect(c).toEqual(DEFAULT_CONFIG);
    expect([c.yellowLagPoints, c.redLagPoints, c.reportDueDays.monthly, c.dueSoonDays]).toEqual([10, 30, 5, 3]);
  });
  it('merges nested overrides field by field', () => {
    const c = loadConfig({ reportDueDays: { monthly: 10 }, assessmentWeights: { returned: 0.5 } });
    expect(c.reportDueDays).toEqual({ weekly: 1, monthly: 10, quarterly: 10 });
    expect(c.assessmentWeights).toEqual({ completion: 0.6, timeliness: 0.3, returned: 0.5 });
    expect(DEFAULT_CONFIG.reportDueDays.monthly).toBe(5); // defaults untouched
  });
  it('refuses unknown keys, wrong types and a yellow line above the red one', () => {
    expect(() => loadConfig({ yellowLag: 5 })).toThrow();
    expect(() => loadConfig({ redLagPoints: '30' })).toThrow();
    expect(() => loadConfig({ yellowLagPoints: 40 })).toThrow(/黄色阈值/);
    expect(() => loadConfig({ countedReportStates: ['approved'] })).toThrow();
    expect(() => loadConfig({ assessmentWeights: { completion: 0, timeliness: 0, returned: 0 } })).toThrow(/考核权重/);
  });
});
