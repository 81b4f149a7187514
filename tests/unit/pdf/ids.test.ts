import { describe, expect, it } from 'vitest';
import { documentAnchor, scopeIds, scopedId } from '../../../src/pdf/ids.ts';
import { issueNumberLabel, printedDate } from '../../../src/pdf/format.ts';

describe('per-document id namespaces in the issue print view', () => {
  const body =
    '<section class="clause clause--part" id="p1" data-label="一、"><h2><a class="clause-label" href="#p1">一、</a>总体要求</h2>' +
    '<div class="para" id="p1-para1">见<a href="/documents/jzf-2022-21/#p2">另一文件</a>和<a href="https://www.gov.cn/#top">外站</a></div></section>' +
    '<section class="attachment" id="att1" aria-labelledby="att1-title"><h2 class="attachment__label" id="att1-title"><a class="clause-label" href="#att1">附件</a></h2></section>';

  it('moves ids and the links and ARIA references to them into the document namespace', () => {
    const out = scopeIds(body, 'jzbf-2022-26');
    expect(out).toContain('id="jzbf-2022-26--p1"');
    expect(out).toContain('href="#jzbf-2022-26--p1"');
    expect(out).toContain('id="jzbf-2022-26--p1-para1"');
    expect(out).toContain('aria-labelledby="jzbf-2022-26--att1-title"');
    expect(out).toContain('id="jzbf-2022-26--att1-title"');
    expect(out).not.toMatch(/\sid="p1"/);
  });

  it('leaves links to other pages and sites alone, and the text untouched', () => {
    const out = scopeIds(body, 'x');
    expect(out).toContain('href="/documents/jzf-2022-21/#p2"');
    expect(out).toContain('href="https://www.gov.cn/#top"');
    expect(out.replace(/<[^>]+>/g, '')).toBe(body.replace(/<[^>]+>/g, ''));
  });

  it('scopes every id of a space-separated id list', () => {
    expect(scopeIds('<td headers="h1 h2">', 's')).toBe('<td headers="s--h1 s--h2">');
  });

  it('names document markers and scoped ids predictably', () => {
    expect(documentAnchor('jzbf-2022-26')).toBe('doc-jzbf-2022-26');
    expect(scopedId('jzbf-2022-26', 'p2-s3-i11')).toBe('jzbf-2022-26--p2-s3-i11');
  });
});

describe('print view wording', () => {
  it('writes the issue number as the gazette does', () => {
    expect(issueNumberLabel({ number: 4, cumulative: 888 })).toBe('第4期（复总第888期）');
    expect(issueNumberLabel({ number: 4, cumulative: null })).toBe('第4期');
  });

  it('prints a 落款 date in Chinese whether the model holds ISO or the printed form', () => {
    expect(printedDate('2022-08-12')).toBe('2022年8月12日');
    expect(printedDate('2022年8月12日')).toBe('2022年8月12日');
    expect(printedDate(null)).toBe('');
  });
});
