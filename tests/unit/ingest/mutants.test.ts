/**
 * Mutation test (issue 20): damaged copies of the seed dump 001 and of a Markdown source, each ingested
 * with the other seed sources and without content/published-anchors.txt (runIngest never reads it: the
 * position of a brand-new issue). Every mutant must end in one of two outcomes
 * (tests/support/mutant-outcome.ts): published with nothing lost, or an error finding within ±2 lines of
 * the damage; never silent loss, a copy in the gazette's place, the tampered copy's text, issuer or title,
 * or an error somewhere else. The table of kinds × outcomes is printed (and written to
 * .cache/mutants-table.txt) for the closing note.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runIngest, type LedgerCache, type SourceFile } from '../../../src/ingest/pipeline.ts';
import type { LedgerEntry } from '../../../src/ingest/check/ledger.ts';
import { gazetteDumpMutants, markdownMutants, type Mutant } from '../../support/mutants.ts';
import { outcomeOf, PASSING, type Outcome } from '../../support/mutant-outcome.ts';
import { SEED } from '../../support/seed-gazette.ts';

const ROOT = new URL('../../../', import.meta.url);
const SOURCES = 'content/sources';
const DUMP = `${SOURCES}/001_2dbcd8b680e63142.txt`;
/** 000 and 002 are copies of 001's documents; 000 replaced 吉林省人民政府 by a betting brand (000 l.2). */
const COPIES = [`${SOURCES}/000_0e00a8da3e3bc271.txt`, `${SOURCES}/002_51f41672fcbbe418.txt`];
const TAMPER = '欧宝体育';
const MARKDOWN = 'tests/fixtures/corpus/shanghai_hufubanfa2021-19_housing_14th_fyp_md.txt';

const bytes = (path: string): Buffer => readFileSync(new URL(path, ROOT));
const others: SourceFile[] = readdirSync(new URL(SOURCES, ROOT))
  .filter((n) => !n.startsWith('.') && `${SOURCES}/${n}` !== DUMP)
  .map((n) => ({ file: `${SOURCES}/${n}`, bytes: bytes(`${SOURCES}/${n}`) }));
// The undamaged sources' ledgers do not change from mutant to mutant: counted once.
const store = new Map<string, LedgerEntry>();
const ledgerCache: LedgerCache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };

interface Row {
  layout: string;
  mutant: Mutant;
  outcome: Outcome;
  errors: string[];
}

function run(layout: string, file: string, mutants: Mutant[], rest: SourceFile[]): Row[] {
  return mutants.map((mutant) => {
    const r = runIngest([...rest, { file, bytes: Buffer.from(mutant.text) }], { gazette: SEED, ledgerCache });
    const errors = r.findings.filter((f) => f.file === file && (f.severity === 'error' || f.severity === 'severe')).map((f) => `${f.line} ${f.kind}`);
    return { layout, mutant, outcome: outcomeOf(r, mutant, file, COPIES, TAMPER), errors };
  });
}

function table(rows: Row[]): string {
  const outcomes = [...new Set(rows.map((r) => r.outcome))].sort();
  const kinds = [...new Set(rows.map((r) => `${r.layout}: ${r.mutant.kind}`))];
  const head = ['kind', 'mutants', ...outcomes].join(' | ');
  const lines = kinds.map((k) => {
    const of = rows.filter((r) => `${r.layout}: ${r.mutant.kind}` === k);
    return [k, of.length, ...outcomes.map((o) => of.filter((r) => r.outcome === o).length)].join(' | ');
  });
  return [head, ...lines].join('\n');
}

describe('damaged sources never lose text silently or let a copy take the page', () => {
  const t0 = performance.now();
  const dumpMutants = gazetteDumpMutants(bytes(DUMP).toString('utf8'), { deletions: 8, truncations: 5, zeroWidth: 3, runningHeads: 4, brackets: 6, tocPages: 4 });
  const mdMutants = markdownMutants(bytes(MARKDOWN).toString('utf8'), { deletions: 4, truncations: 2, zeroWidth: 2 });
  const rows = [
    ...run('001 dump', DUMP, dumpMutants, others),
    ...run('Markdown', `${SOURCES}/shanghai_md.txt`, mdMutants, [...others, { file: DUMP, bytes: bytes(DUMP) }]),
  ];
  const seconds = (performance.now() - t0) / 1000;
  const summary = `${table(rows)}\n(${rows.length} mutants in ${seconds.toFixed(1)} s)`;
  console.log(summary);
  mkdirSync(new URL('.cache', ROOT), { recursive: true });
  writeFileSync(new URL('.cache/mutants-table.txt', ROOT), `${summary}\n`);

  it('covers every kind of damage of issue 20', () => {
    expect(new Set(dumpMutants.map((m) => m.kind))).toEqual(
      new Set([
        'deleted line',
        'dropped 〔',
        'removed 发文字号 line',
        'removed title line',
        'removed date line',
        'missing 目录 line',
        'removed section heading',
        'removed TOC section heading',
        'missing TOC page number',
        'truncated file',
        'zero-width character',
        'running head in a paragraph',
        'page number in a paragraph',
      ]),
    );
    expect(rows.length).toBeGreaterThan(45);
  });

  it.each(rows.map((r) => [`${r.layout}: ${r.mutant.kind} — ${r.mutant.note}`, r] as const))('%s', (_, r) => {
    expect(PASSING.has(r.outcome), `${r.outcome}; errors of the file: ${r.errors.join(', ') || 'none'}`).toBe(true);
  });

  it('runs in bounded time', () => expect(seconds).toBeLessThan(60));
});
