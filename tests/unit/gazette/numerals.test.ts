import { describe, expect, it } from 'vitest';
import { chineseToNumber, circledToNumber, numberToChinese } from '../../../src/gazette/numerals.ts';

describe('chineseToNumber', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十九', 19],
    ['二十', 20],
    ['二十一', 21],
    ['二十五', 25],
    ['三十', 30],
    ['三十一', 31],
    ['一十', 10],
    ['一百', 100],
    ['一百零五', 105],
    ['一百〇五', 105],
    ['一百一十', 110],
    ['一百一十五', 115],
    ['九百九十九', 999],
    ['一千', 1000],
    ['一千零一', 1001],
    ['一千零一十', 1010],
    ['一千零五十', 1050],
    ['一千一百', 1100],
    ['九千九百九十九', 9999],
    ['〇', 0],
    ['零', 0],
  ])('reads %s as %i', (s, n) => {
    expect(chineseToNumber(s)).toBe(n);
  });

  it('reads unit-less digit runs digit by digit, as in years', () => {
    expect(chineseToNumber('二〇二三')).toBe(2023);
    expect(chineseToNumber('二〇二二')).toBe(2022);
    expect(chineseToNumber('一九四九')).toBe(1949);
  });

  it.each([
    ['', 'empty'],
    ['百', 'unit without coefficient (only a leading 十 may stand alone)'],
    ['千', 'unit without coefficient'],
    ['一百五', 'colloquial 150 — ambiguous with 105'],
    ['一千五', 'colloquial 1500'],
    ['一百十', 'colloquial 110 without 一'],
    ['一百零五十', '零 that skips no place'],
    ['一百零零五', 'double 零'],
    ['十零', 'trailing 零'],
    ['零五', 'leading 零 before a unit-less digit'],
    ['〇五', 'leading 〇 in a digit run'],
    ['零十', 'leading 零 before a unit'],
    ['十十', 'repeated unit'],
    ['十百', 'units out of order'],
    ['一千百', 'unit after a unit'],
    ['二十一二', 'digit after the ones place'],
    ['一二十', 'two digits before a unit'],
    ['一要', 'numeral followed by text (卷首语 一要)'],
    ['十四五', 'the 十四五 plan name is not a number'],
    ['1', 'Arabic digit'],
    ['一万', '万 is outside the supported range'],
    ['两', '两 is not used in labels'],
  ])('returns null for %s (%s)', (s) => {
    expect(chineseToNumber(s)).toBeNull();
  });
});

describe('numberToChinese', () => {
  it.each([
    [0, '〇'],
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [31, '三十一'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [9999, '九千九百九十九'],
  ])('writes %i as %s', (n, s) => {
    expect(numberToChinese(n)).toBe(s);
  });

  it('round-trips with chineseToNumber over 0–9999', () => {
    const broken: number[] = [];
    for (let n = 0; n <= 9999; n++) if (chineseToNumber(numberToChinese(n)) !== n) broken.push(n);
    expect(broken).toEqual([]);
  });

  it('throws a RangeError outside 0–9999 and for fractions', () => {
    expect(() => numberToChinese(10000)).toThrow(RangeError);
    expect(() => numberToChinese(-1)).toThrow(RangeError);
    expect(() => numberToChinese(1.5)).toThrow(RangeError);
  });
});

describe('circledToNumber', () => {
  it('maps ①–⑳ to 1–20', () => {
    expect([...'①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'].map(circledToNumber)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('rejects anything else', () => {
    expect(circledToNumber('㉑')).toBeNull();
    expect(circledToNumber('⓪')).toBeNull();
    expect(circledToNumber('1')).toBeNull();
    expect(circledToNumber('①②')).toBeNull();
    expect(circledToNumber('')).toBeNull();
  });
});
