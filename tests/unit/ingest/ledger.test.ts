import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLedger, isSpaceUnit, ledgerFindings } from '../../../src/ingest/check/ledger.ts';
import type { LedgerEntry, LedgerInput } from '../../../src/ingest/check/ledger.ts';
import type { Block, Issue, SourceDocument, SourceParse, SourceRole } from '../../../src/gazette/model.ts';
import { emptyDocument } from '../../../src/ingest/structure/document.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';
import { parseSource } from '../../../src/ingest/sources/index.ts';
import { SEED, SEED_READER } from '../../support/seed-gazette.ts';

const FILE = 'content/sources/x.txt';

const para = (id: string, line: number, text: string): Block => ({ type: 'paragraph', id, source: { file: FILE, line }, text });

function document(fields: Partial<SourceDocument>, span = { from: 1, to: 9 }): SourceDocument {
  return { ...emptyDocument(FILE, 'scraped-record', fields.printedTitle ?? '', span), ...fields };
}

function parseOf(documents: SourceDocument[], extra: Partial<SourceParse> = {}): SourceParse {
  return { file: FILE, kind: 'scraped-record', meta: {}, issue: null, documents, findings: [], removals: [], ...extra };
}

/** The reconciled set as the ledger reads it: which documents of the file are authoritative or copies. */
const as = (role: SourceRole, ...docs: SourceDocument[]): LedgerInput['published'] =>
  docs.map((d) => ({ sources: [{ file: d.file, role, kind: d.sourceKind, lines: d.span, meta: {}, sha256: null }] }));

/** The ledger's identity: every character of the file is in exactly one column, invented ones counted twice. */
const balance = (e: LedgerEntry): number =>
  e.published + e.collated + Object.values(e.removed).reduce((a, b) => a + b, 0) + e.unaccounted - e.invented;

// Exact strings of 000 (lines 1–11, abridged).
const TEXT = [
  '-',
  '欧宝体育办公厅关于印发吉林省科技创新生态优化工程',
  '实施方案的通知',
  '吉政办发〔2022〕26号',
  '各市(州)人民政府:',
  '《吉林省科技创新生态优化工程实施方案》已经省政府同意,现印发给你们,请认真贯彻执行。',
  '2023-11-02 00:00:00',
].join('\n');

const D2 = document({
  printedTitle: '欧宝体育办公厅关于印发吉林省科技创新生态优化工程实施方案的通知',
  docNumber: { normalized: '吉政办发〔2022〕26号', printed: '吉政办发〔2022〕26号', agency: '吉政办发', year: 2022, serial: '26' },
  addressees: '各市(州)人民政府:',
  notice: '《吉林省科技创新生态优化工程实施方案》已经省政府同意,现印发给你们,请认真贯彻执行。',
  meta: { siteTimestamp: '2023-11-02 00:00:00' },
});
const SEPARATOR = { line: 1, text: '-', reason: 'record separator' };

describe('buildLedger', () => {
  it('leaves out exactly the characters /\\s/ matches, over every UTF-16 unit', () => {
    const differ: number[] = [];
    for (let u = 0; u <= 0xffff; u++) if (isSpaceUnit(u) !== /\s/.test(String.fromCharCode(u))) differ.push(u);
    expect(differ).toEqual([]);
  });

  it('counts a character outside the BMP once, and places an unaccounted one by its line and column', () => {
    const text = '标题\n𠀀正文 。\n';
    const entry = buildLedger({ file: FILE, text, parse: parseOf([document({ printedTitle: '标题', span: { from: 1, to: 2 } })]), published: [] });
    expect(entry.sourceChars).toBe(6);
    const lost = entry.samples.unaccounted.find((x) => x.char === '𠀀');
    expect(lost?.places[0]).toMatchObject({ line: 2, column: 1 });
  });

  it('accounts for every character: printed fields, metadata values, removals; whitespace ignored', () => {
    const e = buildLedger({ file: FILE, text: TEXT, parse: parseOf([D2], { removals: [SEPARATOR] }), published: as('authoritative', D2) });
    expect(e).toMatchObject({ authoritative: true, unaccounted: 0, invented: 0, collated: 0, removed: { 'record separator': 1 } });
    // siteTimestamp is a name the adapter chose: not counted; its value is printed and is.
    expect(e.sourceChars).toBe([...TEXT.replace(/\s/g, '')].length);
    expect(balance(e)).toBe(e.sourceChars);
    expect(ledgerFindings(e)).toEqual([]);
  });

  it('names the adapter, line and characters an adapter loses, as an error (withholding the source) for an authoritative source', () => {
    const lossy = { ...D2, notice: '《吉林省科技创新生态优化工程实施方案》已经省政府同意,现印发给你们,请认真执行。' };
    const e = buildLedger({ file: FILE, text: TEXT, parse: parseOf([lossy], { removals: [SEPARATOR] }), published: as('authoritative', lossy) });
    expect(e.unaccounted).toBe(2);
    expect(e.samples.unaccounted.map((s) => [s.char, s.count, s.places.map((p) => [p.line, p.column])])).toEqual([
      ['贯', 1, [[6, 38]]],
      ['彻', 1, [[6, 39]]],
    ]);
    expect(e.samples.unaccounted[0]?.places[0]?.context).toBe('发给你们,请认真【贯】彻执行。2023');
    const [finding, ...rest] = ledgerFindings(e);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'ledger-unaccounted', severity: 'error', file: FILE, line: 6 });
    expect(finding?.message).toContain('scraped-record 适配器');
    expect(finding?.message).toContain('「贯彻」');
    expect(balance(e)).toBe(e.sourceChars);
  });

  it('counts a copy as collated, and its losses as non-fatal warnings', () => {
    const lossy = { ...D2, addressees: '各市人民政府:' };
    const e = buildLedger({ file: FILE, text: TEXT, parse: parseOf([lossy], { removals: [SEPARATOR] }), published: as('copy', lossy) });
    expect(e).toMatchObject({ authoritative: false, published: 0, unaccounted: 3 });
    expect(e.collated).toBeGreaterThan(0);
    expect(ledgerFindings(e).map((f) => [f.kind, f.severity, f.line])).toEqual([['ledger-unaccounted-copy', 'warning', 5]]);
  });

  it('does not count a document the reconciled set does not use', () => {
    const e = buildLedger({ file: FILE, text: TEXT, parse: parseOf([D2], { removals: [SEPARATOR] }), published: [] });
    expect(e.authoritative).toBe(false);
    expect(e.unaccounted).toBe(e.sourceChars - 1);
  });

  it('reports a derived value as invented and blames the field that publishes it', () => {
    const withSlug = { ...D2, meta: { ...D2.meta, slug: 'jzbf-2022-26' } };
    const e = buildLedger({ file: FILE, text: TEXT, parse: parseOf([withSlug], { removals: [SEPARATOR] }), published: as('authoritative', withSlug) });
    expect(e.unaccounted).toBe(0);
    expect(e.invented).toBe([...'jzbf-2022-26'].length);
    const fields = new Set(e.samples.invented.flatMap((s) => s.places.map((p) => p.field)));
    expect([...fields]).toEqual(['「欧宝体育办公厅关于印发吉林省科技创新生态优化工程实施方案的通知」 meta.slug']);
    expect(ledgerFindings(e).map((f) => [f.kind, f.severity])).toEqual([['ledger-invented', 'warning']]);
  });

  it('counts a metadata key when the source prints it (infobox 頒布時間:)', () => {
    const text = '吉林省科技創新生態最佳化工程實施方案\n  • 頒布時間:2022年8月12日';
    const d = document({ printedTitle: '吉林省科技創新生態最佳化工程實施方案', meta: { 頒布時間: '2022年8月12日' } });
    const parse = parseOf([d], { removals: [{ line: 2, text: '• :', reason: 'metadata syntax' }] });
    expect(buildLedger({ file: FILE, text, parse, published: as('copy', d) })).toMatchObject({ unaccounted: 0, invented: 0 });
  });

  it('counts file metadata an adapter copied into its documents once (000 record labels)', () => {
    const text = `${TEXT}\n第4期`;
    const d = { ...D2, meta: { siteTimestamp: '2023-11-02 00:00:00', issueLabel: '第4期' } };
    const parse = parseOf([d], { removals: [SEPARATOR], meta: { ...d.meta } });
    expect(buildLedger({ file: FILE, text, parse, published: as('copy', d) })).toMatchObject({ unaccounted: 0, invented: 0 });
  });

  it('blames a header number copied from the TOC, not the TOC that prints it (001 人事任免)', () => {
    const text = ['人事任免', '吉林省人民政府人事任免(吉政干任〔2023〕6-7号)', '.....（39）', '', '吉林省人民政府人事任免'].join('\n');
    const number = { normalized: '吉政干任〔2023〕6-7号', printed: '吉政干任〔2023〕6-7号', agency: '吉政干任', year: 2023, serial: '6-7' };
    const d = document({ printedTitle: '吉林省人民政府人事任免', docNumber: number }, { from: 5, to: 5 });
    const issue: Issue = {
      id: '2023-4',
      gazette: '吉林省人民政府公报',
      year: 2023,
      number: 4,
      cumulative: 888,
      published: '2023-02-28',
      frequency: null,
      issn: null,
      cn: null,
      sponsor: null,
      publisher: null,
      motto: [],
      editorialBoard: [],
      masthead: {},
      sections: [
        {
          title: '人事任免',
          entries: [
            {
              title: '吉林省人民政府人事任免',
              printed: '吉林省人民政府人事任免(吉政干任〔2023〕6-7号).....（39）',
              docNumber: number,
              page: 39,
              document: null,
              source: { file: FILE, line: 2 },
            },
          ],
        },
      ],
      captions: [],
      about: null,
      statement: null,
      file: FILE,
    };
    const e = buildLedger({ file: FILE, text, parse: parseOf([d], { issue, kind: 'gazette-dump' }), published: as('authoritative', d) });
    expect(e.unaccounted).toBe(0);
    expect(e.invented).toBe([...number.printed].length);
    expect(new Set(e.samples.invented.flatMap((s) => s.places.map((p) => p.field)))).toEqual(
      new Set(['「吉林省人民政府人事任免」 docNumber.printed']),
    );
  });

  it('walks clauses, tables and entries by their printed parts', () => {
    const text = ['1. 加强组织领导。', '领域\t序号', '科学技术\t1', '2月2日 省政府决定。（吉政干任〔2023〕6号）'].join('\n');
    const cell = (t: string) => ({ text: t, rowspan: 1, colspan: 1 });
    const body: Block[] = [
      { type: 'clause', id: 'i1', source: { file: FILE, line: 1 }, label: '1.', level: 'item', number: 1, title: '加强组织领导。', text: '加强组织领导。', children: [] },
      {
        type: 'table',
        id: 't1',
        source: { file: FILE, line: 2 },
        table: {
          id: 't1',
          caption: null,
          header: [{ kind: 'data', cells: [cell('领域'), cell('序号')], source: { file: FILE, line: 2 } }],
          rows: [{ kind: 'data', cells: [cell('科学技术'), cell('1')], source: { file: FILE, line: 3 } }],
          columns: 2,
          source: { file: FILE, line: 2 },
        },
      },
      {
        type: 'entry',
        id: 'e1',
        source: { file: FILE, line: 4 },
        date: '2023-02-02',
        printedDate: '2月2日',
        text: '省政府决定。（吉政干任〔2023〕6号）',
        docNumber: { normalized: '吉政干任〔2023〕6号', printed: '吉政干任〔2023〕6号', agency: '吉政干任', year: 2023, serial: '6' },
      },
    ];
    const d = document({ body });
    expect(buildLedger({ file: FILE, text, parse: parseOf([d]), published: as('authoritative', d) })).toMatchObject({ unaccounted: 0, invented: 0 });
  });

  it('keeps the identity sourceChars = published + collated + removed + unaccounted − invented', () => {
    const piece = fc.constantFrom('吉', '政', '办', '发', '〔', '〕', '2', '号', '。', '，', 'a', ' ', '\u3000', '\u00a0', '\t');
    const line = fc.array(piece, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (lines, keep) => {
        // Some lines published, some removed, one mangled: the columns must still add up.
        const body = lines.flatMap((t, i) => (keep[i] ? [para(`para${i + 1}`, i + 1, `${t}号`)] : []));
        const removals = lines.flatMap((t, i) => (keep[i] ? [] : [{ line: i + 1, text: t.trim() || '-', reason: 'test' }]));
        const d = document({ body });
        const e = buildLedger({ file: FILE, text: lines.join('\n'), parse: parseOf([d], { removals }), published: as('authoritative', d) });
        expect(balance(e)).toBe(e.sourceChars);
      }),
    );
  });
});

describe('the ledger on the five seeds', () => {
  const names = readdirSync(new URL('../../../content/sources/', import.meta.url)).sort();
  const read = (name: string) => {
    const file = `content/sources/${name}`;
    return { file, bytes: readFileSync(new URL(`../../../${file}`, import.meta.url)) };
  };
  /** The seeds: 001 is the gazette (D1–D6), 003 and 004 the only sources of D7 and D8; 000 and 002 copy D2–D4. */
  const role = (file: string): SourceRole => (/\/00[02]_/.test(file) ? 'copy' : 'authoritative');
  const unaccounted = (e: LedgerEntry) => ledgerFindings(e).filter((f) => f.kind.startsWith('ledger-unaccounted'));

  it.each(names)('%s, roles as above: every character published, collated or removed with a reason', (name) => {
    const { file, bytes } = read(name);
    const text = new TextDecoder().decode(bytes);
    const parse = parseSource({ file, text }, SEED_READER);
    const e = buildLedger({ file, text, parse, published: as(role(file), ...parse.documents) });
    expect(e.authoritative).toBe(role(file) === 'authoritative');
    expect(balance(e)).toBe(e.sourceChars);
    expect(unaccounted(e)).toEqual([]);
  });

  it('gives the same answer with the roles reconcile assigns', () => {
    const result = runIngest(names.map(read), { gazette: SEED });
    expect(result.parses).toHaveLength(names.length);
    for (const { parse, text } of result.parses) {
      const e = buildLedger({ file: parse.file, text, parse, published: result.documents });
      expect([parse.file, e.authoritative]).toEqual([parse.file, role(parse.file) === 'authoritative']);
      expect(unaccounted(e)).toEqual([]);
    }
  });
});
