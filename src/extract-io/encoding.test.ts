import { describe, expect, it } from 'vitest';
import { chineseScore, detectAndDecode } from './encoding.ts';

// the same kind of sentence a district report has, in simplified and traditional script
const SIMPLIFIED = '全区新建学校3所，新增学位1200个，改造老旧小区12个，城镇新增就业6000人以上。';
const TRADITIONAL = '2025年，全區新建學校3所，新增學位1200個，改造老舊小區12個，城鎮新增就業6000人以上。';
// SIMPLIFIED as GBK and TRADITIONAL as Big5 (bytes made with Python's codecs)
const GBK = 'c8abc7f8d0c2bda8d1a7d0a333cbf9a3acd0c2d4f6d1a7cebb31323030b8f6a3acb8c4d4ecc0cfbec9d0a1c7f83132b8f6a3acb3c7d5f2d0c2d4f6becdd2b536303030c8cbd2d4c9cfa1a3';
const BIG5 = '32303235a67ea141a5feb0cfb773abd8bec7aed533a9d2a141b773bc57bec7a6ec31323030add3a141a7efb379a6d1c2c2a470b0cf3132add3a141abb0c2edb773bc57b44eb77e36303030a448a548a457a143';

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (order === 'be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Uint8Array.from(le);
}

describe('detectAndDecode', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(detectAndDecode(new TextEncoder().encode(SIMPLIFIED))).toEqual({ text: SIMPLIFIED, encoding: 'utf-8' });
    expect(detectAndDecode(new TextEncoder().encode('\ufeff' + SIMPLIFIED))).toEqual({ text: '\ufeff' + SIMPLIFIED, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE, with and without BOM (Notepad "Unicode"), in both scripts', () => {
    for (const text of [SIMPLIFIED, TRADITIONAL, '2025年工作安排\r\n' + SIMPLIFIED]) {
      for (const order of ['le', 'be'] as const) {
        for (const bom of [true, false]) {
          expect(detectAndDecode(utf16(text, order, bom)), `${order} bom=${bom}`).toEqual({ text, encoding: `utf-16${order}` });
        }
      }
    }
  });

  it('tells GBK from Big5 by how the text reads', () => {
    expect(detectAndDecode(hex(GBK))).toEqual({ text: SIMPLIFIED, encoding: 'gb18030' });
    expect(detectAndDecode(hex(BIG5))).toEqual({ text: TRADITIONAL, encoding: 'big5' });
  });

  it('refuses bytes no encoding reads convincingly, naming what was tried', () => {
    // random high bytes: GB18030 decodes them, into characters nobody writes
    let seed = 7;
    const noise = Uint8Array.from({ length: 600 }, () => 0x81 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 0x7e));
    const r = detectAndDecode(noise);
    expect(r.text).toBeNull();
    if (r.text === null) expect(r.tried.join(' ')).toMatch(/UTF-8.*GBK\/GB18030.*Big5/);
  });

  it('scores real text high and its misreading low', () => {
    expect(chineseScore(SIMPLIFIED).score).toBeGreaterThan(0.5);
    expect(chineseScore(new TextDecoder('big5').decode(hex(GBK))).score).toBeLessThan(0.2);
    expect(chineseScore(new TextDecoder('gb18030').decode(hex(BIG5))).score).toBeLessThan(0.2);
  });
});
