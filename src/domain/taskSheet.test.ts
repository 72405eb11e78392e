import { describe, expect, it } from 'vitest';
import { parseSheetValue, validateTaskSheet, type TaskSheetRow } from './taskSheet.ts';
import { buildCommitment, CO_DEPT, LEAD_DEPT } from './factories.ts';

describe('task sheet values', () => {
  it.each<[string | number, string | null, string]>([
    [3685, '人', '3685'],
    ['1,234', '人', '1234'],
    ['１２３４', '人', '1234'],
    ['１，２３４．５', '人', '1234.5'],
    ['1.2万', '人', '12000'],
    ['3685人', '人', '3685'],
    ['1.2亿', '万元', '12000'],
    ['2.5万元', '万元', '2.5'],
    ['3000', '万元', '3000'],
    ['1公顷', '亩', '15'],
    ['105.5', '%', '105.5'],
    ['一百四十', '个', '140'],
    ['两万人', '人', '20000'],
  ])('%s in %s → %s', (raw, unit, value) => expect(parseSheetValue(raw, unit)).toEqual({ value }));

  it('refuses text that is no number and a unit of another base', () => {
    expect(parseSheetValue('约三千', '人')).toHaveProperty('error.zh');
    expect(parseSheetValue('三四个', '个')).toHaveProperty('error.zh');
    expect(parseSheetValue('12个', '人')).toMatchObject({ error: { zh: expect.stringContaining('不一致'), en: expect.stringContaining('does not match') } });
    expect(parseSheetValue('1.2万', null)).toHaveProperty('error');
  });
});

describe('validateTaskSheet', () => {
  const mine = buildCommitment({ title: '城镇新增就业3500人以上' });
  const other = buildCommitment({ title: '改造老旧小区12个', unit: '个', leadDepartmentId: CO_DEPT, coDepartmentIds: [] });
  const closed = buildCommitment({ title: '已办结任务', state: 'closed' });
  const second = buildCommitment({ title: '失业人员再就业1000人' });
  const commitments = new Map([mine, other, closed, second].map((c) => [c.id, c]));
  const row = (n: number, o: Partial<TaskSheetRow>): TaskSheetRow => ({ row: n, commitmentId: mine.id, title: mine.title, unit: '人', value: null, narrative: '', ...o });
  const run = (rows: TaskSheetRow[]) => validateTaskSheet({ regionCode: '140802', departmentId: LEAD_DEPT, rows, commitments });

  it('turns filled rows into entries and skips empty ones', () => {
    const { entries, errors } = run([row(5, { value: '1,800', narrative: '按计划推进' }), row(6, { commitmentId: closed.id })]);
    expect(errors).toEqual([]);
    expect(entries).toEqual([{ row: 5, commitmentId: mine.id, cumulativeValue: '1800', narrative: '按计划推进' }]);
  });

  it('reports each bad row with row, column and reason in Chinese and English', () => {
    const { errors } = run([
      row(5, { value: 'abc' }),
      row(6, { commitmentId: other.id, unit: '个', value: '3' }),
      row(7, { commitmentId: closed.id, value: '1' }),
      row(8, { commitmentId: null, value: '1' }),
      row(9, { commitmentId: second.id, value: '10', unit: '万人' }),
    ]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [5, 'G 本期累计完成值'],
      [6, 'B 目标任务'],
      [7, 'B 目标任务'],
      [8, 'I 任务编号'],
      [9, 'D 单位'],
    ]);
    expect(errors.every((e) => e.zh && e.en)).toBe(true);
  });

  it('refuses the same task twice', () => {
    const { errors } = run([row(5, { value: '1' }), row(6, { value: '2' })]);
    expect(errors).toMatchObject([{ row: 6, column: 'I 任务编号', zh: expect.stringContaining('第5行') }]);
  });
});
