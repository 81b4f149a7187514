import { describe, expect, it } from 'vitest';
import { readingOrder, type FragmentPage } from '../../../src/search/build/phrase-index.ts';

const page = (url: string, date: string, editorial = false): FragmentPage => ({ id: url, url, date, editorial, text: '' });

describe('the order of pages in the exact-text index', () => {
  it('puts the gazette’s texts before the editorial pages that quote them, each newest first', () => {
    // The seed's 解读 and 编者按 (content/editorial/*.mdx, date 2026-12-04) quote 26号 (2022-08-12): a pasted sentence
    // of 26号 must find 26号 first, though the 解读 is newer.
    const order = readingOrder([
      page('/editorial/jiedu-jzbf-2022-26/', '2026-12-04', true),
      page('/documents/jzbf-2022-26/', '2022-08-12'),
      page('/editorial/bianzhean-jzbf-2022-26/', '2026-12-04', true),
      page('/documents/2021-12-20-yj/', '2021-12-20'),
      page('/documents/jzbf-2022-27/', '2022-08-12'),
    ]).map((p) => p.url);
    expect(order).toEqual([
      '/documents/jzbf-2022-26/',
      '/documents/jzbf-2022-27/',
      '/documents/2021-12-20-yj/',
      '/editorial/bianzhean-jzbf-2022-26/',
      '/editorial/jiedu-jzbf-2022-26/',
    ]);
  });
});
