/**
 * Text preparation for extraction: a cleaned copy of the document with an offset map back to
 * the original, so rules read one logical line per paragraph while claims keep offsets into
 * the original text.
 *
 * - full-width digits and ％ become ASCII (same length);
 * - spaces inside Chinese text are dropped (`再 就 业 4053 人` → `再就业4053人`), kept between two
 *   ASCII letters/digits;
 * - hard line breaks inside sentences (PDF / newspaper layout) are joined when the document is
 *   hard-wrapped; other line breaks stay paragraph breaks.
 * Linear in the input length.
 */
import { toHalfWidth } from '../quantity.ts';

export interface CleanText {
  /** the cleaned text; '\n' separates paragraphs */
  text: string;
  /** offset map: clean position segStart[k] corresponds to original position segOrig[k] */
  segStart: number[];
  segOrig: number[];
  /** original length */
  originalLength: number;
}

/** Maps a position in the cleaned text back to the original text. */
export function toOriginal(ct: CleanText, pos: number): number {
  const s = ct.segStart;
  if (s.length === 0) return Math.min(pos, ct.originalLength);
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(ct.segOrig[lo] + (pos - s[lo]), ct.originalLength);
}

const TERMINAL = /[。！？!?；;…：:]$|[。！？!?]["”’』」)）]$/;
const LIST_OR_MARK = /^[◆■●▲★☆◇□※【〔（(一二三四五六七八九十\d]/;
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Is the document hard-wrapped (newspaper/PDF layout: many short lines ending mid-sentence)? */
function isHardWrapped(src: string): { wrapped: boolean; width: number } {
  const histogram = new Uint32Array(42); // line lengths 1..40, 41 = longer
  let lines = 0;
  let short = 0;
  for (let start = 0; start < src.length; ) {
    let end = src.indexOf('\n', start);
    if (end < 0) end = src.length;
    let a = start;
    let b = end;
    while (a < b && src.charCodeAt(a) <= 0x20) a++;
    while (b > a && (src.charCodeAt(b - 1) <= 0x20 || src.charCodeAt(b - 1) === 0x3000)) b--;
    const len = b - a;
    if (len > 0) {
      lines++;
      histogram[Math.min(len, 41)]++;
      if (len >= 6 && len <= 40 && !TERMINAL.test(src.slice(Math.max(a, b - 2), b))) short++;
    }
    start = end + 1;
  }
  if (lines < 12) return { wrapped: false, width: 0 };
  // the 75th percentile of line lengths
  let seen = 0;
  let width = 41;
  for (let len = 1; len <= 41; len++) {
    seen += histogram[len];
    if (seen >= lines * 0.75) {
      width = len;
      break;
    }
  }
  return { wrapped: short >= 10 && short / lines >= 0.45 && width <= 40, width };
}

/** Builds the cleaned text and its offset map. */
export function cleanText(original: string): CleanText {
  const src = String(original);
  // line structure of the original, for deciding which breaks are soft
  const { wrapped, width } = isHardWrapped(src);
  const parts: string[] = [];
  const segStart: number[] = [];
  const segOrig: number[] = [];
  let outLen = 0;
  const emit = (s: string, orig: number) => {
    if (!s) return;
    segStart.push(outLen);
    segOrig.push(orig);
    parts.push(s);
    outLen += s.length;
  };
  // whitespace runs, and full-width digits/signs (converted in the same pass, same length);
  // text is copied in slices and a run is replaced only when it changes, so most line breaks cost nothing
  const WS = /[ \t\r\n\u00a0\u3000\u2002\u2003\u200b\ufeff]+|[０-９．％－]+/g;
  let last = 0; // start of the pending unchanged slice
  let lineStartOrig = 0; // start of the current physical line in the original
  const replace = (at: number, end: number, by: string) => {
    emit(src.slice(last, at), last);
    emit(by, at);
    last = end;
  };
  for (let m = WS.exec(src); m; m = WS.exec(src)) {
    const at = m.index;
    const run = m[0];
    const end = at + run.length;
    if (run.charCodeAt(0) >= 0xff00) {
      replace(at, end, toHalfWidth(run));
      continue;
    }
    const newlines = countNewlines(run);
    if (newlines === 0) {
      const keep = isAsciiAlnum(src.charCodeAt(at - 1)) && isAsciiAlnum(src.charCodeAt(end));
      if (!(keep && run === ' ')) replace(at, end, keep ? ' ' : '');
      continue;
    }
    const lineStart = lineStartOrig;
    lineStartOrig = at + run.lastIndexOf('\n') + 1;
    if (end < src.length && wrapped) {
      const prevLine = src.slice(lineStart, at).trim();
      if (prevLine && !TERMINAL.test(prevLine) && !/^[◆■●▲★【]/.test(prevLine)) {
        // a soft break: continue the sentence on the next line
        const nextChar = src[end];
        if (newlines === 1 && !/^[◆■●▲★【]/.test(nextChar)) {
          replace(at, end, '');
          continue;
        }
        // across a blank line only when the line clearly stopped mid-sentence
        if (/[，,、（(“《]$/.test(prevLine) || (prevLine.length >= width - 1 && !LIST_OR_MARK.test(nextChar))) {
          replace(at, end, '');
          continue;
        }
      }
    }
    // a paragraph break: kept as written when it is only line feeds
    if (!/^\n+$/.test(run)) replace(at, end, '\n'.repeat(newlines));
  }
  emit(src.slice(last), last);
  return { text: parts.join(''), segStart, segOrig, originalLength: src.length };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
