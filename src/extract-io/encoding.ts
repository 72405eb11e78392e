/**
 * Text encoding detection (编码识别) for documents as offices save them: UTF-8 (with or without
 * BOM), UTF-16 LE/BE (Windows Notepad's "Unicode", with or without BOM), GBK/GB18030 and Big5.
 *
 * Node's TextDecoder (full ICU) does the decoding; the choice among the legacy encodings is made by
 * how Chinese the result reads: the share of decoded Han characters that are among the most
 * frequent characters of Chinese writing (simplified or traditional). Real text scores high in
 * its own encoding; the same bytes read in a wrong one give rare characters, kana, Greek or
 * private-use characters and score low. When no reading is convincing the caller gets null and the
 * list of what was tried, never mojibake.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
}

export interface Undecodable {
  text: null;
  /** what was tried, with the reason each was rejected (for the error message) */
  tried: string[];
}

/**
 * Frequent characters of Chinese official and news writing, simplified and traditional forms
 * (characters shared by both scripts once). About 60% of the Han characters of real text are
 * among them; of mojibake, a few percent.
 */
const FREQUENT =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质' +
  '們個來為國對時說會過發後裡經麼學現當沒動開從實軍無與長機關點業將兩間問題應戰頭體見產話進還這區縣鄉鎮萬億項戶務認條東車書設員導傳計劃記總統環境醫療養敎教報紀轉變廣質權義黨際議達濟資農華準運製層節縣級園邊場處臺張臺樓門網電氣領風價類廠協標積極費務驗構調歲營幫廳單雙聯優勢稅護險'
  + '县乡镇万亿项户务认条东车书设导传划记总统环境医疗养教报纪转变广权党际议达济华准运层节园边场处台张楼门网领风价类厂协标积极费验构调岁营帮厅单双联优势税护险';

const FREQUENT_SET = new Uint8Array(65536);
for (const ch of FREQUENT) FREQUENT_SET[ch.charCodeAt(0)] = 1;

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/**
 * How Chinese `text` reads, in [0, 1]: frequent Han characters over all characters that are not
 * ASCII, CJK punctuation or full-width forms (kana, Greek, private use, rare Han all count against).
 * Only the first 200,000 characters are read.
 */
export function chineseScore(text: string): { score: number; han: number } {
  let frequent = 0;
  let other = 0;
  let han = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) continue;
    if (c === 0xfffd) return { score: 0, han }; // a replacement character: not a clean reading
    if (isHan(c)) {
      han++;
      if (FREQUENT_SET[c] === 1) {
        frequent++;
        continue;
      }
    }
    other++;
  }
  const total = frequent + other;
  return { score: total === 0 ? 1 : frequent / total, han };
}

/** A reading is convincing from this share of frequent characters (real text: 0.45–0.7; mojibake: < 0.15). */
const CONVINCING = 0.3;

function strict(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: NUL bytes in mostly one parity (ASCII text), or a convincing Chinese reading. */
function utf16Guess(bytes: Uint8Array): TextEncodingName | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 65536);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = Math.floor(n / 2);
  // ASCII characters in UTF-16: the high byte is 0 (second byte in LE, first in BE); the other byte of a pair is rarely 0
  if (oddZero > pairs * 0.05 && evenZero < oddZero * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.05 && oddZero < evenZero * 0.1) return 'utf-16be';
  return null;
}

/** Does the file start with a UTF-16 BOM or have the NUL-byte pattern of UTF-16 text? */
export function looksUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16Guess(bytes) !== null;
}

/**
 * Decodes the bytes of a text file. Returns the text and the encoding, or `text: null` with what
 * was tried when no encoding gives a convincing reading. A BOM is kept in the text (as U+FEFF)
 * only for UTF-8, so offsets match what an editor shows; UTF-16 BOMs are dropped.
 */
export function detectAndDecode(bytes: Uint8Array): Decoded | Undecodable {
  const tried: string[] = [];
  // byte order marks
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes);
    if (text !== null) return { text, encoding: 'utf-8' };
    tried.push('UTF-8 (BOM, but invalid bytes)');
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding: TextEncodingName = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strict(encoding, bytes.subarray(2));
    if (text !== null && bytes.length % 2 === 0) return { text, encoding };
    tried.push(`${encoding.toUpperCase()} (BOM, but invalid bytes)`);
  }
  const guess = utf16Guess(bytes);
  if (guess) {
    const text = strict(guess, bytes);
    if (text !== null && !hasControl(text)) return { text, encoding: guess };
    tried.push(`${guess.toUpperCase()} (invalid)`);
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  tried.push('UTF-8 (invalid bytes)');
  // legacy encodings (and UTF-16 without BOM or ASCII): the most convincing reading
  let best: Decoded | null = null;
  let bestScore = -1;
  for (const encoding of ['gb18030', 'big5', 'utf-16le', 'utf-16be'] as const) {
    if (encoding.startsWith('utf-16') && bytes.length % 2 !== 0) continue;
    const text = strict(encoding, bytes);
    if (text === null) {
      tried.push(`${label(encoding)} (invalid bytes)`);
      continue;
    }
    const { score, han } = chineseScore(text);
    tried.push(`${label(encoding)} (${Math.round(score * 100)}% common characters)`);
    if (han > 0 && score > bestScore) {
      best = { text, encoding };
      bestScore = score;
    }
  }
  if (best && bestScore >= CONVINCING && !hasControl(best.text)) return best;
  return { text: null, tried };
}

function label(e: TextEncodingName): string {
  return e === 'gb18030' ? 'GBK/GB18030' : e === 'big5' ? 'Big5' : e.toUpperCase();
}

/** Control characters other than tab, line feed, carriage return and form feed: not a text reading. */
function hasControl(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  return control > 0 && control / n > 0.01;
}
