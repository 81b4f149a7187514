/**
 * Every citation the clause toolbar of the seed build can copy (src/components/body/clause-actions.ts reads
 * them from the page: the work in data-cite, each clause's path in #clause-paths, the long form's tail in
 * data-published-in, the short links under data-short-base): distinct within a document, every bracket
 * balanced, a path for every clause on the page, a short-link page for every clause.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
const docs = readdirSync(join(DIST, 'documents'), { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(DIST, 'documents', e.name, 'index.html'))).map((e) => e.name);
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (html: string, name: string): string | null => {
  const m = new RegExp(`<article[^>]*\\s${name}="([^"]*)"`).exec(html);
  return m ? unescape(m[1] ?? '') : null;
};

const PAIRS = ['《》', '〈〉', '（）', '〔〕', '()', '[]'];
/** Every bracket closes the innermost one open, and none is left open. */
function balanced(s: string): boolean {
  const open: string[] = [];
  for (const c of s) {
    const pair = PAIRS.find((p) => p.includes(c));
    if (!pair) continue;
    if (c === pair[0]) open.push(pair[1] ?? '');
    else if (open.pop() !== c) return false;
  }
  return open.length === 0;
}

function citations(id: string) {
  const html = readFileSync(join(DIST, 'documents', id, 'index.html'), 'utf8');
  const paths = JSON.parse(/<script type="application\/json" id="clause-paths">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as Record<string, string>;
  const work = attr(html, 'data-cite') ?? '';
  const tail = attr(html, 'data-published-in');
  const clauses = [...html.matchAll(/<section class="clause [^"]*" id="([^"]+)"/g)].map((m) => m[1] ?? '');
  return { paths, work, tail, clauses, shortBase: attr(html, 'data-short-base') };
}

describe('the citations the clause toolbar copies', () => {
  it('balanced and distinct in every seed document; the long form names the gazette issue and page', () => {
    expect(balanced('《〈A（一）〉B》')).toBe(true);
    expect(balanced('《A》B》')).toBe(false);
    let count = 0;
    for (const id of docs) {
      const { paths, work, tail, clauses } = citations(id);
      expect(Object.keys(paths).sort(), id).toEqual(expect.arrayContaining(clauses.sort()));
      const short = clauses.map((c) => `${work}${paths[c] ?? ''}`);
      for (const c of short) expect(balanced(c), c).toBe(true);
      expect(new Set(short).size, id).toBe(short.length);
      if (tail) for (const c of short) expect(balanced(`${c}${tail}`)).toBe(true);
      count += short.length;
    }
    // Clauses: 26号 46, 27号 32, 137号 84, 21号 36, 意见 47, 简报 20 (the other four have none; an attachment is no clause)
    expect(count).toBe(46 + 32 + 84 + 36 + 47 + 20);
    expect(citations('jzbf-2022-26').tail).toBe('，载《吉林省人民政府公报》2023年第4期，第11页');
    // Not from the gazette: no issue, no page to cite
    expect(citations('2021-12-20-yj').tail).toBeNull();
    expect(citations('2021-04-13-jb').work).toBe('《〈吉林市国民经济和社会发展第十四个五年规划建议〉教育科技发展相关论述简报》');
  });

  it('links each clause by a short-link page that exists', () => {
    for (const id of docs) {
      const { clauses, shortBase } = citations(id);
      if (clauses.length === 0) continue;
      expect(shortBase).toBe(`/c/${id}/`);
      for (const c of clauses) expect(existsSync(join(DIST, 'c', id, c, 'index.html')), `${id}#${c}`).toBe(true);
    }
  });
});
