import { describe, expect, it } from 'vitest';
import { chineseDate, printedDate } from '../../../src/gazette/format.ts';

describe('Chinese dates', () => {
  it('writes an ISO date without leading zeros, and nothing for a missing or non-ISO date', () => {
    expect(chineseDate('2023-02-28')).toBe('2023年2月28日');
    expect(chineseDate('2022-10-01')).toBe('2022年10月1日');
    expect(chineseDate(null)).toBe('');
    expect(chineseDate(undefined)).toBe('');
    expect(chineseDate('2023年2月28日')).toBe('');
  });

  // content/sources/000_0e00a8da3e3bc271.txt:68 「2022年8月12日」 (the 落款 of 吉政办发〔2022〕26号)
  it('prints a 落款 date in Chinese whether the model holds ISO or the printed form', () => {
    expect(printedDate('2022-08-12')).toBe('2022年8月12日');
    expect(printedDate('2022年8月12日')).toBe('2022年8月12日');
    expect(printedDate(null)).toBe('');
  });
});
