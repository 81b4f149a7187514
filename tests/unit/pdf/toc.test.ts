import { describe, expect, it } from 'vitest';
import {
  TOC_PLACEHOLDER,
  checkTocPages,
  documentPages,
  fillTocPages,
  pagesContaining,
  parseDests,
  readTocPages,
  resetTocPages,
  samePages,
  splitPages,
  squash,
} from '../../../src/pdf/toc.ts';

// What `pdfinfo -dests` prints for a Chromium PDF (poppler 22).
const DESTS = `Page  Destination                 Name
   1 [ XYZ    0  828 null      ] "main"
   3 [ XYZ    0  842 null      ] "doc-2023-4-juanshouyu"
   5 [ XYZ    0  842 null      ] "doc-jzf-2022-21"
   5 [ XYZ    0  804 null      ] "jzf-2022-21--p1"
  19 [ XYZ    0  842 null      ] "doc-jzbf-2022-26"
`;

describe('TOC page mapping from PDF destinations', () => {
  it('reads the page of every named destination', () => {
    const dests = parseDests(DESTS);
    expect(dests.get('main')).toBe(1);
    expect(dests.get('doc-jzf-2022-21')).toBe(5);
    expect(dests.get('jzf-2022-21--p1')).toBe(5);
    expect(dests.size).toBe(5);
  });

  it('maps each document to the page of its doc-<slug> marker', () => {
    expect(documentPages(parseDests(DESTS), ['2023-4-juanshouyu', 'jzf-2022-21', 'jzbf-2022-26'])).toEqual({
      '2023-4-juanshouyu': 3,
      'jzf-2022-21': 5,
      'jzbf-2022-26': 19,
    });
  });

  it('fails loudly when a document has no marker in the PDF', () => {
    expect(() => documentPages(parseDests(DESTS), ['jzf-2022-21', 'jzgr-2023-6-7'])).toThrow(/#doc-jzgr-2023-6-7/);
  });

  it('compares two page maps (the stability check of the second render)', () => {
    expect(samePages({ a: 3, b: 5 }, { b: 5, a: 3 })).toBe(true);
    expect(samePages({ a: 3, b: 5 }, { a: 3, b: 6 })).toBe(false);
    expect(samePages({ a: 3 }, { a: 3, b: 5 })).toBe(false);
  });
});

describe('TOC page check from per-page text', () => {
  const pdftotext = ['封面\n', '目录\n树立项目为王 ······ 3\n', '卷首语\n树立项目为王环境为要理念 推动招商\n引资上规模\n', '吉林省人民政府关于印发吉林省贯彻计量发展规划(2021-\n2035年)实施方案的通知\n', ''].join('\f');

  it('splits pdftotext output into pages at form feeds', () => {
    const pages = splitPages(pdftotext);
    expect(pages).toHaveLength(4);
    expect(pages[2]).toContain('卷首语');
  });

  it('matches across wrapped lines and across the hyphen pdftotext drops at a line end', () => {
    expect(squash('(2021-\n2035年)')).toBe(squash('(20212035年)'));
    const pages = splitPages(pdftotext);
    expect(pagesContaining(pages, '树立项目为王环境为要理念 推动招商引资上规模')).toEqual([3]);
    expect(pagesContaining(pages, '吉林省贯彻计量发展规划(2021-2035年)实施方案的通知')).toEqual([4]);
  });

  it('accepts entries whose title is on their page, and names the ones that are not', () => {
    const pages = splitPages(pdftotext);
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
