import { describe, expect, it } from 'vitest';
import {
  clauseAnchorPath,
  clauseShortPath,
  documentPath,
  documentPdfPath,
  issuePath,
  issuePdfPath,
  issuePrintPath,
  normalizeBase,
  numberPath,
  withBase,
} from '../../../src/gazette/urls.ts';

describe('base path', () => {
  it('always has one leading and one trailing slash', () => {
    expect(['', '/', '//', 'gongbao', '/gongbao', 'gongbao/', '/gongbao/', '//gongbao//'].map(normalizeBase)).toEqual([
      '/', '/', '/', '/gongbao/', '/gongbao/', '/gongbao/', '/gongbao/', '/gongbao/',
    ]);
    expect(normalizeBase('/a/b')).toBe('/a/b/');
  });

  it('puts a site path under the base path', () => {
    expect(withBase('/', '/issues/')).toBe('/issues/');
    expect(withBase('/gongbao/', '/issues/')).toBe('/gongbao/issues/');
    expect(withBase('/gongbao', 'issues/')).toBe('/gongbao/issues/');
    expect(withBase('/gongbao/', '/')).toBe('/gongbao/');
    expect(withBase('/gongbao/', '/documents/jzbf-2022-26/#p2-s3-i11')).toBe('/gongbao/documents/jzbf-2022-26/#p2-s3-i11');
  });
});

describe('site paths', () => {
  it('names pages, anchors, short links and PDFs', () => {
    expect(documentPath('jzbf-2022-26')).toBe('/documents/jzbf-2022-26/');
    // content/published-anchors.txt records clause URLs in this form.
    expect(clauseAnchorPath('jzbf-2022-26', 'p2-s3-i11')).toBe('/documents/jzbf-2022-26/#p2-s3-i11');
    expect(clauseShortPath('jzbf-2022-26', 'p2-s3-i11')).toBe('/c/jzbf-2022-26/p2-s3-i11/');
    expect(numberPath('吉政办发〔2022〕26号')).toBe('/n/吉政办发〔2022〕26号/');
    expect(issuePath({ year: 2023, number: 4 })).toBe('/issues/2023/4/');
    expect(issuePrintPath({ year: 2023, number: 4 })).toBe('/issues/2023/4/print/');
    expect(issuePdfPath('2023-4')).toBe('/pdf/2023-4.pdf');
    expect(documentPdfPath('jzbf-2022-26')).toBe('/pdf/documents/jzbf-2022-26.pdf');
  });
});
