/**
 * MDX is what editors write, under review; it never comes from the sources. The ingest writes JSON only, never
 * into content/editorial/, and no run of source text reaches an editorial MDX file: quotations go through
 * <Quote> and <IssueFacts>, which read the model. Only a component attribute naming a document (doc="…") may
 * hold source characters, and those are short.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMatchForm } from '../../../../src/gazette/width.ts';
import { emitCollections } from '../../../../src/ingest/emit/collections.ts';
import { seed } from '../seed.ts';

const RUN = 20;
const form = (s: string) => toMatchForm(s.replace(/\s+/g, ''));

const sourceRuns = new Set<string>();
for (const n of readdirSync('content/sources')) {
  const text = form(readFileSync(`content/sources/${n}`, 'utf8'));
  for (let i = 0; i + RUN <= text.length; i++) sourceRuns.add(text.slice(i, i + RUN));
}

/** The MDX as prose: component attributes naming a document removed. */
const prose = (mdx: string) => mdx.replace(/\bdoc="[^"]*"/g, '').replace(/^document:.*$/m, '');

/** The first run of RUN characters of `text` that a source holds, or null. */
function sourceRunIn(text: string): string | null {
  const t = form(text);
  for (let i = 0; i + RUN <= t.length; i++) if (sourceRuns.has(t.slice(i, i + RUN))) return t.slice(i, i + RUN);
  return null;
}

const editorial = readdirSync('content/editorial').filter((n) => n.endsWith('.mdx'));

describe('editorial MDX and the sources', () => {
  it('the ingest writes no MDX and nothing into content/editorial/', () => {
    const paths = emitCollections(seed()).map((f) => f.path);
    expect(paths.length).toBeGreaterThan(10);
    for (const p of paths) {
      expect(p).not.toMatch(/\.mdx?$/);
      expect(p.startsWith('content/editorial/')).toBe(false);
    }
  });

  it('no editorial page holds 20 characters of source text', () => {
    expect(editorial.length).toBeGreaterThanOrEqual(5);
    for (const n of editorial) expect(sourceRunIn(prose(readFileSync(`content/editorial/${n}`, 'utf8'))), n).toBeNull();
  });

  it('would catch a pasted sentence, whatever its spaces and widths', () => {
    // content/sources/001_2dbcd8b680e63142.txt:384, with the dump's spaces dropped and a half-width comma
    expect(sourceRunIn('编者：塑造科研诚信文化,全面推行科研诚信承诺制，加强对科研活动全过程诚信审核')).not.toBeNull();
    expect(sourceRunIn('<Cite doc="吉政办发〔2022〕26号" clause="p2-s3-i11" />')).toBeNull();
  });
});
