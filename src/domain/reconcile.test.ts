import { describe, expect, it } from 'vitest';
import { PROMISE_STATUSES, reconcile, subjectSimilarity, SUBJECT_SYNONYMS, type PromiseInput, type StatedResult } from './reconcile.ts';

const DOC = '00000000-0000-4000-8000-000000000001';
let n = 0;
const commitment = (over: Partial<PromiseInput>): PromiseInput => ({
  id: `c${++n}`, parentId: null, title: '', sector: '', kind: 'quantitative', targetValue: null, targetValueMax: null,
  unit: null, comparator: 'gte', reportedValue: null, reportedPeriod: null, ...over,
});
/** A fact as the extractor stores it, with its sentence placed in `text` (so offsets are real). */
function stated(text: { value: string }, sentence: string, subject: string, value: string, unit: string, qualifier: string | null = null): StatedResult {
  const start = text.value.length + sentence.indexOf(value);
  text.value += sentence;
  return { id: `f${++n}`, subject, value, unit, qualifier, source: { documentId: DOC, start, end: start + value.length + unit.length, sentence } };
}

describe('兑现核验 (reconcile)', () => {
  it('matches synonyms, converts units, reads comparators, and says kept / partial / missed / unmentioned', () => {
    const doc = { value: '' };
    const facts = [
      stated(doc, '全年城镇新增就业6200人。', '城镇新增就业', '6200', '人'),
      stated(doc, '完成老旧小区改造6.12万平方米。', '老旧小区改造', '6.12', '万平方米'),
      stated(doc, '城镇调查失业率3.9%。', '城镇调查失业率', '3.9', '%'),
      stated(doc, '规模工业增加值增长5.4%。', '规模工业增加值', '5.4', '%', '增长'),
      stated(doc, '因征地问题，新建垃圾中转站2座，其余推迟至明年。', '新建垃圾中转站', '2', '座'),
    ];
    doc.value += '涑水河片区农村污水治理工程建成投运。东城体育公园项目因资金原因推迟建设。';
    const cs = [
      commitment({ title: '新增城镇就业6000人以上', targetValue: '6000', unit: '人', reportedValue: '6150' }),
      commitment({ title: '改造老旧小区5万平方米', targetValue: '50000', unit: '平方米', reportedValue: '40000' }),
      commitment({ title: '城镇调查失业率控制在4.5%以内', targetValue: '4.5', unit: '%', comparator: 'lte' }),
      commitment({ title: '规上工业增加值增长6%', targetValue: '6', unit: '%' }),
      commitment({ title: '新建垃圾中转站5座', targetValue: '5', unit: '座' }),
      commitment({ title: '涑水河片区农村污水治理', kind: 'milestone' }),
      commitment({ title: '东城体育公园建设', kind: 'milestone' }),
      commitment({ title: '新建智慧停车场3处', targetValue: '3', unit: '处' }),
      commitment({ title: '高标准农田建设2万亩', targetValue: '2', unit: '万亩' }),
    ];
    const checks = reconcile(cs, facts, [{ id: DOC, text: doc.value }]);
    expect(checks.map((c) => c.status)).toEqual(['kept', 'kept', 'kept', 'partial', 'missed', 'kept', 'missed', 'unmentioned', 'unmentioned']);
    // the sentence that says so, at its offsets
    for (const c of checks.filter((x) => x.source)) expect(doc.value).toContain(c.source!.sentence);
    expect(doc.value.slice(checks[1]!.source!.start, checks[1]!.source!.end)).toBe('6.12万平方米');
    expect(checks[1]!.statedValue).toBe('61200');
    // three-way: 6200 stated against 6150 reported is consistent; 61200 against 40000 is not
    expect(checks[0]!.consistency).toBe('consistent');
    expect(checks[1]).toMatchObject({ consistency: 'statedAbove', difference: 21200 });
    expect(checks[5]!.source!.sentence).toContain('建成投运');
  });

  it('matches a result to a title that names the things it counts', () => {
    const doc = { value: '' };
    const facts = [stated(doc, '全年新建道路15条，新增停车泊位800个。', '新建道路', '15', '条')];
    const checks = reconcile(
      [commitment({ title: '新建建设路、解放路、河东街等城市道路15条', targetValue: '15', unit: '条' }), commitment({ title: '新建乡村旅游步道8条', targetValue: '8', unit: '条' })],
      facts, [{ id: DOC, text: doc.value }],
    );
    expect(checks.map((c) => [c.status, c.statedValue])).toEqual([['kept', '15'], ['unmentioned', null]]);
  });

  it('never matches a figure in another unit, and a 下降 figure counts against growth', () => {
    const doc = { value: '' };
    const facts = [stated(doc, '新建公园12个。', '新建公园', '12', '个'), stated(doc, '外贸进出口下降3.2%。', '外贸进出口', '3.2', '%', '下降')];
    const checks = reconcile(
      [commitment({ title: '新建公园面积20公顷', targetValue: '20', unit: '公顷' }), commitment({ title: '进出口总额增长5%', targetValue: '5', unit: '%' })],
      facts, [{ id: DOC, text: doc.value }],
    );
    expect(checks[0]!.factId).toBeNull();
    expect(checks[1]).toMatchObject({ status: 'partial', statedValue: '-3.2' });
  });

  it('a parent without its own mention takes its subtasks’ verdict', () => {
    const doc = { value: '' };
    const facts = [stated(doc, '改造农村厕所2000座。', '改造农村厕所', '2000', '座'), stated(doc, '新建农村区域养老中心1个。', '新建农村区域养老中心', '1', '个')];
    const parent = commitment({ title: '民生实事“暖心工程”', kind: 'qualitative' });
    const kids = [
      commitment({ parentId: parent.id, title: '改造农村厕所2000座', targetValue: '2000', unit: '座' }),
      commitment({ parentId: parent.id, title: '新建农村区域养老中心2个', targetValue: '2', unit: '个' }),
    ];
    const checks = reconcile([parent, ...kids], facts, [{ id: DOC, text: doc.value }]);
    expect(checks.map((c) => c.status)).toEqual(['partial', 'kept', 'partial']);
  });

  it('every synonym pair of the table is recognised as the same subject', () => {
    for (const [re, to] of SUBJECT_SYNONYMS) {
      const written = re.source.split('|').filter((w) => /^[\p{Script=Han}A-Za-z]+$/u.test(w));
      for (const w of written) expect(subjectSimilarity(`${w}增长`, `${to}增长`), w).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('statuses are the four documented ones', () => {
    expect([...PROMISE_STATUSES]).toEqual(['kept', 'partial', 'missed', 'unmentioned']);
  });
});
