/**
 * A second gazette from its configuration and sources with no code change (issue 15): examples/guowuyuan-gongbao
 * (the 国务院公报) built by scripts/build.ts in a work folder (tests/support/workdir.ts) — pages, search index,
 * PDFs, API — beside a build of the seed gazette started at the same time, each from its own configuration.
 *
 * Its pages must name only the 国务院公报: not one word of the seed's configuration (吉林省人民政府公报, 省政府,
 * 吉政办发, 复总 …) in any page, API file, feed or PDF; its issue reads in its own numbering and its clauses are
 * anchored. The seed build beside it names none of the 国务院公报's own words.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import GUOWUYUAN from '../../examples/guowuyuan-gongbao/gongbao.config.ts';
import { openPdf } from '../../src/pdf/pdf-read.ts';
import { SEED } from '../support/seed-gazette.ts';
import { prepareWorkdir } from '../support/workdir.ts';

const project = resolve('.');
const root = resolve('.cache/test-builds');
const EXAMPLE = 'examples/guowuyuan-gongbao';

/** scripts/build.ts in `work`, as a user runs it; resolves with its output, rejects on a non-zero exit. */
function build(work: string, env: Record<string, string>, ...args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(join(work, 'node_modules/.bin/tsx'), ['scripts/build.ts', ...args], {
      cwd: work,
      env: { ...process.env, ...env, PATH: `${join(project, 'node_modules/.bin')}${delimiter}${process.env['PATH'] ?? ''}` },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`build in ${work} failed (${String(code)}):\n${out}`))));
  });
}

/** A work folder with these sources; the seed's editorial pages only beside the seed's sources. */
function workWith(name: string, sources: string, editorial: boolean): string {
  const work = prepareWorkdir(join(root, name), { editorial });
  for (const dir of ['content/sources', 'dist', '.cache', 'examples']) rmSync(join(work, dir), { recursive: true, force: true });
  cpSync(join(project, 'examples'), join(work, 'examples'), { recursive: true });
  cpSync(join(project, sources), join(work, 'content/sources'), { recursive: true });
  mkdirSync(join(work, 'content/sources'), { recursive: true });
  return work;
}

/**
 * The text of every page of a PDF, read with pdfjs-dist as the build's own checks read it (no poppler needed),
 * without white space: pdfjs reads the letter-spaced masthead as 「中 华 人 民 …」, and a spaced-out word must be found.
 */
async function pdfText(path: string): Promise<string> {
  const pdf = await openPdf(readFileSync(path));
  try {
    return (await pdf.pageTexts()).join('').replace(/\s+/g, '');
  } finally {
    await pdf.close();
  }
}

/** Every text a reader or a program gets from a built site: pages, API, feeds (gunzipped), PDFs. */
async function siteTexts(dist: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const d of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const path = join(d.parentPath, d.name);
    const rel = path.slice(dist.length + 1);
    if (rel.startsWith('pagefind/') || rel.startsWith('_astro/')) continue; // the index's own compressed shards; fonts and scripts
    if (/\.(html|json|xml|txt|md|ndjson)$/.test(d.name)) out.set(rel, readFileSync(path, 'utf8'));
    else if (d.name.endsWith('.gz')) out.set(rel, gunzipSync(readFileSync(path)).toString('utf8'));
    else if (d.name.endsWith('.pdf')) out.set(rel, await pdfText(path));
  }
  return out;
}

/**
 * The words that make a gazette itself: its name, publisher, sponsor, place, the words of its numbering, and the
 * authorities it abbreviates (its own: 省政府 is 吉林's) with their short forms and 机关代字. Other authorities
 * it knows (国务院, 最高人民法院 …) are cited by any gazette's documents and are not its identity; nor is the
 * nation (中华人民共和国), whose laws every gazette cites.
 */
const ownWords = (c: typeof SEED): string[] =>
  [
    c.name,
    c.shortName,
    c.publisher,
    c.sponsor,
    c.jurisdiction.replace(/(?:省|市|自治区)$/, ''),
    c.legalNote,
    ...c.issuers.filter((i) => i.aliases.length > 0).flatMap((i) => [i.name, ...i.aliases, ...i.codes]),
    ...[c.numbering.number, c.numbering.cumulative].flatMap((t) => t.split(/\{\w+\}|[（）():：\s]+/)),
  ].filter((w) => [...w].length >= 2 && w !== '中华人民共和国');

const hits = (texts: Map<string, string>, words: readonly string[]): string[] =>
  [...texts].flatMap(([file, text]) => words.filter((w) => text.includes(w)).map((w) => `${file}: ${w}`));

let example: { dist: string; texts: Map<string, string>; log: string };
let seed: { dist: string; texts: Map<string, string> };

beforeAll(async () => {
  const exampleWork = workWith('guowuyuan', `${EXAMPLE}/sources`, false);
  const seedWork = workWith('seed-beside', 'content/sources', true);
  // Side by side: two gazettes from one code tree at once, each folder with its own configuration.
  const [log] = await Promise.all([
    build(exampleWork, { GONGBAO_CONFIG: `${EXAMPLE}/gongbao.config.ts` }, '--strict'),
    build(seedWork, {}, '--strict', '--no-pdf'),
  ]);
  example = { dist: join(exampleWork, 'dist'), texts: await siteTexts(join(exampleWork, 'dist')), log };
  seed = { dist: join(seedWork, 'dist'), texts: await siteTexts(join(seedWork, 'dist')) };
});

describe('the 国务院公报 example (examples/guowuyuan-gongbao)', () => {
  it('builds its own pages, search index, PDFs and API', () => {
    // sources/001_guowuyuan-2019-6.txt: one issue, 2019年第6号, with 国办发〔2018〕126号 and 国发〔2019〕4号.
    expect(example.log).toMatch(/ingest: 1 期、2 个文件/);
    for (const path of [
      'index.html',
      'issues/2019/6/index.html',
      'documents/gf-2019-4/index.html',
      'documents/gbf-2018-126/index.html',
      'api/index.json',
      'api/documents/gf-2019-4.json',
      'api/issues/2019-6.json',
      'pdf/2019-6.pdf',
      'pdf/documents/gf-2019-4.pdf',
      'pagefind/pagefind.js',
    ])
      expect(existsSync(join(example.dist, path)), path).toBe(true);
  });

  it('names only the 国务院公报: no word of the seed gazette on any page, API file, feed or PDF', () => {
    expect(example.texts.size).toBeGreaterThan(40);
    expect(ownWords(SEED)).toEqual(expect.arrayContaining(['吉林省人民政府公报', '吉林', '省政府', '吉政办发', '复总第']));
    expect(hits(example.texts, ownWords(SEED))).toEqual([]);
    const home = example.texts.get('index.html')!;
    expect(home).toContain('<title>中华人民共和国国务院公报</title>');
    expect(example.texts.get('pdf/2019-6.pdf')).toContain('中华人民共和国国务院公报');
  });

  it('labels its issue in its own numbering (2019年第6号（总号：1654）)', () => {
    const page = example.texts.get('issues/2019/6/index.html')!;
    expect(page).toContain('<h1>2019年第6号（总号：1654）</h1>');
    expect(example.texts.get('issues/index.html')).toContain('2019年第6号（总号：1654）');
    expect(example.texts.get('documents/gf-2019-4/index.html')).toContain('"legislationJurisdiction":"中华人民共和国"');
  });

  it('anchors its documents: every clause id of the API is an anchor of its page and has a short link', () => {
    const api = JSON.parse(example.texts.get('api/documents/gf-2019-4.json')!) as { body: Array<{ id: string; type: string; children?: unknown[] }> };
    const ids: string[] = [];
    const walk = (blocks: Array<{ id: string; type: string; children?: unknown[] }>): void => {
      for (const b of blocks) {
        if (b.type === 'clause') ids.push(b.id);
        walk((b.children ?? []) as typeof blocks);
      }
    };
    walk(api.body);
    // 国发〔2019〕4号's plan: 七 parts, 二十 sections (tests/fixtures/corpus/gov_guofa2019-4_*: 一、… 七、, （一）…（二十）).
    expect(ids.length).toBeGreaterThanOrEqual(27);
    const page = example.texts.get('documents/gf-2019-4/index.html')!;
    expect(ids.filter((id) => !page.includes(`id="${id}"`))).toEqual([]);
    expect(ids.filter((id) => !existsSync(join(example.dist, 'c/gf-2019-4', id, 'index.html')))).toEqual([]);
  });
});

describe('two gazettes side by side', () => {
  it('the seed build beside it names only its own gazette', () => {
    expect(seed.texts.get('index.html')).toContain('<title>吉林省人民政府公报</title>');
    expect(seed.texts.get('issues/2023/4/index.html')).toContain('2023年第4期（复总第888期）');
    expect(ownWords(GUOWUYUAN)).toEqual(expect.arrayContaining(['中华人民共和国国务院公报', '国务院公报', '总号']));
    expect(hits(seed.texts, ownWords(GUOWUYUAN))).toEqual([]);
  });
});
