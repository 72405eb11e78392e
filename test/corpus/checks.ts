/**
 * Companion of the corpus scorer (../shared/corpus/score.mjs) for what it does not measure: the
 * drafts an import makes of the labelled documents.
 * - `livelihoodGoals`: on 民生实事 lists read with their year, the share of list items (gold
 *   targets that are commitments) that become drafts with the right value, unit and comparator, and
 *   the share of drafts that are real commitments;
 * - `titleCheck`: whether each draft's title is one a clerk keeps — no list marker or numbering at
 *   its front, no telephone number or long digit run, the amount as written, not starting mid-word
 *   (its first characters follow a break in the sentence or open with a verb), and naming what the
 *   gold subject names (character-bigram Dice ≥ 0.34, as score.mjs).
 * Matching follows score.mjs: same value × scale and base unit, nearest by offset, one to one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftTitle } from '../../src/app/draftTitle.ts';
import { extractClaims, type Claim } from '../../src/domain/extract/extract.ts';
import { VERB_LIST } from '../../src/domain/extract/rules.ts';
import { KNOWN_UNITS } from '../../src/domain/quantity.ts';

/** Last characters of units (4个, 1.8万名): an object written after the amount follows one. */
const KNOWN_UNIT_END = new Set(KNOWN_UNITS.map((u) => u[u.length - 1]!));

export interface Gold {
  id: string;
  kind: 'result' | 'target';
  subject: string;
  value: number;
  unit: string;
  quote: string;
  qualifier?: string;
  /** false for a list's own size and totals (labelled, but not commitments of their own) */
  commitment?: boolean;
}

export interface LabelledDoc {
  name: string;
  text: string;
  gold: Gold[];
  /** plan year and kind for the project's documents (test/corpus/meta.json); none for the seeds */
  year?: number;
  kind?: string;
}

const here = fileURLToPath(new URL('.', import.meta.url));
export const projectCorpus = here;

/** The shared corpus (seeds, gold, score.mjs) next to the repository, or next to its worktree parent. */
export function sharedCorpus(): string | null {
  for (const p of [resolve(here, '../../../shared/corpus'), resolve(here, '../../../../shared/corpus')]) if (existsSync(join(p, 'score.mjs'))) return p;
  return null;
}

function readDocs(docsDir: string, goldDir: string, meta: Record<string, { year?: number; kind?: string }>): LabelledDoc[] {
  return readdirSync(docsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = basename(f, '.txt');
      const gold = readFileSync(join(goldDir, `${name}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);
      return { name, text: readFileSync(join(docsDir, f), 'utf8'), gold, ...meta[name] };
    });
}

/** The project's labelled documents, and the shared seeds when the corpus is there. */
export function labelledDocs(): LabelledDoc[] {
  const meta = JSON.parse(readFileSync(join(here, 'meta.json'), 'utf8'));
  const own = readDocs(join(here, 'docs'), join(here, 'gold'), meta);
  const shared = sharedCorpus();
  return shared ? [...readDocs(join(shared, 'seeds'), join(shared, 'gold'), {}), ...own] : own;
}

const SCALE: [string, number][] = [['亿', 1e8], ['万', 1e4]];
const SYNONYM: Record<string, string> = { 千米: '公里', 平方千米: '平方公里', 名: '人', 位: '人' };
function norm(value: number, unit: string): { v: number; u: string } {
  let v = value;
  let u = unit.replace(/％/g, '%');
  for (let again = true; again; ) {
    again = false;
    for (const [ch, f] of SCALE) if (u.startsWith(ch) && u.length > 1) [v, u, again] = [v * f, u.slice(1), true];
  }
  if (u === '成') [v, u] = [v * 10, '%'];
  return { v, u: SYNONYM[u] ?? u };
}
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Gold items matched to claims (score.mjs's rule): gold index → claim. */
export function match(doc: LabelledDoc, claims: Claim[]): Map<number, Claim> {
  const out = new Map<number, Claim>();
  const used = new Set<Claim>();
  const seen = new Map<string, number>();
  doc.gold.forEach((g, i) => {
    const n = seen.get(g.quote) ?? 0;
    seen.set(g.quote, n + 1);
    let at = -1;
    for (let k = 0; k <= n; k++) at = doc.text.indexOf(g.quote, at + 1);
    const start = at + Math.max(0, g.quote.indexOf(String(g.value)));
    const gn = norm(g.value, g.unit);
    let best: Claim | null = null;
    for (const c of claims) {
      if (used.has(c)) continue;
      const cn = norm(c.value, c.unit);
      if (cn.u !== gn.u || !same(cn.v, gn.v)) continue;
      if (!best || Math.abs(c.start - start) < Math.abs(best.start - start)) best = c;
    }
    if (best) {
      used.add(best);
      out.set(i, best);
    }
  });
  return out;
}

/** The comparator an import should give a gold target, from its qualifier (a bare target is a floor). */
function expectedComparator(g: Gold): string {
  const q = g.qualifier ?? '';
  if (/以内|以下|不超过|不高于|控制在/.test(q)) return 'lte';
  if (/左右|上下/.test(q)) return 'approx';
  return 'gte';
}

export function livelihoodGoals(docs: LabelledDoc[]): { items: number; itemsDrafted: number; drafts: number; realDrafts: number } {
  let items = 0;
  let itemsDrafted = 0;
  let drafts = 0;
  let realDrafts = 0;
  for (const doc of docs.filter((d) => d.kind === 'livelihoodList')) {
    const claims = extractClaims(doc.text, { year: doc.year });
    const matched = match(doc, claims);
    const drafted = claims.filter((c) => c.kind === 'target' && c.commitment);
    const real = new Set<Claim>();
    doc.gold.forEach((g, i) => {
      if (g.kind !== 'target' || g.commitment === false) return;
      items++;
      const c = matched.get(i);
      if (!c) return;
      real.add(c);
      const comparator = c.comparator ?? 'gte';
      if (c.kind === 'target' && c.commitment && comparator === expectedComparator(g)) itemsDrafted++;
    });
    drafts += drafted.length;
    realDrafts += drafted.filter((c) => real.has(c)).length;
  }
  return { items, itemsDrafted, drafts, realDrafts };
}

const MARKER_START = /^[*＊▶►▷●○◆◇■□★☆·•√※\-、，,。；;：:）)]|^\d{1,2}[.、．)）]|^[(（][一二三四五六七八九十\d]{1,3}[)）]|^[一二三四五六七八九十]{1,3}[、是要]/;
const BREAK_BEFORE = /[\s，,。；;：:、（(“”"*＊▶►▷●○◆◇■□★☆·•√※\d.．]|^$/;

export interface TitleProblem {
  doc: string;
  title: string;
  reason: string;
}

/** Titles of the drafts made from matched gold targets, with the problems found (see the file comment). */
export function titleCheck(docs: LabelledDoc[]): { titles: number; good: number; problems: TitleProblem[] } {
  let titles = 0;
  const problems: TitleProblem[] = [];
  for (const doc of docs) {
    const claims = extractClaims(doc.text, { year: doc.year });
    const matched = match(doc, claims);
    doc.gold.forEach((g, i) => {
      const c = matched.get(i);
      if (g.kind !== 'target' || g.commitment === false || !c || c.kind !== 'target' || !c.commitment) return;
      titles++;
      const title = draftTitle(c, claims);
      const reason = titleProblem(title, c, g);
      if (reason) problems.push({ doc: doc.name, title, reason });
    });
  }
  return { titles, good: titles - problems.length, problems };
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out.length ? out : [s];
}
function dice(a: string, b: string): number {
  const A = bigrams(a);
  const pool = bigrams(b);
  const total = A.length + pool.length;
  let hit = 0;
  for (const x of A) {
    const k = pool.indexOf(x);
    if (k >= 0) {
      hit++;
      pool.splice(k, 1);
    }
  }
  return (2 * hit) / total;
}

function titleProblem(title: string, c: Claim, g: Gold): string | null {
  if (MARKER_START.test(title)) return 'starts with a list marker or numbering';
  if (/\d{7,}/.test(title)) return 'contains a telephone number or long digit run';
  if (!title.includes(c.valueText)) return 'does not state the amount';
  const words = title.slice(0, title.lastIndexOf(c.valueText));
  if (words.length >= 2 && !VERB_LIST.some((v) => words.startsWith(v))) {
    // the title's opening must follow a break in the sentence (or the sentence start) where it is written
    // some place where the opening is written follows a break, a function word, an actor or time
    // word's end, or the amount (4个老年助餐点 → 老年助餐点4个)
    const opening = words.slice(0, 2);
    let prev = '';
    let ok = false;
    for (let at = c.sentence.indexOf(opening); at >= 0 && !ok; at = c.sentence.indexOf(opening, at + 1)) {
      prev = c.sentence[at - 1] ?? '';
      ok = at === 0 || BREAK_BEFORE.test(prev) || c.sentence.startsWith('其中', at - 2) || /[的对为在向给将要和及与把区县市镇村乡年月日度争保计划有]/.test(prev) || KNOWN_UNIT_END.has(prev);
    }
    if (!ok && c.sentence.includes(opening)) return `starts mid-word (after "${prev}")`;
  }
  if (dice(words, g.subject) < 0.34) return `does not name "${g.subject}"`;
  return null;
}

/** Runs score.mjs over `set` (each document read with its plan year); returns its summary numbers. */
export function score(set: LabelledDoc[]): { f1: number; strict: number; kind: number; subject: number; line: string } {
  const dir = mkdtempSync(join(tmpdir(), 'duban-corpus-'));
  try {
    const docsDir = join(dir, 'docs');
    const goldDir = join(dir, 'gold');
    mkdirSync(docsDir, { recursive: true });
    mkdirSync(goldDir, { recursive: true });
    const lines: string[] = [];
    for (const d of set) {
      writeFileSync(join(docsDir, `${d.name}.txt`), d.text);
      writeFileSync(join(goldDir, `${d.name}.jsonl`), d.gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
      for (const c of extractClaims(d.text, { year: d.year })) {
        lines.push(JSON.stringify({ doc: d.name, kind: c.kind, subject: c.subject, value: c.value, unit: c.unit, start: c.start }));
      }
    }
    const pred = join(dir, 'pred.jsonl');
    writeFileSync(pred, lines.join('\n') + '\n');
    const out = execFileSync(process.execPath, [join(sharedCorpus()!, 'score.mjs'), '--docs', docsDir, '--gold', goldDir, '--pred', pred], { encoding: 'utf8' });
    const line = out.trim().split('\n').pop() ?? '';
    const num = (re: RegExp) => Number(re.exec(line)?.[1]);
    return { f1: num(/^F1 ([\d.]+)/), strict: num(/strict-F1 ([\d.]+)/), kind: num(/kind-acc ([\d.]+)/), subject: num(/subject-ok ([\d.]+)/), line };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

