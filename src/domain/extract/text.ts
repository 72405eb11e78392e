/**
 * Text preparation for extraction: a cleaned copy of the document with an offset map back to
 * the original, so rules read one logical line per paragraph while claims keep offsets into
 * the original text.
 *
 * - full-width digits and ％ become ASCII (same length);
 * - traditional characters become simplified ones (個 → 个, 萬 → 万; same length, hant.ts);
 * - spaces inside Chinese text are dropped (`再 就 业 4053 人` → `再就业4053人`), kept between two
 *   ASCII letters/digits;
 * - hard line breaks inside sentences (PDF / newspaper layout) are joined when the document is
 *   hard-wrapped; other line breaks stay paragraph breaks.
 * Linear in the input length.
 */
import { CHINESE_NUMERAL_CHARS, toHalfWidth } from '../quantity.ts';
import { SIMPLIFIED_OF } from './hant.ts';

export interface CleanText {
  /** the cleaned text; '\n' separates paragraphs */
  text: string;
  /** offset map: clean position segStart[k] corresponds to original position segOrig[k] */
  segStart: number[];
  segOrig: number[];
  /** original length */
  originalLength: number;
  /**
   * Positions in `text` found in the same pass, so extraction need not scan the text again:
   * every ASCII digit and Chinese numeral character; every clause or sentence delimiter
   * (CLAUSE_DELIMITERS, SENTENCE_DELIMITERS; line breaks are not listed); every sentence delimiter.
   */
  numerals: Int32Array;
  delimiters: Int32Array;
  sentenceDelimiters: Int32Array;
}

/** Scratch buffers for the position lists, reused by every call (copied out at the end). */
let numeralBuf = new Int32Array(4096);
let delimiterBuf = new Int32Array(4096);
let sentenceBuf = new Int32Array(1024);
/** Node's Buffer, when the extractor runs under Node (it also runs in a browser without it). */
const NodeBuffer = (globalThis as { Buffer?: { from(s: string, enc: 'utf16le'): Uint8Array } }).Buffer;

/**
 * The text's UTF-16 code units as a typed array: reading them in a loop is cheaper than charCodeAt
 * on a string. Under Node one native copy; elsewhere a plain loop.
 */
function utf16Units(src: string): Uint16Array {
  if (NodeBuffer) {
    const bytes = NodeBuffer.from(src, 'utf16le');
    if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, src.length);
  }
  const units = new Uint16Array(src.length);
  for (let i = 0; i < src.length; i++) units[i] = src.charCodeAt(i);
  return units;
}

function grown(buf: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(buf.length * 2);
  bigger.set(buf);
  return bigger;
}

/** Characters that end a clause (not a sentence). */
export const CLAUSE_DELIMITERS = '，,：:—';
/** Characters that end a sentence (and a clause); a line break ends one too. */
export const SENTENCE_DELIMITERS = '。！？!?；;';

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

/** Run classes by code: whitespace, and full-width digits and signs (converted, same length). */
const WHITESPACE = 1;
const FULL_WIDTH = 2;
/** single characters whose positions are listed (see CleanText) */
const NUMERAL = 3;
const CLAUSE_DELIMITER = 4;
const SENTENCE_DELIMITER = 5;
/** a traditional character (converted to simplified, same length) */
const TRADITIONAL = 6;
const RUN_CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (SIMPLIFIED_OF[c] !== 0) RUN_CLASS[c] = TRADITIONAL;
for (const c of [0x20, 0x09, 0x0d, 0x0a, 0xa0, 0x3000, 0x2002, 0x2003, 0x200b, 0xfeff]) RUN_CLASS[c] = WHITESPACE;
for (const ch of '０１２３４５６７８９．％－') RUN_CLASS[ch.charCodeAt(0)] = FULL_WIDTH;
for (let c = 0x30; c <= 0x39; c++) RUN_CLASS[c] = NUMERAL;
for (const ch of CHINESE_NUMERAL_CHARS) RUN_CLASS[ch.charCodeAt(0)] = NUMERAL;
for (const ch of CLAUSE_DELIMITERS) RUN_CLASS[ch.charCodeAt(0)] = CLAUSE_DELIMITER;
for (const ch of SENTENCE_DELIMITERS) RUN_CLASS[ch.charCodeAt(0)] = SENTENCE_DELIMITER;

const TERMINAL = /[。！？!?；;…：:]$|[。！？!?]["”’』」)）]$/;
const LIST_OR_MARK = /^[◆■●▲★☆◇□※【〔（(一二三四五六七八九十\d▶►▷*＊•·]/;
/** A list marker opening a line: the line is an item of its own, never the continuation of the one before. */
const LIST_MARK = /^[◆■●▲★☆◇□※【▶►▷*＊•·√]/;
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
  // (a scan by character code over a class table: one pass, no regular expression)
  let last = 0; // start of the pending unchanged slice
  let lineStartOrig = 0; // start of the current physical line in the original
  const replace = (at: number, end: number, by: string) => {
    emit(src.slice(last, at), last);
    emit(by, at);
    last = end;
  };
  let numeralCount = 0;
  let delimiterCount = 0;
  let sentenceCount = 0;
  const len = src.length;
  const units = utf16Units(src);
  for (let i = 0; i < len; i++) {
    const cls = RUN_CLASS[units[i]];
    if (cls === 0) continue;
    if (cls >= NUMERAL && cls <= SENTENCE_DELIMITER) {
      // unchanged text: its position in the output is past what was emitted
      const pos = outLen + (i - last);
      if (cls === NUMERAL) {
        if (numeralCount === numeralBuf.length) numeralBuf = grown(numeralBuf);
        numeralBuf[numeralCount++] = pos;
      } else {
        if (delimiterCount === delimiterBuf.length) delimiterBuf = grown(delimiterBuf);
        delimiterBuf[delimiterCount++] = pos;
        if (cls === SENTENCE_DELIMITER) {
          if (sentenceCount === sentenceBuf.length) sentenceBuf = grown(sentenceBuf);
          sentenceBuf[sentenceCount++] = pos;
        }
      }
      continue;
    }
    const at = i;
    let end = i + 1;
    while (end < len && RUN_CLASS[units[end]] === cls) end++;
    i = end - 1;
    if (cls === TRADITIONAL) {
      let simplified = '';
      for (let k = at; k < end; k++) simplified += String.fromCharCode(SIMPLIFIED_OF[units[k]]);
      replace(at, end, simplified);
      // 萬, 億, 兩 become numeral characters: list them as the others
      for (let k = 0; k < simplified.length; k++) {
        const c = RUN_CLASS[simplified.charCodeAt(k)];
        if (c === NUMERAL) {
          if (numeralCount === numeralBuf.length) numeralBuf = grown(numeralBuf);
          numeralBuf[numeralCount++] = outLen - simplified.length + k;
        }
      }
      continue;
    }
    if (cls === FULL_WIDTH) {
      const half = toHalfWidth(src.slice(at, end));
      replace(at, end, half);
      for (let k = 0; k < half.length; k++) {
        const c = half.charCodeAt(k);
        if (c >= 0x30 && c <= 0x39) {
          if (numeralCount === numeralBuf.length) numeralBuf = grown(numeralBuf);
          numeralBuf[numeralCount++] = outLen - half.length + k;
        }
      }
      continue;
    }
    // a lone line feed (the common case) needs no copy of the run and no search in it
    const lone = end - at === 1 && src.charCodeAt(at) === 0x0a;
    const run = lone ? '\n' : src.slice(at, end);
    const newlines = lone ? 1 : countNewlines(run);
    if (newlines === 0) {
      const keep = isAsciiAlnum(src.charCodeAt(at - 1)) && isAsciiAlnum(src.charCodeAt(end));
      if (!(keep && run === ' ')) replace(at, end, keep ? ' ' : '');
      continue;
    }
    const lineStart = lineStartOrig;
    lineStartOrig = lone ? end : at + run.lastIndexOf('\n') + 1;
    if (end < src.length && wrapped) {
      const prevLine = src.slice(lineStart, at).trim();
      if (prevLine && !TERMINAL.test(prevLine) && !LIST_MARK.test(prevLine)) {
        // a soft break: continue the sentence on the next line
        const nextChar = src[end];
        if (newlines === 1 && !LIST_MARK.test(nextChar)) {
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
    if (!lone && !/^\n+$/.test(run)) replace(at, end, '\n'.repeat(newlines));
  }
  emit(src.slice(last), last);
  return { text: parts.join(''), segStart, segOrig, originalLength: src.length,
    numerals: numeralBuf.slice(0, numeralCount),
    delimiters: delimiterBuf.slice(0, delimiterCount),
    sentenceDelimiters: sentenceBuf.slice(0, sentenceCount),
  };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
