/**
 * Issue 19, done when: every reader-facing page of the seed build (dist/, not /report/ and not /api/) has no
 * English sentence and shows no source file name (definitions in tests/support/reader-text.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishSentences, pageText, sourceNames } from '../support/reader-text.ts';

const DIST = 'dist';
const SOURCES = readdirSync('content/sources');

const pages = existsSync(DIST)
  ? readdirSync(DIST, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.html'))
      .map((d) => relative(DIST, join(d.parentPath, d.name)))
      .filter((p) => !/^(report|api)\//.test(p))
      .sort()
  : [];

describe('the checks catch what they look for', () => {
  it('finds an English sentence outside code and URLs, and a source file name anywhere', () => {
    // The footer sentence every page carried before (src/components/SiteFooter.astro).
    const before = pageText('<footer><p lang="en">Text reproduced from the printed gazette; every document page lists its sources.</p><p><code>content/sources/000_0e00a8da3e3bc271.txt</code>（scraped-record）</p></footer>');
    expect(englishSentences(before)).toEqual(['Text reproduced from the printed gazette; every document page lists its sources.']);
    expect(sourceNames(before, SOURCES)).toEqual(['content/sources/', '000_0e00a8da3e3bc271.txt', '000_0e00a8da3e3bc271']);
    expect(englishSentences(pageText('<p>标准文本印作「科研机构 and 科研人员」，ISSN 1009-0827，CN 22-1001/D，PDF A4，见 https://example.org/a b c</p><code>sha256sum jzbf-2022-26.txt now</code>'))).toEqual([]);
    expect(englishSentences(pageText('<span aria-label="copy the link">⧉</span>'))).toEqual(['copy the link']);
  });
});

describe.skipIf(pages.length === 0)('no English and no source file names on reader-facing pages', () => {
  it('walks the pages of the seed build', () => {
    // documents, issues, editorial pages, the search page, the index pages and the short-link pages.
    expect(pages.length).toBeGreaterThan(30);
    expect(pages).toContain('documents/jzbf-2022-26/index.html');
    expect(pages).toContain('documents/2021-04-13-jb/index.html');
  });

  it.each(pages)('%s', (page) => {
    const text = pageText(readFileSync(join(DIST, page), 'utf8'));
    expect(englishSentences(text)).toEqual([]);
    expect(sourceNames(text, SOURCES)).toEqual([]);
  });
});

// The report is for editors (issue 18): it may name source files, but it speaks Chinese too.
const reportPages = pages.length === 0 ? [] : readdirSync(join(DIST, 'report'), { recursive: true }).map(String).filter((p) => p.endsWith('index.html'));
describe.skipIf(reportPages.length === 0)('no English on the report pages', () => {
  it.each(reportPages)('report/%s', (page) => {
    expect(englishSentences(pageText(readFileSync(join(DIST, 'report', page), 'utf8')))).toEqual([]);
  });
});
