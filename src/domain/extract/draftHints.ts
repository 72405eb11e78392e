/**
 * What an import proposes besides the number (立项建议): the sector (领域) a section heading belongs
 * to, the lead department the text names (由区住建局牵头, 责任单位：区教育局), and which targets
 * restate one another (a target in the summary and again in the detail). Pure, no I/O.
 */

/** Sectors offices commonly keep, with the words of headings that belong to each. */
export const SECTOR_KEYWORDS: Record<string, string[]> = {
  经济发展: ['经济', '消费', '商贸', '开放', '营商', '财政', '金融', '招商', '服务业', '市场', '外贸', '收入', '投资'],
  产业项目: ['产业', '工业', '制造', '项目', '园区', '企业', '科技', '创新', '数字'],
  城乡建设: ['城市', '城乡', '基础设施', '交通', '住房', '更新', '道路', '市政', '出行', '停车', '安居', '宜居', '建设'],
  乡村振兴: ['乡村', '农业', '农村', '粮食', '三农', '农民', '振兴'],
  生态环保: ['生态', '环境', '环保', '绿色', '污染', '节能', '低碳', '河湖', '植树', '绿化', '公园'],
  民生保障: ['民生', '实事', '就业', '社保', '养老', '为老', '保障', '救助', '托育', '残疾', '惠民', '暖心', '安心', '便民'],
  社会事业: ['教育', '医疗', '卫生', '健康', '文化', '体育', '旅游', '学校', '托班', '文体'],
  政府建设: ['政府', '法治', '政务', '作风', '廉政', '安全', '治理', '应急', '平安'],
};

/**
 * The sector of a section heading among the region's sectors (`sectors`, e.g. those its
 * commitments use; the common list above when it has none): the one whose keywords — or, for a
 * sector the list above does not know, the sector name's own two-character words — the heading
 * contains most. '' when none does: the raw heading stays in the draft's source.
 */
export function sectorOf(heading: string | null, sectors: readonly string[] = Object.keys(SECTOR_KEYWORDS)): string {
  if (!heading) return '';
  // a year (2026年主要目标任务, 2026年，我们将…) names when, never what: it is no part of a sector
  const h = heading.replace(/^[\s*＊▶►▷●○◆◇■□★☆·•√※]+/, '').replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．\s]|第[一二三四五六七八九十]+部分)\s*/, '')
    .replace(/(?:19|20)\d{2}\s*年?(?:度)?/g, '');
  if (!/[\u4e00-\u9fff]{2}/.test(h)) return '';
  let best = '';
  let bestScore = 0;
  for (const sector of sectors.length ? sectors : Object.keys(SECTOR_KEYWORDS)) {
    // a sector that names a year (one a heading once left behind) is no sector to propose
    if (/\d/.test(sector)) continue;
    if (h.includes(sector)) return sector;
    const words = SECTOR_KEYWORDS[sector] ?? pairs(sector);
    let score = 0;
    for (const w of words) if (h.includes(w)) score += w.length;
    if (score > bestScore) [best, bestScore] = [sector, score];
  }
  return best;
}

/**
 * The run-in heading an item opens with, as lists under a year's plan write them — （一）稳岗扩就业。
 * 全年城镇新增就业… → 稳岗扩就业 — or null when the line opens with none. It names the item's
 * sector better than the section heading above (2026年，我们将重点抓好以下工作：).
 */
export function runInHeading(line: string): string | null {
  const m = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])\s*([^。：:；;，,\d%％]{2,16})[。：:；;]/.exec(line);
  return m ? m[1]!.trim() : null;
}

function pairs(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** A department as the region lists it. */
export interface DepartmentName {
  id: string;
  name: string;
  shortName?: string | null;
}

/** 由…牵头 / 牵头单位：… / 责任单位：…: the department phrase the text names. */
const LEAD_PHRASE = /由([^，,。；;、（()）]{2,16}?)(?:牵头|负责|承办|组织实施)|(?:牵头单位|责任单位|牵头部门|责任部门|主责单位)[:：]\s*([^，,。；;、（()）\s]{2,16})/;

/**
 * The lead department the text around a target names (`text` from the target to the end of its
 * line), matched to the region's departments by full name, short name, or the name without the
 * region's prefix (区住建局 ↔ 住建局, XX区住房和城乡建设局 ↔ 区住房和城乡建设局); null when none.
 */
export function suggestLead(text: string, departments: readonly DepartmentName[]): string | null {
  const m = LEAD_PHRASE.exec(text);
  if (!m) return null;
  const named = (m[1] ?? m[2] ?? '').trim();
  const core = named.replace(/^(?:[\u4e00-\u9fff]{1,4}?[区县市])?/, '').replace(/^[区县市]/, '');
  let best: { id: string; len: number } | null = null;
  for (const d of departments) {
    for (const n of [d.name, d.shortName ?? '']) {
      if (n.length < 2) continue;
      const nCore = n.replace(/^(?:[\u4e00-\u9fff]{1,4}?[区县市])/, '').replace(/^[区县市]/, '');
      const hit = named === n || named.includes(n) || n.endsWith(named) || (core.length >= 2 && (nCore === core || n.endsWith(core)));
      if (hit && (!best || n.length > best.len)) best = { id: d.id, len: n.length };
    }
  }
  return best?.id ?? null;
}

/** Character-bigram Dice similarity of two phrases, in [0, 1]. */
export function similarity(a: string, b: string): number {
  const A = pairs(a);
  const B = pairs(b);
  if (!A.length || !B.length) return a === b ? 1 : 0;
  const pool = new Map<string, number>();
  for (const x of B) pool.set(x, (pool.get(x) ?? 0) + 1);
  let hit = 0;
  for (const x of A) {
    const k = pool.get(x) ?? 0;
    if (k > 0) {
      hit++;
      pool.set(x, k - 1);
    }
  }
  return (2 * hit) / (A.length + B.length);
}

/** Do two targets say the same commitment: same amount and unit, and titles that name the same thing? */
export function sameTarget(a: { value: string; unit: string | null; title: string }, b: { value: string; unit: string | null; title: string }): boolean {
  return Number(a.value) === Number(b.value) && (a.unit ?? '') === (b.unit ?? '') && similarity(stripAmount(a.title), stripAmount(b.title)) >= 0.5;
}

function stripAmount(title: string): string {
  return title.replace(/[\d.]+[^\d]*$/, '');
}
