/**
 * Traditional characters read as simplified ones (繁体字): a one-to-one character table, so a
 * traditional-script text is read like a simplified one while every offset still points into the
 * original (個 → 个, 萬 → 万, 臺 → 台, 處 → 处 …).
 *
 * The table is OpenCC's character dictionary (opencc-js, TSCharacters), the one conversion table
 * Chinese software commonly shares; only characters that map to one simplified character of the same
 * UTF-16 length are taken (phrase-level conversion would change lengths and cost a second pass).
 */
// @ts-expect-error opencc-js ships no type declarations for its dictionary modules (a string "T S|T S …")
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

/** SIMPLIFIED_OF[code of a traditional character] = code of its simplified form; 0 when none. */
export const SIMPLIFIED_OF = new Uint16Array(65536);
for (const entry of String(TS_CHARACTERS).split('|')) {
  const [from, to] = entry.split(' ');
  if (from?.length === 1 && to?.length === 1 && from !== to) SIMPLIFIED_OF[from.charCodeAt(0)] = to.charCodeAt(0);
}
