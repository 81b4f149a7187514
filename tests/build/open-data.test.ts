/**
 * The open data of the seed build (dist/, which `npm test` has just built), checked from the outside as a
 * mirror would: every API file against its published JSON Schema (ajv), every Akoma Ntoso file against
 * the official XSD (tests/fixtures/akn/, xmllint-wasm), every hash of the manifest recomputed, and the
 * text of every document page equal to the text rebuilt from its JSON alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyLines, canonicalText } from '../../src/site/export/text.ts';
import type { DocumentApi, ManifestApi } from '../../src/gazette/schema.ts';

const DIST = 'dist';
const read = (p: string) => readFileSync(join(DIST, p), 'utf8');
const json = <T,>(p: string): T => JSON.parse(read(p)) as T;
const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');
const ids = readdirSync(join(DIST, 'api/documents')).flatMap((n) => (/^[a-z0-9-]+\.json$/.test(n) ? [n.replace(/\.json$/, '')] : [])).sort();
const docs = new Map(ids.map((id) => [id, json<DocumentApi>(`api/documents/${id}.json`)]));

beforeAll(() => {
  if (!existsSync(join(DIST, 'api/manifest.json'))) throw new Error('dist/ has no open data: run `npm run build` first');
});

/** The text of an element, collation notes (校勘记) and the editors' notes (校勘决定, 更正) — not body text — left out. */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && [node.properties['className']].flat().some((c) => c === 'collation' || c === 'editorial-note')) return '';
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
function find(node: Nodes, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  if (node.type === 'element' && test(node)) out.push(node);
  else if ('children' in node) for (const c of node.children) find(c, test, out);
  return out;
}
const hasClass = (e: Element, c: string) => [e.properties['className']].flat().includes(c);
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Source character, shown character: the only differences the page may show (src/gazette/width.ts). */
const WIDENED = new Set(['(（', ')）', ',，', ';；', ':：', '?？', '!！']);

describe('the document API holds the whole published body', () => {
  it('builds all ten seed documents', () => {
    expect(ids).toEqual(['2021-04-13-jb', '2021-12-20-yj', '2023-4-cover', '2023-4-juanshouyu', '2023-4-zwyw', 'jzbf-2022-26', 'jzbf-2022-27', 'jzbh-2022-137', 'jzf-2022-21', 'jzgr-2023-6-7']);
  });

  it.each(ids)('the text of /documents/%s/ equals the text rebuilt from its JSON', (id) => {
    const tree = fromHtml(read(`documents/${id}/index.html`));
    const parts = find(tree, (e) => (e.tagName === 'section' && hasClass(e, 'notice')) || (e.tagName === 'div' && hasClass(e, 'doc-body')));
    expect(parts.length).toBeGreaterThan(0);
    const page = squeeze(parts.map(textOf).join(''));
    expect(page.length).toBeGreaterThan(10);
    const source = squeeze(bodyLines(docs.get(id)!).join(''));
    // The page shows half-width punctuation between Chinese characters full-width (src/site/typography.ts), one
    // character for one: the texts align, and every difference is such a pair.
    expect(page.length).toBe(source.length);
    const widened = source.split('').flatMap((c, i) => (c === page[i] ? [] : [`${c}${page[i] ?? ''}`]));
    expect(widened.filter((pair) => !WIDENED.has(pair))).toEqual([]);
  });

  it('carries 任免 entries, notices and the unnumbered preamble that the flat clauses leave out', () => {
    // 001: 聘任 孙铁 / 李德山 (人事任免); 26号's notice and its preamble 「为贯彻落实…」 (l.274).
    const gr = docs.get('jzgr-2023-6-7')!;
    expect(gr.clauses).toEqual([]);
    expect(gr.body.map((b) => b.type)).toEqual(['entry', 'entry']);
    expect(JSON.stringify(gr.body)).toContain('孙铁');
    expect(JSON.stringify(gr.body)).toContain('李德山');
    const d26 = docs.get('jzbf-2022-26')!;
    expect(d26.notice).toBe('《吉林省科技创新生态优化工程实施方案》已经省政府同意，现印发给你们，请认真贯彻执行。');
    expect(d26.body[0]).toMatchObject({ type: 'paragraph', id: 'para1', source: { line: 274 } });
    expect(docs.get('2023-4-zwyw')!.body.filter((b) => b.type === 'entry')).toHaveLength(19);
  });

  it('publishes the 意见’s 发文字号 as inferred from 26号’s citation, with the citing line', () => {
    const yj = docs.get('2021-12-20-yj')!;
    expect(yj.docNumber).toBeNull();
    expect(yj.docNumberInferred).toMatchObject({
      inferred: true,
      number: { normalized: '吉发〔2021〕33号' },
      citedIn: 'jzbf-2022-26',
      clause: 'para1',
      title: '中共吉林省委 吉林省人民政府关于创新型省份建设的意见',
      source: { file: 'content/sources/001_2dbcd8b680e63142.txt', line: 274 },
    });
  });

  it('gives each source its printed metadata and sha256, and the issue its captions and editorial board', () => {
    const d26 = docs.get('jzbf-2022-26')!;
    const infobox = d26.sources.find((s) => s.file.includes('/002_'))!;
    expect(infobox.meta).toMatchObject({ 中文名: '吉林省科技創新生態最佳化工程實施方案', 發布單位: '吉林省人民政府辦公廳' });
    for (const s of d26.sources) expect(s.sha256).toBe(sha(readFileSync(s.file)));
    expect(docs.get('2021-04-13-jb')!.sources[0]!.meta).toMatchObject({ 栏目: '决策参考', publisher: '北华大学' });
    const issue = json<{ captions: string[]; editorialBoard: unknown[] }>('api/issues/2023-4.json');
    expect(issue.captions).toHaveLength(7);
    expect(issue.editorialBoard.length).toBeGreaterThan(0);
  });
});

describe('every API file validates against its published JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const schema = (name: string) => ajv.compile(json<object>(`api/schema/${name}.json`));
  const files: [string, string][] = [
    ['index', 'api/index.json'],
    ['report', 'api/report.json'],
    ['manifest', 'api/manifest.json'],
    ...ids.map((id): [string, string] => ['document', `api/documents/${id}.json`]),
    ...readdirSync(join(DIST, 'api/issues')).map((n): [string, string] => ['issue', `api/issues/${n}`]),
  ];
  it.each(files)('%s: %s', (name, file) => {
    const validate = schema(name);
    expect(validate(json(file)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('every line of the bulk files is a valid document', () => {
    const validate = schema('document');
    for (const b of json<ManifestApi>('api/manifest.json').bulk) {
      const lines = gunzipSync(readFileSync(join(DIST, b.url.replace(/^\//, '')))).toString('utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(b.documents);
      for (const l of lines) expect(validate(JSON.parse(l)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('a schema rejects a file that breaks it', () => {
    const validate = schema('document');
    expect(validate({ ...docs.get('jzbf-2022-26')!, body: [{ type: 'clause', id: 'p1' }] })).toBe(false);
  });
});

describe('the manifest verifies', () => {
  const manifest = json<ManifestApi>('api/manifest.json');
  it('lists every source file with its size and sha256', () => {
    expect(manifest.sources.map((s) => s.file)).toEqual(readdirSync('content/sources').map((n) => `content/sources/${n}`).sort());
    for (const s of manifest.sources) {
      const bytes = readFileSync(s.file);
      expect([s.bytes, s.sha256]).toEqual([bytes.length, sha(bytes)]);
    }
  });
  it('lists every document with the sha256 of its canonical text, which the JSON rebuilds exactly', () => {
    expect(manifest.documents.map((d) => d.id)).toEqual(ids);
    for (const d of manifest.documents) {
      const text = read(d.text.replace(/^\//, ''));
      expect(canonicalText(docs.get(d.id)!)).toBe(text);
      expect(sha(Buffer.from(text, 'utf8'))).toBe(d.textSha256);
      expect(docs.get(d.id)!.textSha256).toBe(d.textSha256);
      expect(read(`documents/${d.id}/index.html`)).toContain(d.textSha256);
    }
  });
  it('lists every bulk file with its size and sha256, holding every document of its year', () => {
    expect(manifest.bulk.map((b) => [b.year, b.documents])).toEqual([[2021, 2], [2022, 4], [2023, 4]]);
    for (const b of manifest.bulk) {
      const bytes = readFileSync(join(DIST, b.url.replace(/^\//, '')));
      expect([bytes.length, sha(bytes)]).toEqual([b.bytes, b.sha256]);
    }
  });
});

describe('Akoma Ntoso 3.0', () => {
  const xsd = [
    { fileName: 'akomantoso30.xsd', contents: readFileSync('tests/fixtures/akn/akomantoso30.xsd', 'utf8') },
    { fileName: 'xml.xsd', contents: readFileSync('tests/fixtures/akn/xml.xsd', 'utf8') },
  ];
  it.each(ids)('%s.akn.xml is valid against the official schema, its eIds one-to-one with our block ids', async (id) => {
    const xml = read(`api/documents/${id}.akn.xml`);
    const result = await validateXML({ xml: [{ fileName: `${id}.xml`, contents: xml }], schema: xsd[0]!, preload: xsd[1]! });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
    const doc = docs.get(id)!;
    const blockIds: string[] = [];
    const walk = (bs: DocumentApi['body']) => { for (const b of bs) { blockIds.push(b.id); if (b.type === 'clause') walk(b.children); } };
    walk(doc.body);
    for (const a of doc.attachments) { blockIds.push(a.id); walk(a.body); }
    const eIds = [...xml.matchAll(/<hcontainer name="[^"]*" eId="([^"]+)"/g)].map((m) => m[1]!).filter((e) => e !== 'plan-title');
    expect(eIds).toEqual(blockIds);
  });
  it('the schema rejects an unknown element', async () => {
    const xml = read('api/documents/jzbf-2022-26.akn.xml').replace('<preface>', '<preface><bogus/>');
    const result = await validateXML({ xml: [{ fileName: 'bad.xml', contents: xml }], schema: xsd[0]!, preload: xsd[1]! });
    expect(result.valid).toBe(false);
  });
});
