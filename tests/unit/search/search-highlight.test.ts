import { describe, expect, it } from 'vitest';
import { highlightHref, highlightWords, markRanges, markedWords } from '../../../src/search/client/highlight.ts';

// content/sources/001_2dbcd8b680e63142.txt:519 「2. 预防和控制慢性病致残。推广疾病预防控制机构、医疗机构……」
const TEXT = '预防和控制慢性病致残。推广疾病预防控制机构、医疗机构';

describe('the searched words on the clause a result lands on', () => {
  it('carries the words an excerpt marks in the clause link, before its #id', () => {
    const sub = { excerpt: [{ text: '推广', mark: false }, { text: '疾病预防', mark: true }, { text: '控制', mark: false }, { text: '疾病预防', mark: true }, { text: '机构', mark: true }] };
    expect(markedWords(sub)).toEqual(['疾病预防', '机构']);
    expect(highlightHref('/documents/jzbf-2022-27/#p2-s3-i2', ['疾病预防', '机构'])).toBe('/documents/jzbf-2022-27/?hl=%E7%96%BE%E7%97%85%E9%A2%84%E9%98%B2+%E6%9C%BA%E6%9E%84#p2-s3-i2');
    expect(highlightHref('/documents/jzbf-2022-27/', [])).toBe('/documents/jzbf-2022-27/');
    expect(highlightWords('?hl=%E7%96%BE%E7%97%85%E9%A2%84%E9%98%B2+%E6%9C%BA%E6%9E%84')).toEqual(['疾病预防', '机构']);
    expect(highlightWords('')).toEqual([]);
  });

  it('marks every occurrence of every word, overlapping or touching ranges joined', () => {
    expect(markRanges(TEXT, ['预防', '控制'])).toEqual([[0, 2], [3, 5], [15, 19]]);
    expect(markRanges(TEXT, ['预防控制', '控制机构'])).toEqual([[15, 21]]);
    expect(markRanges(TEXT, ['量子'])).toEqual([]);
  });
});
