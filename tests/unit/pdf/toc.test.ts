import { describe, expect, it } from 'vitest';
import {
  TOC_PLACEHOLDER,
  checkTocPages,
  documentPages,
  fillTocPages,
  pagesContaining,
  readTocPages,
  resetTocPages,
  samePages,
  squash,
} from '../../../src/pdf/toc.ts';

// The named destinations of a Chromium PDF → page (pdf-read.ts).
const DESTS = new Map([
  ['main', 1],
  ['doc-2023-4-juanshouyu', 3],
  ['doc-jzf-2022-21', 5],
  ['jzf-2022-21--p1', 5],
  ['doc-jzbf-2022-26', 19],
]);

describe('TOC page mapping from PDF destinations', () => {
  it('maps each document to the page of its doc-<slug> marker', () => {
    expect(documentPages(DESTS, ['2023-4-juanshouyu', 'jzf-2022-21', 'jzbf-2022-26'])).toEqual({
      '2023-4-juanshouyu': 3,
      'jzf-2022-21': 5,
      'jzbf-2022-26': 19,
    });
  });

  it('fails loudly when a document has no marker in the PDF', () => {
    expect(() => documentPages(DESTS, ['jzf-2022-21', 'jzgr-2023-6-7'])).toThrow(/#doc-jzgr-2023-6-7/);
  });

  it('compares two page maps (the stability check of the second render)', () => {
    expect(samePages({ a: 3, b: 5 }, { b: 5, a: 3 })).toBe(true);
    expect(samePages({ a: 3, b: 5 }, { a: 3, b: 6 })).toBe(false);
    expect(samePages({ a: 3 }, { a: 3, b: 5 })).toBe(false);
  });
});

describe('TOC page check from per-page text', () => {
  const pages = ['封面', '— 2 —\n目录\n树立项目为王\t3', '— 3 —\n卷首语\n树立项目为王环境为要理念 推动招商\n引资上规模', '— 4 —\n吉林省人民政府关于印发吉林省贯彻计量发展规划(2021-\n2035年)实施方案的通知'];

  it('matches across wrapped lines, with or without the hyphen a line was broken after', () => {
    expect(squash('(2021-\n2035年)')).toBe(squash('(20212035年)'));
    expect(pagesContaining(pages, '树立项目为王环境为要理念 推动招商引资上规模')).toEqual([3]);
    expect(pagesContaining(pages, '吉林省贯彻计量发展规划(2021-2035年)实施方案的通知')).toEqual([4]);
  });

  it('accepts entries whose title is on their page, and names the ones that are not', () => {
    const entries = [
      { slug: 'juanshouyu', title: '树立项目为王环境为要理念 推动招商引资上规模', page: 3 },
      { slug: 'jzf-2022-21', title: '吉林省人民政府关于印发吉林省贯彻计量发展规划(2021-2035年)实施方案的通知', page: 4 },
    ];
    expect(checkTocPages(pages, entries)).toEqual([]);
    expect(checkTocPages(pages, [{ ...entries[1]!, page: 3 }])).toEqual([expect.stringContaining('jzf-2022-21')]);
    expect(checkTocPages(pages, [{ ...entries[0]!, page: 9 }])).toEqual([expect.stringContaining('4 pages')]);
  });
});

describe('TOC slots of the print view', () => {
  const html =
    `<li><a href="#doc-a"><span class="toc-title">甲</span><span class="toc-page" data-toc-page="a">${TOC_PLACEHOLDER}</span></a></li>` +
    `<li><a href="#doc-b"><span class="toc-title">乙</span><span class="toc-page" data-toc-page="b">${TOC_PLACEHOLDER}</span></a></li>`;

  it('lists the slots in order, unresolved', () => {
    expect(readTocPages(html)).toEqual([
      { slug: 'a', page: null },
      { slug: 'b', page: null },
    ]);
  });

  it('writes page numbers in and can reset them, so a filled page hashes like the pristine one', () => {
    const filled = fillTocPages(html, { a: 4, b: 20 });
    expect(readTocPages(filled)).toEqual([
      { slug: 'a', page: 4 },
      { slug: 'b', page: 20 },
    ]);
    expect(resetTocPages(filled)).toBe(html);
    expect(fillTocPages(filled, { a: 5, b: 21 })).toBe(fillTocPages(html, { a: 5, b: 21 }));
  });

  it('leaves a slot it has no number for as the placeholder', () => {
    expect(readTocPages(fillTocPages(html, { a: 4 }))).toEqual([
      { slug: 'a', page: 4 },
      { slug: 'b', page: null },
    ]);
  });
});
