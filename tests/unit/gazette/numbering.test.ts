import { describe, expect, it } from 'vitest';
import { issueLabel, issueNumberLabel, numberingPatterns } from '../../../src/gazette/numbering.ts';
import { SEED } from '../../support/seed-gazette.ts';

/** 国务院公报 (examples/guowuyuan-gongbao/gongbao.config.ts): 「2019年第6号（总号：1654）」. */
const GUOWUYUAN = { number: '第{number}号', cumulative: '（总号：{cumulative}）' };
/** The plain form many city gazettes print: 「第3期（总第120期）」. */
const PLAIN = { number: '第{number}期', cumulative: '（总第{cumulative}期）' };

describe('issue labels', () => {
  // content/sources/001_2dbcd8b680e63142.txt:11 「第4期(复总第888期)」, :64–65 「(复总第888期)」「2023年2月28日出版」
  it('writes the issue number as the seed gazette does, with the cumulative number when known', () => {
    expect(issueNumberLabel({ number: 4, cumulative: 888 }, SEED.numbering)).toBe('第4期（复总第888期）');
    expect(issueNumberLabel({ number: 4, cumulative: null }, SEED.numbering)).toBe('第4期');
    expect(issueLabel({ year: 2023, number: 4, cumulative: 888 }, SEED.numbering)).toBe('2023年第4期（复总第888期）');
    expect(issueLabel({ year: 2023, number: 4, cumulative: null }, SEED.numbering)).toBe('2023年第4期');
  });

  it('writes another gazette in its own numbering', () => {
    expect(issueLabel({ year: 2019, number: 6, cumulative: 1654 }, GUOWUYUAN)).toBe('2019年第6号（总号：1654）');
    expect(issueNumberLabel({ number: 3, cumulative: 120 }, PLAIN)).toBe('第3期（总第120期）');
  });
});

describe('numbering patterns', () => {
  it('reads the seed cover line and the inside cover lines (001 l.11, l.63–64)', () => {
    const p = numberingPatterns(SEED.numbering);
    expect(p.issueLine.exec('第4期(复总第888期)')?.slice(1)).toEqual([undefined, '4', '888']);
    expect(p.issueLine.exec('2023年第4期')?.slice(1)).toEqual(['2023', '4', undefined]);
    expect(p.cumulativeLine.exec('(复总第888期)')?.[1]).toBe('888');
    expect(p.issueLine.test('2019年第6号（总号：1654）')).toBe(false);
  });

  it('reads what it writes, in any bracket and colon width and with layout spaces', () => {
    const p = numberingPatterns(GUOWUYUAN);
    expect(p.issueLine.exec('2019年第6号（总号：1654）')?.slice(1)).toEqual(['2019', '6', '1654']);
    expect(p.issueLine.exec('第 6 号 (总号:1654)')?.slice(1)).toEqual([undefined, '6', '1654']);
    expect(p.cumulativeLine.exec('（总号：1654）')?.[1]).toBe('1654');
    expect(p.issueLine.test('第6期')).toBe(false);
    const plain = numberingPatterns(PLAIN);
    expect(plain.issueLine.exec(issueLabel({ year: 2024, number: 3, cumulative: 120 }, PLAIN))?.slice(1)).toEqual(['2024', '3', '120']);
  });
});
