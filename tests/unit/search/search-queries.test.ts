/**
 * The search query set (tests/support/search-queries.json) checked against the sources, without running any search:
 * every expectation must be printed where it says, and a clause id must follow from the printed numbering
 * above it. tests/e2e/search.spec.ts then runs the queries in Chromium.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chineseToNumber } from '../../../src/gazette/numerals.ts';
import { toSimplified } from '../../../src/ingest/text/traditional.ts';
import { docNumberSlug, findDocumentNumbers, normalizeDocNumberQuery, parseDocumentNumberLenient } from '../../../src/gazette/doc-number.ts';
import { fold, unquote } from '../../../src/search/client/query.ts';
import { searchQueries } from '../../support/search-queries.ts';


const sourcesDir = new URL('../../../content/sources/', import.meta.url);
const sources = new Map(readdirSync(sourcesDir).map((f) => [f, readFileSync(new URL(f, sourcesDir), 'utf8').split('\n')]));
const known = [...new Set([...sources.values()].flatMap((lines) => findDocumentNumbers(lines.join('\n')).map((o) => o.number.normalized)))];

function lines(source: string): { file: string; from: number; to: number; text: string } {
  const m = /^(.+):(\d+)(?:-(\d+))?$/.exec(source);
  if (!m?.[1] || !m[2]) throw new Error(`bad source ${source}`);
  const file = sources.get(m[1]);
  if (!file) throw new Error(`no source ${m[1]}`);
  const from = Number(m[2]);
  const to = Number(m[3] ?? m[2]);
  return { file: m[1], from, to, text: file.slice(from - 1, to).join('') };
}

/** A source line as printed text: HTML tags and leading spaces of every kind removed. */
const printed = (line: string) => line.replace(/<[^>]+>/g, '').replace(/^[\s\u3000]+/, '');

const LEVELS = [
  { prefix: 'p', re: /^([一二三四五六七八九十]+)、/ },
  { prefix: 's', re: /^[（(]([一二三四五六七八九十]+)[）)]/ },
  { prefix: 'i', re: /^(\d+)\s*[.．]/ },
  { prefix: 'd', re: /^(——)/ },
] as const;

/** 「二、（三）11.」 → ['二、', '（三）', '11.'] */
function splitPath(path: string): string[] {
  return [...path.matchAll(/[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|——/g)].map((m) => m[0]);
}

const levelOf = (label: string) => LEVELS.findIndex((l) => l.re.test(label));

/**
 * The clause id the printed numbering gives (src/ingest/structure/clauses.ts), checked against the source: the evidence line
 * carries the innermost label (or, for a table row, sits below it), and each outer label is the nearest
 * preceding line of its level. A dash item's ordinal is counted from its section.
 */
function clauseIdFromSource(path: string, file: string, lineNo: number): string {
  const all = sources.get(file) ?? [];
  const labels = splitPath(path);
  const parts: string[] = [];
  let bound = lineNo; // outer labels must come before the inner one found
  for (let k = labels.length - 1; k >= 0; k--) {
    const label = labels[k] ?? '';
    const level = levelOf(label);
    const spec = LEVELS[level];
    if (!spec) throw new Error(`unknown label ${label}`);
    let found = -1;
    for (let n = bound; n >= 1; n--) {
      const m = spec.re.exec(printed(all[n - 1] ?? ''));
      if (m) {
        found = n;
        const value = spec.prefix === 'd' ? '——' : m[1] ?? '';
        const expected = spec.prefix === 'i' || spec.prefix === 'd' ? label.replace(/\.$/, '') : label.replace(/[、（）]/g, '');
        expect(value, `${path}: line ${n} of ${file}`).toBe(expected);
        break;
      }
    }
    expect(found, `${label} above ${file}:${bound}`).toBeGreaterThan(0);
    if (spec.prefix === 'd') {
      let ordinal = 0;
      for (let n = found; n >= 1; n--) {
        const t = printed(all[n - 1] ?? '');
        if (LEVELS[1]?.re.test(t) || LEVELS[0]?.re.test(t)) break;
        if (/^——/.test(t)) ordinal++;
      }
      parts.unshift(`d${ordinal}`);
    } else {
      const m = spec.re.exec(printed(all[found - 1] ?? ''));
      const n = spec.prefix === 'i' ? Number(m?.[1]) : chineseToNumber(m?.[1] ?? '');
      parts.unshift(`${spec.prefix}${n}`);
    }
    bound = found - 1;
  }
  return parts.join('-');
}

describe('search query set', () => {
  const queries = searchQueries;

  it('has at least 30 queries of every kind the issue asks for', () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const k of ['term', 'phrase', 'docnumber', 'clause-title', 'table', 'name', 'traditional']) expect(kinds).toContain(k);
    const spellings = queries.filter((q) => q.pages.includes('/documents/jzbf-2022-26/') && q.first).map((q) => q.q);
    expect(spellings).toEqual(expect.arrayContaining(['吉政办发〔2022〕26号', '吉政办发[2022]26号', '吉政办发2022 26', '26号 吉政办发']));
    expect(queries.filter((q) => q.clause).length).toBeGreaterThanOrEqual(15);
  });

  it.each(queries.map((q) => [`${q.kind} ${q.q}${q.filters ? ` ${JSON.stringify(q.filters)}` : ''}`, q] as const))('%s: the expectation is in the sources', (_, q) => {
    const src = lines(q.source);
    expect(src.text, `${q.source} prints the evidence`).toContain(q.evidence);
    for (const p of q.pages) expect(p).toMatch(/^\/(documents\/[a-z0-9-]+|issues\/\d{4}\/\d+)\/$/);

    const query = toSimplified(unquote(q.q).text);
    const parsed = parseDocumentNumberLenient(q.evidence.replace(/^（|）$/g, ''));
    if (q.kind === 'docnumber' || (q.kind === 'traditional' && q.first)) {
      // the query names the number printed at the source, and the expected page is that document
      expect(parsed, `${q.evidence} is a 发文字号`).not.toBeNull();
      expect(normalizeDocNumberQuery(query, known)).toBe(parsed?.number.normalized);
      const slug = /^\/documents\/([a-z0-9-]+)\/$/.exec(q.pages[0] ?? '')?.[1] ?? '';
      const own = docNumberSlug(parsed!.number);
      const range = /^(.+)-(\d+)-(\d+)$/.exec(slug);
      const serial = Number(parsed!.number.serial);
      expect(slug === own || (range !== null && own.startsWith(range[1] ?? '') && serial >= Number(range[2]) && serial <= Number(range[3]))).toBe(true);
    } else {
      // the (simplified) query is printed in the evidence
      expect(fold(toSimplified(src.text))).toContain(fold(query));
      expect(fold(toSimplified(q.evidence))).toContain(fold(query).slice(0, Math.min(fold(query).length, fold(q.evidence).length)));
    }

    if (q.clause || q.path) {
      expect(q.path, 'a clause expectation names its printed path').toBeTruthy();
      expect(q.clause).toBe(clauseIdFromSource(q.path ?? '', src.file, src.from));
    }
  });
});
