import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTemplates, generateArchive, issueSpec, tableRows } from '../../../tools/bench/generate.ts';
import { bigramPool, breakParagraph, rng, varyText } from '../../../tools/bench/vary.ts';
import { parseGazetteDump } from '../../../src/ingest/sources/gazette-dump/index.ts';
import { parseClauseLabel } from '../../../src/ingest/structure/clauses.ts';
import { detectSourceKind } from '../../../src/ingest/sources/index.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';
import { FATAL_KINDS } from '../../../src/ingest/emit/report.ts';
import { SEED, SEED_READER } from '../../support/seed-gazette.ts';

const read = (dir: string) =>
  readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => ({ file: `${dir}/${n}`, text: readFileSync(`${dir}/${n}`, 'utf8') }));
const seeds = read('content/sources');
const seed001 = seeds.find((s) => s.file.includes('/001_'))!;
const templates = buildTemplates(seed001, [...seeds.filter((s) => s !== seed001), ...read('tests/fixtures/corpus')]);
const archive = generateArchive(templates, 30);

describe('bench generator: templates', () => {
  it('re-lays the seed issue’s four official documents and the corpus documents, not the copies of the seed', () => {
    const origins = templates.officials.map((o) => o.origin);
    expect(origins.filter((o) => o.includes('/001_'))).toHaveLength(4);
    expect(origins.some((o) => o.includes('/000_'))).toBe(false);
    expect(origins.filter((o) => o.includes('tests/fixtures/corpus/')).length).toBeGreaterThanOrEqual(5);
  });
  it('keeps the bigram pool free of numerals and Traditional-only characters', () => {
    expect(templates.pool.length).toBeGreaterThan(5000);
    expect(templates.pool.some((b) => /[一二三四五六七八九十]/.test(b))).toBe(false);
    expect(templates.pool).not.toContain('發展');
  });
});

describe('bench generator: issues in the 001 layout', () => {
  it('numbers issues 24 a year, the last in 2022', () => {
    expect(issueSpec(0, 30)).toEqual({ index: 0, year: 2021, number: 1, cumulative: 1 });
    expect(issueSpec(29, 30)).toMatchObject({ year: 2022, number: 6 });
    expect(archive.map((g) => g.id)).toHaveLength(new Set(archive.map((g) => g.id)).size);
  });

  it.each([0, 1, 2, 17, 29])('issue #%i is read as a gazette dump into its six documents with the expected slugs', (i) => {
    const g = archive[i]!;
    expect(detectSourceKind({ file: g.file, text: g.text })).toBe('gazette-dump');
    const parse = parseGazetteDump({ file: g.file, text: g.text }, SEED_READER);
    expect(parse.issue?.id).toBe(g.id);
    expect(parse.documents.map((d) => d.slug)).toEqual(g.documents.map((d) => d.slug));
    expect(parse.documents.map((d) => d.kind)).toEqual(g.documents.map((d) => d.kind));
    expect(parse.documents.map((d) => d.docNumber?.normalized ?? null)).toEqual(g.documents.map((d) => d.docNumber));
    // Every TOC entry links to its document.
    const entries = parse.issue!.sections.flatMap((s) => s.entries);
    expect(entries.length).toBe(g.documents.length - 1); // the cover story is not in the TOC
    expect(entries.every((e) => e.document !== null)).toBe(true);
    expect(parse.findings.filter((f) => f.severity === 'error' || f.severity === 'severe' || FATAL_KINDS.has(f.kind))).toEqual([]);
  });

  it('gives every document of the archive a unique slug, and every 发文字号 a new serial', () => {
    const slugs = archive.flatMap((g) => g.documents.map((d) => d.slug));
    expect(slugs).toHaveLength(180);
    expect(new Set(slugs).size).toBe(slugs.length);
    const numbers = archive.flatMap((g) => g.documents.flatMap((d) => (d.docNumber ? [d.docNumber] : [])));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('varies every paragraph: no body paragraph of the seed issue appears verbatim, and no two issues share one', () => {
    const seedParas = new Set(seed001.text.split('\n').filter((l) => l.length > 30));
    // Issue furniture is printed the same in every issue (masthead, board, 简介); the documents are not.
    const c = templates.columns;
    const furniture = new Set([...c.about, ...c.board, ...c.masthead, c.statement, ...c.motto, 'JILINSHENG RENMIN ZHENGFU GONGBAO']);
    const seen = new Map<string, string>();
    for (const g of archive.slice(0, 6)) {
      for (const line of g.text.split('\n')) {
        if (line.length <= 30 || furniture.has(line)) continue;
        expect(seedParas.has(line), line).toBe(false);
        const before = seen.get(line);
        if (before !== undefined && before !== g.id) expect.fail(`「${line.slice(0, 30)}…」 in ${before} and ${g.id}`);
        seen.set(line, g.id);
      }
    }
  });

  it('is deterministic', () => {
    const again = generateArchive(templates, 30);
    expect(again.map((g) => g.text)).toEqual(archive.map((g) => g.text));
  });

  it('goes through the whole ingest without a fatal finding, every issue keeping its own 政务要闻', () => {
    const some = generateArchive(templates, 4);
    const result = runIngest(some.map((g) => ({ file: `content/sources/${g.file}`, bytes: new TextEncoder().encode(g.text) })), { gazette: SEED });
    expect(result.issues.map((i) => i.id)).toEqual(some.map((g) => g.id));
    expect(result.findings.filter((f) => FATAL_KINDS.has(f.kind) || f.severity === 'error' || f.severity === 'severe')).toEqual([]);
    // Documents without a 发文字号 in two issues (each issue's 政务要闻) are never grouped as copies (group.ts).
    const expected = some.flatMap((g) => g.documents.map((d) => d.slug));
    const published = new Set(result.documents.map((d) => d.id));
    expect(expected.filter((s) => !published.has(s))).toEqual([]);
  });
});

describe('bench generator: helpers', () => {
  it('varyText keeps labels, dates, 发文字号, the tail and TAB rows', () => {
    const pool = bigramPool(['甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥']);
    const r = rng(1);
    const clause = '（三）加强科技创新能力建设，依据吉政办发〔2022〕26号文件精神推动产业升级。（省科技厅负责）';
    const v = varyText(clause, r, pool);
    expect(v).not.toBe(clause);
    expect(v.startsWith('（三）加强')).toBe(true);
    expect(v).toContain('吉政办发〔2022〕26号');
    expect(v.endsWith('负责）')).toBe(true);
    expect(parseClauseLabel(v)?.label).toBe('（三）');
    const entry = '2月14日 省委书记景俊海到吉林市调研指导冰雪强省建设工作。';
    expect(varyText(entry, r, pool).startsWith('2月14日 省委')).toBe(true);
    expect(varyText('领域\t序号\t指标', r, pool)).toBe('领域\t序号\t指标');
  });

  it('breakParagraph splits between Han characters so that the second part opens no clause', () => {
    const text = `${'推动经济社会高质量发展'.repeat(8)}。`;
    const [a, b] = breakParagraph(text, rng(7));
    expect(a! + b!).toBe(text);
    expect(b && parseClauseLabel(b)).toBeFalsy();
  });

  it('tableRows rebuilds the grid: a row-spanned cell leaves an empty first cell below it', () => {
    const src = { file: 'x', line: 1 };
    const rows = tableRows({
      columns: 3,
      header: [{ kind: 'data', source: src, cells: [{ text: '领域', rowspan: 1, colspan: 1 }, { text: '序号', rowspan: 1, colspan: 1 }, { text: '指标', rowspan: 1, colspan: 1 }] }],
      rows: [
        { kind: 'data', source: src, cells: [{ text: '支撑保障', rowspan: 2, colspan: 1 }, { text: '2', rowspan: 1, colspan: 1 }, { text: '甲', rowspan: 1, colspan: 1 }] },
        { kind: 'data', source: src, cells: [{ text: '3', rowspan: 1, colspan: 1 }, { text: '乙', rowspan: 1, colspan: 1 }] },
      ],
    });
    expect(rows).toEqual(['领域\t序号\t指标', '支撑保障\t2\t甲', '\t3\t乙']);
  });
});
